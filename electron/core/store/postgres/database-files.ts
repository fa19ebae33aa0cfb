import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import { ar, fill } from '@shared/labels/ar';
import { makePrivateDir, writePrivateFile } from '../../private-files';
import { checkedBytes, fileMissing, pathOf, sha256Of, type FileStore } from '../files/file-store';

/**
 * The PostgreSQL store's files, inside the database (migration 0011): each content once in
 * file_contents by its SHA-256, each name in stored_files. Kept in the caller's write transaction, so a
 * scan is there exactly when the row naming it is, on every desk at once.
 */
export function databaseFiles(): FileStore {
  return {
    async put(db, ref, bytes, at = new Date()) {
      const path = pathOf(ref);
      const sha256 = sha256Of(bytes);
      // The bytes travel only when the store does not hold them intact yet (the server checks its copy):
      // a damaged copy is replaced by a good one, as on SQLite.
      const known = await sql<{ intact: unknown }>`
        SELECT sha256(content) = decode(${sha256}, 'hex') AS intact FROM file_contents WHERE sha256 = ${sha256}`.execute(db);
      if (known.rows.length === 0) {
        await sql`INSERT INTO file_contents (sha256, size, content) VALUES (${sha256}, ${bytes.length}, ${bytes}) ON CONFLICT (sha256) DO NOTHING`.execute(db);
      } else if (!known.rows[0]!.intact) {
        await sql`UPDATE file_contents SET content = ${bytes}, size = ${bytes.length} WHERE sha256 = ${sha256}`.execute(db);
      }
      const before = await sql<{ sha256: string }>`SELECT sha256 FROM stored_files WHERE path = ${path}`.execute(db);
      const previous = before.rows[0]?.sha256;
      if (previous === sha256) return sha256;
      await sql`INSERT INTO stored_files (path, sha256, stored_at) VALUES (${path}, ${sha256}, ${at.toISOString()})
        ON CONFLICT (path) DO UPDATE SET sha256 = EXCLUDED.sha256, stored_at = EXCLUDED.stored_at`.execute(db);
      // A printed copy printed again under its name: the older content goes unless another name keeps it.
      if (previous) {
        await sql`DELETE FROM file_contents WHERE sha256 = ${previous} AND NOT EXISTS (SELECT 1 FROM stored_files WHERE sha256 = ${previous})`.execute(db);
      }
      return sha256;
    },
    async read(db, ref, sha256) {
      const found = await sql<{ content: Buffer }>`
        SELECT c.content FROM stored_files f JOIN file_contents c ON c.sha256 = f.sha256 WHERE f.path = ${pathOf(ref)}`.execute(db);
      const row = found.rows[0];
      if (!row) throw fileMissing();
      return checkedBytes(row.content, sha256);
    },
    async openLocally(ref, bytes) {
      // The preview needs a file: a private copy outside the data folder, gone with the preview.
      const folder = await mkdtemp(join(tmpdir(), 'istiqbal-view-'));
      makePrivateDir(folder);
      const file = join(folder, basename(pathOf(ref)));
      writePrivateFile(file, bytes);
      return { file, release: () => rm(folder, { recursive: true, force: true }) };
    },
    placeOf: (ref) => fill(ar.files.inSharedStore, { path: pathOf(ref) }),
  };
}
