import type { Migration } from 'kysely';

/**
 * PostgreSQL's 0011 keeps the files (scans, reference PDFs, printed copies) inside that store. On
 * SQLite they stay files in the data folder beside the database — its backups take them from there —
 * so this twin changes nothing: it exists so both stores count the same migrations, by the same names.
 */
export const storedFiles: Migration = {
  async up() {},
};
