import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, provideAll, requestIn, unlockAfterClockJump, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * S5: a submitted request is expected to be answered on the submission day (the desk's day in
 * Riyadh) plus the committee period — 14 days unless the administrator sets another — across month,
 * year and leap-February ends; the committee sees its list oldest first, overdue ones flagged.
 */
let t: TestCore;
let admin: SignedIn;
let supervisor: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-01-01T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  supervisor = await signedInAs(t, 'supervisor', { fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(admin);
  beneficiaryId = (await admin.ok('beneficiaries.register', beneficiaryInput(61))).id;
});
afterAll(() => t.cleanup());

async function setClock(instant: string) {
  t.clock.set(instant);
  await unlockAfterClockJump(admin, supervisor);
}

/** Opened, completed, signed and submitted at the clock's instant. */
async function submitNow() {
  const r = await admin.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.seasonal!.id, channel: 'interview' });
  await provideAll(admin, r);
  await admin.ok('requests.signDeclaration', { requestId: r.id });
  return admin.ok('requests.submit', { requestId: r.id });
}

describe('S5: expected answer date = submission day + committee period (14 days by default)', () => {
  it('the default period is 14 days', async () => {
    expect((await admin.ok('settings.get', {})).committeePeriodDays).toBe(14);
  });

  it.each([
    { label: 'across a month end', at: '2025-01-25T06:00:00Z', day: '2025-01-25', expected: '2025-02-08' },
    { label: 'across a year end', at: '2025-12-25T06:00:00Z', day: '2025-12-25', expected: '2026-01-08' },
    { label: 'across a leap February', at: '2028-02-20T06:00:00Z', day: '2028-02-20', expected: '2028-03-05' },
    { label: 'across a common February', at: '2027-02-20T06:00:00Z', day: '2027-02-20', expected: '2027-03-06' },
    { label: 'late evening in Riyadh is still that day', at: '2026-01-25T20:30:00Z', day: '2026-01-25', expected: '2026-02-08' },
    { label: 'just after midnight in Riyadh is the next day (still the day before in UTC)', at: '2026-01-25T21:30:00Z', day: '2026-01-26', expected: '2026-02-09' },
  ])('$label: $day → $expected', async ({ at, day, expected }) => {
    await setClock(at);
    const r = await submitNow();
    expect(r).toMatchObject({ state: 'submitted', submittedAt: new Date(at).toISOString(), expectedAnswerDate: expected, overdue: false });
    expect(await t.db.selectFrom('requests').select(['submission_day', 'expected_answer_date']).where('id', '=', r.id).executeTakeFirst()).toEqual({
      submission_day: day,
      expected_answer_date: expected,
    });
  });

  it('the administrator changes the period; requests already submitted keep their date', async () => {
    await setClock('2029-01-31T06:00:00Z');
    const before = await submitNow();
    expect(before.expectedAnswerDate).toBe('2029-02-14');

    const refused = await supervisor.call('settings.update', { committeePeriodDays: 30 });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const tooLong = await admin.call('settings.update', { committeePeriodDays: 0 });
    expect(!tooLong.ok && tooLong.error.code).toBe('validation');

    expect((await admin.ok('settings.update', { committeePeriodDays: 30 })).committeePeriodDays).toBe(30);
    try {
      const after = await submitNow();
      expect(after.expectedAnswerDate).toBe('2029-03-02');
      expect((await admin.ok('requests.get', { requestId: before.id })).expectedAnswerDate).toBe('2029-02-14');
    } finally {
      await admin.ok('settings.update', { committeePeriodDays: 14 });
    }
  });
});

describe('S5: the committee list', () => {
  it('submitted and undecided requests, oldest submission first (not by opening)', async () => {
    await setClock('2030-05-05T06:00:00Z');
    // Whatever the earlier cases left undecided is decided first, so the list is this case's alone.
    for (const r of await supervisor.ok('requests.committee', {})) {
      await supervisor.ok('requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'تنظيف قائمة اللجنة' });
    }
    const open = async () => {
      const r = await admin.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.seasonal!.id, channel: 'phone' });
      await provideAll(admin, r);
      await admin.ok('requests.signDeclaration', { requestId: r.id });
      return r.id;
    };
    const [a, b, c] = [await open(), await open(), await open()];
    for (const id of [b, c, a]) {
      t.clock.advance({ minutes: 2 });
      await admin.ok('requests.submit', { requestId: id });
    }
    const list = await supervisor.ok('requests.committee', {});
    expect(list.map((r) => r.id)).toEqual([b, c, a]);
    expect(list.every((r) => r.state === 'submitted' && !r.overdue)).toBe(true);

    // A decided request leaves the list.
    await supervisor.ok('requests.decide', { requestId: c, outcome: 'accepted', approvedAmount: 800 });
    expect((await supervisor.ok('requests.committee', {})).map((r) => r.id)).toEqual([b, a]);
  });

  it('overdue only once the expected date has passed in Riyadh, and no longer once decided', async () => {
    await setClock('2031-01-25T06:00:00Z');
    for (const r of await supervisor.ok('requests.committee', {})) {
      await supervisor.ok('requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'تنظيف قائمة اللجنة' });
    }
    const r = await submitNow();
    expect(r.expectedAnswerDate).toBe('2031-02-08');
    const overdue = async () => (await supervisor.ok('requests.committee', {})).find((x) => x.id === r.id)?.overdue;

    await setClock('2031-02-08T20:59:59Z'); // 23:59:59 on the expected day in Riyadh
    expect(await overdue()).toBe(false);
    t.clock.set('2031-02-08T21:00:00Z'); // midnight in Riyadh: the day has passed
    expect(await overdue()).toBe(true);
    expect((await supervisor.ok('requests.get', { requestId: r.id })).overdue).toBe(true);
    expect((await supervisor.ok('requests.list', { states: ['submitted'] })).find((x) => x.id === r.id)?.overdue).toBe(true);

    const decided = await supervisor.ok('requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'خارج نطاق الخدمة' });
    expect(decided).toMatchObject({ state: 'rejected', overdue: false, decision: { outcome: 'rejected', reason: 'خارج نطاق الخدمة', decidedBy: 'فهد ناصر الدوسري' } });
    expect(await overdue()).toBeUndefined();
  });

  it('a request not yet submitted has no expected date and is never overdue', async () => {
    const r = await requestIn('complete', { desk: admin, committee: supervisor }, { beneficiaryId, serviceTypeId: cat.services.seasonal!.id });
    expect(r).toMatchObject({ expectedAnswerDate: null, submittedAt: null, overdue: false });
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
