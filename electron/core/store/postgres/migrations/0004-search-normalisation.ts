import type { Kysely, Migration } from 'kysely';
import { NAME_INDEX_RANK_BASE } from '../../sqlite/migrations/0004-search-normalisation';
import { run } from './ddl';

/**
 * The words of name_norm as a text search vector, one lexeme per word, taken as they are: no parser
 * and no dictionary, so nothing depends on the server's locale or text search configuration, and a
 * word is exactly what SQLite's FTS5 sees (name_norm holds letters and digits separated by single
 * spaces). The search (open-postgres-store: searchNames) repeats this expression, so the index applies.
 */
export const NAME_WORDS = `array_to_tsvector(string_to_array(name_norm, ' '))`;

/** The order of the name search (P2): a visitor's search_rank, else the id of someone never seen (SQLite's FTS5 rowid). */
export const NAME_KEY = `coalesce(search_rank, id)`;

/**
 * SQLite's 0004 on PostgreSQL: the last visit on the beneficiary and the search_rank it gives (the same
 * numbers, from the same trigger logic, so both stores order hits alike), and the name index — a GIN
 * index on the words, which matches a whole word or a word prefix ('word':*), beside a btree on the
 * key the hits are ordered by. SQLite's cleanup of invisible characters in stored text is not repeated:
 * a PostgreSQL store starts empty, or from a SQLite store that has had it.
 */
export const searchNormalisation: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `ALTER TABLE beneficiaries ADD COLUMN last_visit_at text COLLATE "C", ADD COLUMN search_rank integer`,
      `CREATE UNIQUE INDEX beneficiaries_search_rank ON beneficiaries(search_rank)`,
      `CREATE INDEX beneficiaries_name_words ON beneficiaries USING gin (${NAME_WORDS})`,
      `CREATE INDEX beneficiaries_name_key ON beneficiaries ((${NAME_KEY}))`,
      // Only forward: a visit written late for an earlier time does not make the person less recent.
      `CREATE FUNCTION visits_touch_last_visit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE beneficiaries SET last_visit_at = NEW.arrived_at,
            search_rank = coalesce((SELECT max(search_rank) FROM beneficiaries), ${NAME_INDEX_RANK_BASE}) + 1
          WHERE id = NEW.beneficiary_id AND (last_visit_at IS NULL OR last_visit_at < NEW.arrived_at);
          RETURN NULL;
        END $$`,
      `CREATE TRIGGER visits_last_visit_ai AFTER INSERT ON visits
        FOR EACH ROW WHEN (NEW.beneficiary_id IS NOT NULL) EXECUTE FUNCTION visits_touch_last_visit()`,
      `CREATE TRIGGER visits_last_visit_au AFTER UPDATE OF beneficiary_id ON visits
        FOR EACH ROW WHEN (NEW.beneficiary_id IS NOT NULL) EXECUTE FUNCTION visits_touch_last_visit()`,
    ]);
  },
};
