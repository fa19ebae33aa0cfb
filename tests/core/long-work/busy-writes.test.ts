import { afterEach, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { spawnTs, type TsChild } from '../../helpers/child-process';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { signedInAs } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * Long work never freezes the desks (docs/architecture.md#long-work-the-job-worker): while another process holds the store's write lock
 * (another desk's shell in the middle of a change), this shell keeps answering — reads at once, a
 * change once the lock is free — and a change that cannot get the lock in time says so in Arabic,
 * with nothing written. Each test holds the lock from a real second process on the same store: on
 * SQLite BEGIN IMMEDIATE on the file, on PostgreSQL the writers' advisory lock (open-postgres-store),
 * which every desk's change takes first.
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

/** A second process on the same store, holding its write lock until told to let go. */
async function holdWriteLock(core: TestCore): Promise<{ release(): Promise<void> }> {
  const child = spawnTs('hold-lock.ts', [core.store.kind === 'postgres' ? core.storeArg : core.storeFile]);
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

describe("a change waits for another process's write lock without freezing the shell", () => {
  it('reads of every desk answer while a check-in waits for the lock; the check-in goes through once the lock is released', async () => {
    // A deadline far away: this test is about waiting, not about giving up.
    t = await openTestCore({ now: '2024-02-14T06:30:00Z', lockWaitMs: 120_000 });
    const desk = await signedInAs(t, 'receptionist');
    const supervisor = await signedInAs(t, 'supervisor', { deskId: 2 });
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(11));
    const lock = await holdWriteLock(t);

    const order: string[] = [];
    const checkIn = desk.call('visits.checkIn', { beneficiaryId: b.id, reason: 'follow_up' }).then((env) => {
      order.push('check-in answered');
      return env;
    });
    expect((await desk.ok('visits.queue', {})).visits).toEqual([]);
    expect((await desk.ok('beneficiaries.search', { text: beneficiaryInput(11).identity.idNumber })).map((h) => h.id)).toEqual([b.id]);
    // (Not a whole file: reading one is recorded in the audit trail first — a write, which waits for the
    // lock like any change; tests/core/audit/reads.test.ts.)
    expect((await supervisor.ok('requests.list', {})).map((r) => r.beneficiaryId)).toEqual([]);
    expect((await supervisor.ok('visits.queue', {})).counts.waiting).toBe(0);
    order.push('reads answered');
    expect(await settled(checkIn)).toBe(false);

    order.push('lock released');
    await lock.release();
    const env = await checkIn;
    expect(env.ok && env.value).toMatchObject({ ticket: 'A-001', state: 'waiting', beneficiaryId: b.id });
    expect(order).toEqual(['reads answered', 'lock released', 'check-in answered']);
    expect((await supervisor.ok('visits.queue', {})).counts.waiting).toBe(1);
  });

  it('a check-in that cannot get the lock before the deadline is refused with «النظام مشغول» and writes nothing; asked again once the lock is free, it goes through', async () => {
    t = await openTestCore({ now: '2024-02-14T06:30:00Z', lockWaitMs: 300 });
    const desk = await signedInAs(t, 'receptionist');
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(12));
    const before = await rowCounts(t);
    const lock = await holdWriteLock(t);

    const refused = await desk.call('visits.checkIn', { beneficiaryId: b.id, reason: 'inquiry' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toEqual({ code: 'busy', message: ar.errors.busy });
      expect(refused.error.message).toBe('النظام مشغول، حاول بعد لحظات.');
      expect(isArabicText(refused.error.message)).toBe(true);
    }
    // Still locked: the shell answers reads, and the refused check-in left nothing behind.
    expect((await desk.ok('visits.queue', {})).visits).toEqual([]);
    await lock.release();
    expect(await rowCounts(t)).toEqual(before);

    // The same input again: the first ticket of the day, so the refusal took no number either.
    const again = await desk.ok('visits.checkIn', { beneficiaryId: b.id, reason: 'inquiry' });
    expect(again.ticket).toBe('A-001');
  });

  it('changes of one shell that wait for the lock go through in the order they were asked', async () => {
    t = await openTestCore({ now: '2024-02-14T06:30:00Z', lockWaitMs: 120_000 });
    const a = await signedInAs(t, 'receptionist', { deskId: 1 });
    const people = [];
    for (const serial of [21, 22, 23]) people.push(await a.ok('beneficiaries.register', beneficiaryInput(serial)));
    const lock = await holdWriteLock(t);

    const answered: number[] = [];
    const checkIns = people.map((p) =>
      a.ok('visits.checkIn', { beneficiaryId: p.id, reason: 'inquiry' }).then((v) => {
        answered.push(p.id);
        return v;
      }),
    );
    expect(await settled(Promise.race(checkIns))).toBe(false);
    await lock.release();
    const tickets = (await Promise.all(checkIns)).map((v) => v.ticket);
    expect(tickets).toEqual(['A-001', 'A-002', 'A-003']);
    expect(answered).toEqual(people.map((p) => p.id));
  });
});
