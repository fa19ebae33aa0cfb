import type { Kysely, Migration } from 'kysely';
import { TEXT, run } from './ddl';

/**
 * The files of a PostgreSQL store live in it (docs/architecture.md#files-filestore): scans, the reference shelf's PDFs and the
 * printed copies, so every desk of the hall reads the same ones and one pg_dump backs up everything.
 * A content is kept once, by its SHA-256 (file_contents); each file of the data folder's layout is a
 * name pointing at one (stored_files: 'attachments/12/<sha256>.png', 'reference/T1-….pdf',
 * 'printed/receipt-….pdf'), so the same scan attached twice, or the same PDF on two shelves, is one
 * content. The content is stored as it is, uncompressed (STORAGE EXTERNAL): PDFs, PNGs and JPEGs are
 * compressed already, and reading a scan back then costs no decompression.
 * SQLite's 0011 adds nothing: there the files stay in the data folder, where its backups take them.
 */
export const storedFiles: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE file_contents (
        sha256 ${TEXT} PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size >= 0),
        content bytea NOT NULL,
        CHECK (octet_length(content) = size))`,
      `ALTER TABLE file_contents ALTER COLUMN content SET STORAGE EXTERNAL`,
      `CREATE TABLE stored_files (
        path ${TEXT} PRIMARY KEY CHECK (path ~ '^(attachments|reference|printed)/[^/]'),
        sha256 ${TEXT} NOT NULL REFERENCES file_contents(sha256),
        stored_at ${TEXT} NOT NULL)`,
      `CREATE INDEX stored_files_sha256 ON stored_files(sha256)`,
    ]);
  },
};
