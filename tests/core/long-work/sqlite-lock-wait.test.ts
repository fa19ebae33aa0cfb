import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { spawnTs, type TsChild } from '../../helpers/child-process';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Long work never freezes the desks (docs/architecture.md#long-work-the-job-worker), on SQLite's own connection: better-sqlite3 would wait
 * for another process's lock inside SQLite, blocking the whole shell, so no statement ever does; one
 * that meets the lock is tried again on timers. SQLite's alone (vitest.config.mts: SQLITE_ONLY): on
 * PostgreSQL a statement waits on the server without blocking anything, and only a change takes the
 * writers' lock (busy-writes.test.ts runs on both stores).
 */

let t: TestCore | null = null;
const holders: TsChild[] = [];
afterEach(async () => {
  for (const child of holders.splice(0)) {
    child.send('exit');
    await child.exited;
  }
  await t?.cleanup();
  t = null;
});

/** A second process on the same store file, holding BEGIN IMMEDIATE until told to let go. */
async function holdWriteLock(core: TestCore): Promise<{ release(): Promise<void> }> {
  const child = spawnTs('hold-lock.ts', [core.storeFile]);
  holders.push(child);
  expect(await child.nextLine(30_000)).toBe('locked');
  return {
    async release() {
      child.send('release');
      expect(await child.nextLine()).toBe('released');
    },
  };
}

/** Whether a promise has settled by now (once the callbacks already due have run). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

describe('no statement of the shell waits inside SQLite', () => {
  it('the connection never busy-waits: a statement outside a change that meets the lock is tried again on timers, and refused as busy after the deadline', async () => {
    t = await openTestCore({ lockWaitMs: 120_000 });
    // better-sqlite3's busy wait would block the whole process: none is left once the store is open.
    expect(t.raw.pragma('busy_timeout', { simple: true })).toBe(0);
    const lock = await holdWriteLock(t);

    // A statement that needs the write lock, outside Store.write (as a tool would run one).
    const touch = sql`UPDATE settings SET value = value WHERE key = 'timeZone'`.execute(t.store.db);
    // Still waiting once the loop has turned: it waits on timers, not inside SQLite.
    expect(await settled(touch)).toBe(false);
    await lock.release();
    await touch;

    const short = await openTestCore({ dataDir: t.dataDir, lockWaitMs: 200 });
    try {
      await holdWriteLock(short);
      await expect(sql`UPDATE settings SET value = value WHERE key = 'timeZone'`.execute(short.store.db)).rejects.toMatchObject({
        code: 'busy',
        message: ar.errors.busy,
      });
    } finally {
      await short.cleanup();
    }
  });
});
