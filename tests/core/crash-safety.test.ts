// SQLite only (vitest.config.mts, SQLITE_ONLY): the SQLite file itself (WAL, synchronous=FULL) under SIGKILL; PostgreSQL is a server with its own durability.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/core';
import { spawnTs } from '../helpers/child-process';
import { makeTempDir, openTestCore } from '../helpers/test-core';

/**
 * "Killing the process in the middle of a stream of check-ins loses none that were confirmed, and the
 * store passes PRAGMA integrity_check afterwards" (docs/architecture.md#reliability). A real child
 * process checks visitors in as fast as it can and prints each ticket after dispatch returned ok;
 * the test SIGKILLs it mid-stream, several times on the same store, then reopens the store.
 */
const dataDir = makeTempDir('istiqbal-crash-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Confirmed {
  id: number;
  ticket: string;
}

async function runAndKill(afterConfirmed: number): Promise<Confirmed[]> {
  const child = spawnTs('check-in-stream.ts', [dataDir]);
  const confirmed: Confirmed[] = [];
  try {
    expect(await child.nextLine(30_000)).toBe('ready');
    while (confirmed.length < afterConfirmed) {
      const line = await child.nextLine();
      const m = /^confirmed (\d+) ([A-Z]-\d{3,})$/.exec(line);
      if (!m) throw new Error(`unexpected line from the child: ${line}`);
      confirmed.push({ id: Number(m[1]), ticket: m[2]! });
    }
  } finally {
    // Mid-stream, and also if anything above failed: the child never outlives its test.
    child.child.kill('SIGKILL');
  }
  const end = await child.exited;
  expect(end.signal, child.stderr()).toBe('SIGKILL');
  // Lines already in the pipe when the kill landed were confirmed too.
  for (;;) {
    const line = await child.nextLine(50).catch(() => null);
    if (line === null) break;
    const m = /^confirmed (\d+) ([A-Z]-\d{3,})$/.exec(line);
    if (m) confirmed.push({ id: Number(m[1]), ticket: m[2]! });
  }
  return confirmed;
}

it('SIGKILL mid-stream loses no confirmed check-in and leaves an intact store', async () => {
  const confirmed: Confirmed[] = [];
  // Three kills on the same store; the second and third child sign in to the store the first created.
  for (const n of [40, 25, 33]) confirmed.push(...(await runAndKill(n)));
  expect(confirmed.length).toBeGreaterThanOrEqual(98);

  // A plain connection first, before anything could repair the file: the WAL must replay cleanly.
  const raw = new BetterSqlite3(join(dataDir, STORE_FILE_NAME));
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);

    const rows = new Map(
      (raw.prepare('SELECT id, ticket FROM visits').all() as Confirmed[]).map((r) => [r.id, r.ticket]),
    );
    const lost = confirmed.filter((c) => rows.get(c.id) !== c.ticket);
    expect(lost, 'confirmed check-ins missing after the kill').toEqual([]);

    // Each check-in is all or nothing: every visit has its check-in event and its audit row.
    const partial = raw
      .prepare(
        `SELECT v.id FROM visits v
          WHERE (SELECT count(*) FROM visit_events e WHERE e.visit_id = v.id AND e.action = 'checkIn') <> 1
             OR (SELECT count(*) FROM audit a WHERE a.entity = 'visit' AND a.entity_id = v.id AND a.operation = 'visits.checkIn') <> 1`,
      )
      .all();
    expect(partial).toEqual([]);

    // The ticket sequence has no holes and no repeats, across the three runs.
    const byDay = new Map<string, number[]>();
    for (const r of raw.prepare('SELECT day, seq FROM visits ORDER BY day, seq').all() as { day: string; seq: number }[]) {
      byDay.set(r.day, [...(byDay.get(r.day) ?? []), r.seq]);
    }
    for (const seqs of byDay.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  } finally {
    raw.close();
  }

  // And the desk opens on it again and carries on.
  const reopened = await openTestCore({ dataDir });
  try {
    expect(reopened.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (reopened.raw.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
    expect(count).toBeGreaterThanOrEqual(confirmed.length);
  } finally {
    await reopened.close();
  }
}, 90_000);
