import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../../electron/core/store/sqlite/open-sqlite-store';
import { CHECKPOINT_IDLE_MS } from '../../../electron/core/store/sqlite/idle-checkpoint';

/**
 * SQLite copies its WAL back into the store's file (a checkpoint) inside whichever commit crosses its
 * threshold, so every fortieth submission or so waited for it. The store runs it instead a moment
 * after the changes, outside any press: a desk's commits never pay for it, and the file still catches
 * up with the WAL within a fraction of a second.
 */

let dir: string | null = null;
let store: SqliteStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function openStore(): Promise<{ store: SqliteStore; file: string }> {
  dir = mkdtempSync(join(tmpdir(), 'istiqbal-checkpoint-'));
  const file = join(dir, 'istiqbal.sqlite3');
  store = await openSqliteStore({ file });
  store.raw.pragma('wal_checkpoint(TRUNCATE)');
  store.raw.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, filler TEXT NOT NULL)');
  store.raw.pragma('wal_checkpoint(TRUNCATE)');
  return { store, file };
}

/** About 2,400 pages of changes (SQLite's own threshold is 1,000) in 40 committed writes. */
async function manyChanges(s: SqliteStore): Promise<void> {
  const filler = 'ا'.repeat(2_000);
  for (let w = 0; w < 40; w++) {
    await s.write(async (trx) => {
      for (let i = 0; i < 60; i++) await sql`INSERT INTO scratch (filler) VALUES (${filler})`.execute(trx);
    });
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('the WAL checkpoint runs between presses, not inside a commit', () => {
  it('leaves the store file alone during a run of changes and brings it up to date right after', async () => {
    const { store: s, file } = await openStore();
    const before = statSync(file).size;
    await manyChanges(s);
    // Every change is committed in the WAL; none of the 40 commits copied it into the file.
    expect(statSync(file).size).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000 * 4096);
    expect(await until(() => statSync(file).size > before + 2_000 * 4096, CHECKPOINT_IDLE_MS + 3_000)).toBe(true);
    // Everything is in the file: a checkpoint now has nothing left to copy.
    const [after] = s.raw.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(after).toMatchObject({ busy: 0 });
    expect(after!.checkpointed).toBe(after!.log);
    expect((s.raw.prepare('SELECT count(*) AS n FROM scratch').get() as { n: number }).n).toBe(2_400);
  });

  it('waits for a change that is still open between its statements', async () => {
    const { store: s, file } = await openStore();
    await manyChanges(s);
    const size = statSync(file).size;
    // A change that stays open past the quiet moment (a desk's write waiting on something between its statements).
    await s.write(async (trx) => {
      await sql`INSERT INTO scratch (filler) VALUES ('x')`.execute(trx);
      await new Promise((r) => setTimeout(r, CHECKPOINT_IDLE_MS * 3));
      expect(statSync(file).size).toBe(size);
      await sql`INSERT INTO scratch (filler) VALUES ('y')`.execute(trx);
    });
    expect(await until(() => statSync(file).size > size, CHECKPOINT_IDLE_MS + 3_000)).toBe(true);
  });
});
