import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Printed documents: whether each queue ticket came out of the printer, every printing of a
 * declaration (with the text version printed), and the reference shelf's replaced PDFs (T1–T4).
 */
export const printedDocuments: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      // null: not reported yet; 1 printed; 0 failed (shown as not printed, with a reprint action).
      sql`ALTER TABLE visits ADD COLUMN ticket_printed INTEGER`,
      sql`ALTER TABLE visits ADD COLUMN ticket_print_failure TEXT`,
      sql`CREATE TABLE declaration_printings (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        declaration_version_id INTEGER NOT NULL REFERENCES declaration_versions(id),
        printed_at TEXT NOT NULL,
        printed_by INTEGER NOT NULL REFERENCES users(id))`,
      sql`CREATE INDEX declaration_printings_request ON declaration_printings(request_id)`,
      sql`CREATE TABLE reference_documents (
        shelf TEXT PRIMARY KEY CHECK (shelf IN ('T1','T2','T3','T4')),
        stored_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id))`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
