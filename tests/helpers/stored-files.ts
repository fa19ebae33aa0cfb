import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { pathOf, type FileRef, type FileShelf } from '../../electron/core/store/files/file-store';
import type { TestCore } from './test-core';

/**
 * The files a store keeps (scans, reference PDFs, printed copies), looked at where that store keeps
 * them — files in the data folder on SQLite, rows of stored_files and file_contents on PostgreSQL —
 * not through the core, so a test sees what is really there.
 */
type Kept = Pick<TestCore, 'store' | 'db' | 'dataDir'>;

/** The names kept on a shelf, sorted, with "/" between folders. */
export async function keptFiles(t: Kept, shelf: FileShelf): Promise<string[]> {
  if (t.store.kind === 'postgres') {
    const { rows } = await sql<{ path: string }>`SELECT path FROM stored_files WHERE path LIKE ${`${shelf}/%`} ORDER BY path`.execute(t.db);
    return rows.map((r) => r.path.slice(shelf.length + 1));
  }
  const dir = join(t.dataDir, shelf);
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(/[\\/]/).join('/'))
    .sort();
}

/** How many contents the store holds for its files (on SQLite every file is its own). */
export async function keptContents(t: Kept): Promise<number> {
  if (t.store.kind === 'postgres') {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM file_contents`.execute(t.db);
    return Number(rows[0]!.n);
  }
  let n = 0;
  for (const shelf of ['attachments', 'reference', 'printed'] as const) n += (await keptFiles(t, shelf)).length;
  return n;
}

/** The bytes kept as `ref`, or null when nothing is. */
export async function keptBytes(t: Kept, ref: FileRef): Promise<Buffer | null> {
  if (t.store.kind === 'postgres') {
    const { rows } = await sql<{ content: Buffer }>`
      SELECT c.content FROM stored_files f JOIN file_contents c ON c.sha256 = f.sha256 WHERE f.path = ${pathOf(ref)}`.execute(t.db);
    return rows[0]?.content ?? null;
  }
  const file = join(t.dataDir, ...pathOf(ref).split('/'));
  return existsSync(file) ? readFileSync(file) : null;
}

/** One byte of the kept bytes changed, the size the same: what a disk fault or a meddler leaves. */
export async function tamperWithKeptFile(t: Kept, ref: FileRef): Promise<void> {
  if (t.store.kind === 'postgres') {
    await sql`UPDATE file_contents SET content = set_byte(content, 10, (get_byte(content, 10) + 1) % 256)
      WHERE sha256 = (SELECT sha256 FROM stored_files WHERE path = ${pathOf(ref)})`.execute(t.db);
    return;
  }
  const file = join(t.dataDir, ...pathOf(ref).split('/'));
  const bytes = readFileSync(file);
  bytes[10] = (bytes[10]! + 1) % 256;
  writeFileSync(file, bytes);
}

/** The kept file gone, its row or record left as it was. */
export async function removeKeptFile(t: Kept, ref: FileRef): Promise<void> {
  if (t.store.kind === 'postgres') {
    await sql`DELETE FROM stored_files WHERE path = ${pathOf(ref)}`.execute(t.db);
    return;
  }
  rmSync(join(t.dataDir, ...pathOf(ref).split('/')));
}
