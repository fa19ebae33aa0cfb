import type { Kysely, Migration } from 'kysely';
import { ID, TEXT, run } from './ddl';

/** SQLite's 0003 on PostgreSQL: whether each ticket came out, declaration printings, the reference shelf (T1–T4). */
export const printedDocuments: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      // null: not reported yet; true printed; false failed (shown as not printed, with a reprint action).
      `ALTER TABLE visits ADD COLUMN ticket_printed boolean, ADD COLUMN ticket_print_failure ${TEXT}`,
      `CREATE TABLE declaration_printings (
        id ${ID},
        request_id integer NOT NULL REFERENCES requests(id),
        declaration_version_id integer NOT NULL REFERENCES declaration_versions(id),
        printed_at ${TEXT} NOT NULL,
        printed_by integer NOT NULL REFERENCES users(id))`,
      `CREATE INDEX declaration_printings_request ON declaration_printings(request_id)`,
      // The PDFs themselves are files in the data folder for now, as on SQLite.
      `CREATE TABLE reference_documents (
        shelf ${TEXT} PRIMARY KEY CHECK (shelf IN ('T1','T2','T3','T4')),
        stored_name ${TEXT} NOT NULL,
        sha256 ${TEXT} NOT NULL,
        updated_at ${TEXT} NOT NULL,
        updated_by integer NOT NULL REFERENCES users(id))`,
    ]);
  },
};
