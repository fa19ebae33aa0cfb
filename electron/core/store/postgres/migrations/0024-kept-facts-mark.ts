import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/**
 * What the dispatcher keeps between calls (three settings and the signed-in users: dispatcher.ts) is
 * read again when Store.changeMark moves. It moved with every write of any desk, so in a hall where
 * another desk checks visitors in, every call of this desk read the settings and its user again: two
 * round trips more while nothing they hold had changed. It now moves with the transactions that wrote
 * to users or settings, told by these tables' own triggers — whatever wrote them, a handler or an
 * administrator's hand on the database — which count them in `facts`, beside `writes`.
 * SQLite's 0024 changes nothing: its mark is its own file's.
 */
export const keptFactsMark: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `ALTER TABLE store_revision ADD COLUMN facts bigint NOT NULL DEFAULT 0`,
      // Counted here, not at the commit, so a statement of an administrator's own moves it too; the
      // transaction's own count (istiqbal.facts) tells a desk's process its own part.
      `CREATE FUNCTION kept_facts_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE store_revision SET facts = facts + 1 WHERE id = 1;
          PERFORM set_config('istiqbal.facts', (coalesce(nullif(current_setting('istiqbal.facts', true), ''), '0')::bigint + 1)::text, true);
          RETURN NULL;
        END $$`,
      `CREATE TRIGGER users_kept_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_written()`,
      `CREATE TRIGGER settings_kept_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_written()`,
    ]);
  },
};
