import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnTs, type TsChild } from '../../helpers/child-process';
import { walkInInput } from '../../helpers/fixtures';
import { signedInAs } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Two desks calling at the same moment never get the same visitor (docs/design.md#a-visit).
 * Each desk is its own Node process with its own core and connection to one store (a SQLite file, or
 * one PostgreSQL database), as two desks sharing a store are; every round both are told "call next" in the same tick.
 */
const NOW = '2024-02-14T07:00:00.000Z';
const WAITING = 60;

let t: TestCore;
let desks: TsChild[] = [];
const waitingIds: number[] = [];

async function command(desk: TsChild, op: string, input: unknown = {}) {
  desk.send(JSON.stringify({ op, input }));
  return JSON.parse(await desk.nextLine()) as { ok: boolean; value?: { id: number } | null; error?: { code: string; message: string } };
}

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T05:00:00Z' });
  const a = await signedInAs(t, 'receptionist', { username: 'desk.a', fullName: 'نورة موظفة المكتب أ' });
  await signedInAs(t, 'receptionist', { username: 'desk.b', fullName: 'خالد موظف المكتب ب' });
  for (let i = 0; i < WAITING; i++) {
    t.clock.advance({ seconds: 20 });
    waitingIds.push((await a.ok('visits.checkIn', walkInInput(`زائر ${i} الحربي`))).id);
  }
  await t.close(); // the test's own connection leaves; the folder stays for the desks
  desks = [spawnTs('desk-process.ts', [t.dataDir, NOW, t.storeArg]), spawnTs('desk-process.ts', [t.dataDir, NOW, t.storeArg])];
  for (const d of desks) expect(await d.nextLine(30_000)).toBe('ready');
  const signIns = await Promise.all([
    command(desks[0]!, 'auth.signIn', { username: 'desk.a', password: 'staff-pass-1445', deskId: 1 }),
    command(desks[1]!, 'auth.signIn', { username: 'desk.b', password: 'staff-pass-1445', deskId: 2 }),
  ]);
  for (const s of signIns) expect(s.ok, JSON.stringify(s)).toBe(true);
}, 60_000);

afterAll(async () => {
  for (const d of desks) {
    d.send(JSON.stringify({ op: 'exit' }));
    d.child.stdin.end();
  }
  await Promise.all(desks.map((d) => Promise.race([d.exited, new Promise((r) => setTimeout(r, 5_000))])));
  for (const d of desks) if (d.child.exitCode === null) d.child.kill('SIGKILL');
  const { rmSync } = await import('node:fs');
  rmSync(t.dataDir, { recursive: true, force: true });
});

it('every waiting visitor is called exactly once, never by both desks', async () => {
  const calledBy: Record<number, string[]> = {};
  let rounds = 0;
  for (;;) {
    rounds++;
    // Both commands leave in the same tick: the desks race for the oldest waiting visitor. Each desk
    // keeps everyone it called (confirmed): the race, not serving one at a time, is what is tested here.
    desks[0]!.send(JSON.stringify({ op: 'visits.callNext', input: { alsoWhileServing: true } }));
    desks[1]!.send(JSON.stringify({ op: 'visits.callNext', input: { alsoWhileServing: true } }));
    const answers = await Promise.all(desks.map(async (d) => JSON.parse(await d.nextLine()) as Awaited<ReturnType<typeof command>>));
    answers.forEach((env, i) => {
      expect(env.ok, `round ${rounds}, desk ${i}: ${JSON.stringify(env)}`).toBe(true);
      if (env.value) (calledBy[env.value.id] ??= []).push(i === 0 ? 'A' : 'B');
    });
    if (answers.every((env) => env.value === null)) break;
    expect(rounds).toBeLessThan(WAITING + 5);
  }

  const twice = Object.entries(calledBy).filter(([, by]) => by.length > 1);
  expect(twice, 'visits called more than once').toEqual([]);
  expect(Object.keys(calledBy).map(Number).sort((x, y) => x - y)).toEqual(waitingIds);
  // Both desks really competed: the work is shared, not done by one while the other waited.
  const byA = Object.values(calledBy).filter((by) => by[0] === 'A').length;
  expect(byA).toBeGreaterThan(WAITING / 4);
  expect(byA).toBeLessThan((WAITING * 3) / 4);

  // The store agrees: each visit is being served by exactly the desk that got it, with one call event.
  const check = await openTestCore({ dataDir: t.dataDir, now: NOW });
  try {
    const rows = await check.db
      .selectFrom('visits as v')
      .innerJoin('desks as d', 'd.id', 'v.serving_desk_id')
      .select((eb) => [
        'v.id',
        'v.state',
        'v.version',
        'd.ticket_prefix as desk',
        eb
          .selectFrom('visit_events as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.visit_id', '=', 'v.id')
          .where('e.action', '=', 'call')
          .as('calls'),
      ])
      .orderBy('v.id')
      .execute();
    expect(rows).toHaveLength(WAITING);
    for (const r of rows) {
      expect(r).toMatchObject({ state: 'serving', version: 2, calls: 1 });
      expect(r.desk).toBe(calledBy[r.id]![0]);
    }
    const audits = await check.db.selectFrom('audit').select('id').where('operation', '=', 'visits.callNext').execute();
    expect(audits).toHaveLength(WAITING); // one per visitor called; an empty call-next changes nothing and writes none
    if (check.store.kind === 'sqlite') expect(check.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    await check.close();
  }
}, 60_000);
