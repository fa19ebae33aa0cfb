import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardView, VisitView } from '@shared/contract';
import { BOARD_DAYS } from '@shared/contract/board';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, unlockAfterClockJump, type Catalogue } from '../../helpers/requests';
import { anonymous, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The supervisor's live board, every figure hand-computed from a scripted hall on a real store (both
 * engines). Riyadh is UTC+3: 05:00Z is 08:00 at the desk, 21:00Z is the next day's midnight.
 *
 *   2025-02-08 (outside the 30 days)  one inquiry, never called
 *   2025-02-09 (first of the 30 days) one inquiry, never called
 *   2025-03-09 (yesterday), desk A    a inquiry 10:00 → called 10:10 (10 min), b new request 10:00 → 10:40 (40 min)
 *                                     c inquiry 23:50 → called 00:05 today (15 min), finished 00:20: yesterday's (arrival day)
 *              desk B                k follow-up 23:55 → called 23:58 (3 min), still served: desk B serves it now
 *   2025-03-10 (today), desk A        d inquiry 08:00 → called 08:20 at desk R by the supervisor (20 min: past the 15-minute target)
 *                                     e follow-up 08:05, waiting (35 min at 08:40: past its 20, short of its critical 40)
 *                                     f complaint 08:10 → 08:12 (2 min) → referred 08:15
 *                                     g other 08:15 → left 08:16;  h inquiry 08:17 → cancelled
 *                                     i receive aid by phone 08:18 → 08:25 (7 min) → done 08:30
 *                                     j inquiry 08:30, waiting (10 min at 08:40: the warning band)
 *   requests (14-day committee period): R2 submitted 02-23 → expected 03-09 (overdue by one day today);
 *   R1 and R3 submitted 02-24 → expected today (not overdue); R3 decided today, on its expected date.
 */
const NOW = '2025-03-10T05:40:00Z';

let t: TestCore;
let admin: SignedIn;
let r1: SignedIn;
let r2: SignedIn;
let sup: SignedIn;
let r3: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;
let personId: string;
let personMobile: string;
const v: Record<string, VisitView> = {};
const requests: Record<'R1' | 'R2' | 'R3', number> = { R1: 0, R2: 0, R3: 0 };
let deskC: number;

/** Moves the clock; those who act next unlock (or sign in again after a night), as at a desk. */
async function at(instant: string, ...who: SignedIn[]) {
  t.clock.set(instant);
  await unlockAfterClockJump(...who);
}

const walkIn = (who: SignedIn, name: string, reason: VisitView['reason'], extra: Partial<Parameters<typeof walkInInput>[1]> = {}) =>
  who.ok('visits.checkIn', walkInInput(name, { reason, ...extra }));
const answerInquiry = { outcome: 'answered', inquiry: 'موعد صرف السلال', answer: 'يوم الأحد القادم' } as const;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-02-08T07:00:00Z' });
  admin = await signedInAs(t, 'admin');
  deskC = (await admin.ok('settings.createDesk', { name: 'مكتب الاستقبال 3', ticketPrefix: 'C' })).id;
  r1 = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  r2 = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'منى علي القحطاني' });
  sup = await signedInAs(t, 'supervisor', { deskId: 3, fullName: 'فهد ناصر الدوسري' });
  r3 = await signedInAs(t, 'receptionist', { deskId: deskC, fullName: 'ريم خالد الشمري' });
  await r3.ok('auth.signOut', {});
  cat = await loadCatalogue(admin);
  const person = await admin.ok('beneficiaries.register', beneficiaryInput(301));
  beneficiaryId = person.id;
  personId = person.idNumber;
  personMobile = person.mobile!;

  await walkIn(r1, 'زائر خارج المدة الماضية', 'inquiry');
  await at('2025-02-09T07:00:00Z', admin, r1, sup);
  await walkIn(r1, 'زائر أول أيام المدة', 'inquiry');

  const actors = { desk: admin, committee: sup };
  const submitted = () => requestIn('submitted', actors, { beneficiaryId, serviceTypeId: cat.services.seasonal!.id });
  await at('2025-02-23T07:00:00Z', admin, r1, sup);
  requests.R2 = (await submitted()).id;
  await at('2025-02-24T07:00:00Z', admin, r1, sup);
  requests.R1 = (await submitted()).id;
  requests.R3 = (await submitted()).id;

  // Yesterday.
  await at('2025-03-09T07:00:00Z', r1);
  v.a = await walkIn(r1, 'أحمد سعيد الغامدي', 'inquiry');
  v.b = await walkIn(r1, 'خالد عمر الزهراني', 'new_request');
  await at('2025-03-09T07:10:00Z', r1);
  expect((await r1.ok('visits.callNext', {}))!.id).toBe(v.a.id);
  await at('2025-03-09T07:20:00Z', r1);
  await r1.ok('visits.finish', { visitId: v.a.id, ...answerInquiry });
  await at('2025-03-09T07:40:00Z', r1);
  expect((await r1.ok('visits.callNext', {}))!.id).toBe(v.b.id);
  await at('2025-03-09T08:00:00Z', r1);
  await r1.ok('visits.finish', { visitId: v.b.id, outcome: 'request_opened' });
  await at('2025-03-09T20:50:00Z', r1);
  v.c = await walkIn(r1, 'سعد ناصر القحطاني', 'inquiry');
  await at('2025-03-09T20:55:00Z', r1, r2);
  v.k = await walkIn(r2, 'فهد علي العتيبي', 'follow_up');
  await at('2025-03-09T20:58:00Z', r1, r2);
  await r2.ok('visits.call', { visitId: v.k.id });
  // Past midnight: today's call-next no longer sees yesterday's queue; the desk calls c by its ticket.
  await at('2025-03-09T21:05:00Z', r1);
  await r1.ok('visits.call', { visitId: v.c.id });
  await at('2025-03-09T21:20:00Z', r1);
  await r1.ok('visits.finish', { visitId: v.c.id, ...answerInquiry });

  // Today.
  await at('2025-03-10T05:00:00Z', r1, sup);
  v.d = await walkIn(r1, 'سالم علي الحربي', 'inquiry');
  await at('2025-03-10T05:05:00Z', r1, sup);
  v.e = await walkIn(r1, 'ناصر محمد الشهري', 'follow_up');
  await at('2025-03-10T05:10:00Z', r1, sup);
  v.f = await walkIn(r1, 'عمر خالد المالكي', 'complaint');
  await at('2025-03-10T05:12:00Z', r1, sup);
  await r1.ok('visits.call', { visitId: v.f.id });
  await at('2025-03-10T05:15:00Z', r1, sup);
  await r1.ok('visits.refer', { visitId: v.f.id, note: 'شكوى تحتاج دراسة الحالة' });
  v.g = await walkIn(r1, 'ماجد فهد السبيعي', 'other');
  await at('2025-03-10T05:16:00Z', r1, sup);
  await r1.ok('visits.markLeft', { visitId: v.g.id });
  await at('2025-03-10T05:17:00Z', r1, sup);
  v.h = await walkIn(r1, 'بندر سعود الحارثي', 'inquiry');
  await r1.ok('visits.cancel', { visitId: v.h.id });
  await at('2025-03-10T05:18:00Z', r1, sup);
  // A beneficiary with a file, by phone: the board names them, never their ID or mobile.
  v.i = await r1.ok('visits.checkIn', { beneficiaryId, reason: 'receive_aid', channel: 'phone' });
  await at('2025-03-10T05:20:00Z', r1, sup);
  await sup.ok('visits.call', { visitId: v.d.id });
  await at('2025-03-10T05:25:00Z', r1, sup);
  await r1.ok('visits.call', { visitId: v.i.id });
  await at('2025-03-10T05:28:00Z', r1, sup);
  // S5: decided on its expected answer date, in time.
  await sup.ok('requests.decide', { requestId: requests.R3, outcome: 'rejected', reason: 'الدخل يتجاوز حد الاستحقاق' });
  await at('2025-03-10T05:30:00Z', r1, sup);
  await r1.ok('visits.finish', { visitId: v.i.id, outcome: 'aid_delivered' });
  v.j = await walkIn(r1, 'هند عبدالله الرشيد', 'inquiry');
  await at(NOW, r1, sup);
});
afterAll(() => t.cleanup());

const MIN = 60_000;
let board: BoardView;

describe('board.today: the hall now', () => {
  beforeAll(async () => {
    board = await sup.ok('board.today', {});
  });

  it('the day and the instant every figure is taken at, in the desk zone', () => {
    expect(board.day).toBe('2025-03-10');
    expect(board.now).toBe(new Date(NOW).toISOString());
  });

  it('S1: waiting now — the longest wait first, each with its band against its reason target', () => {
    expect(board.waiting.count).toBe(2);
    expect(board.waiting.longestWaitMs).toBe(35 * MIN);
    expect(board.waiting.visits).toEqual([
      { ticket: v.e!.ticket, name: 'ناصر محمد الشهري', reason: 'follow_up', arrivedAt: v.e!.arrivedAt, waitedMs: 35 * MIN, band: 'over' },
      { ticket: v.j!.ticket, name: 'هند عبدالله الرشيد', reason: 'inquiry', arrivedAt: v.j!.arrivedAt, waitedMs: 10 * MIN, band: 'warning' },
    ]);
    expect(board.waiting.pastTarget).toBe(1);
  });

  it("S1: today so far, by the day a visit arrived (yesterday's visit served past midnight is not today's)", () => {
    expect(board.today).toEqual({
      total: 7,
      states: { waiting: 2, serving: 1, referred: 1, done: 1, left: 1, cancelled: 1 },
      referred: 1,
      called: 3,
      calledAfterTarget: 1,
    });
  });

  it('each desk: who serves whom since when, at this desk and at another; open; idle', () => {
    expect(board.desks).toEqual([
      { id: 1, name: 'مكتب الاستقبال 1', ticketPrefix: 'A', status: 'open', employee: 'نورة سعد العتيبي', serving: null, lastActiveAt: '2025-03-10T05:30:00.000Z' },
      {
        id: 2,
        name: 'مكتب الاستقبال 2',
        ticketPrefix: 'B',
        status: 'serving',
        employee: 'منى علي القحطاني',
        // Called before midnight and still served: the desk is busy with it whatever day it came.
        serving: { ticket: v.k!.ticket, name: 'فهد علي العتيبي', reason: 'follow_up', calledAt: '2025-03-09T20:58:00.000Z' },
        lastActiveAt: null,
      },
      {
        id: 3,
        name: 'مكتب الباحث الاجتماعي',
        ticketPrefix: 'R',
        status: 'serving',
        employee: 'فهد ناصر الدوسري',
        serving: { ticket: v.d!.ticket, name: 'سالم علي الحربي', reason: 'inquiry', calledAt: '2025-03-10T05:20:00.000Z' },
        lastActiveAt: board.desks[2]!.lastActiveAt,
      },
      { id: deskC, name: 'مكتب الاستقبال 3', ticketPrefix: 'C', status: 'idle', employee: null, serving: null, lastActiveAt: null },
    ]);
    // Desk B's employee has done nothing since the night: serving, but not seen lately.
    expect(board.desks[2]!.lastActiveAt).not.toBeNull();
  });

  it('S5: awaiting the committee and overdue — answered on the expected date is in time, and a decided request is neither', () => {
    expect(board.committee.awaiting).toBe(2);
    expect(board.committee.overdue).toBe(1);
    expect(board.committee.overdueList).toMatchObject([{ id: requests.R2, expectedAnswerDate: '2025-03-09', submissionDay: '2025-02-23', daysLate: 1 }]);
    expect(board.committee.dueList).toMatchObject([{ id: requests.R1, expectedAnswerDate: '2025-03-10', submissionDay: '2025-02-24', daysLate: 0 }]);
    const r2 = board.committee.overdueList[0]!;
    expect(r2.beneficiaryName).toBe('محمد عبدالله سعد القحطاني');
    expect(r2.number).toMatch(/^\d{4}-\d{5}$/);
    expect(r2.serviceName).toBe(cat.services.seasonal!.name);
  });

  it('the last 30 days: visits per day by reason, the mean wait per day, none for a day nobody was called', () => {
    expect(board.days).toHaveLength(BOARD_DAYS);
    expect(board.days[0]!.day).toBe('2025-02-09');
    expect(board.days.at(-1)!.day).toBe('2025-03-10');
    const byDay = Object.fromEntries(board.days.map((d) => [d.day, d]));
    // The first day of the range counts; the day before it does not.
    expect(byDay['2025-02-09']).toMatchObject({ visits: 1, meanWaitMs: null, byReason: { inquiry: 1 } });
    // Yesterday: a 10, b 40, c 15 (its call after midnight still counts on its arrival day), k 3 → 68 / 4 = 17 minutes.
    expect(byDay['2025-03-09']).toMatchObject({ visits: 4, meanWaitMs: 17 * MIN, byReason: { inquiry: 2, new_request: 1, follow_up: 1 } });
    // Today: d 20, f 2, i 7 → 29 / 3 minutes.
    expect(byDay['2025-03-10']!.visits).toBe(7);
    expect(byDay['2025-03-10']!.meanWaitMs).toBeCloseTo((29 * MIN) / 3, 6);
    expect(byDay['2025-03-10']!.byReason).toEqual({ inquiry: 3, new_request: 0, follow_up: 1, missing_documents: 0, receive_aid: 1, complaint: 1, volunteering: 0, other: 1 });
    const quiet = board.days.filter((d) => !['2025-02-09', '2025-03-09', '2025-03-10'].includes(d.day));
    expect(quiet).toHaveLength(BOARD_DAYS - 3);
    expect(quiet.every((d) => d.visits === 0 && d.meanWaitMs === null && Object.values(d.byReason).every((n) => n === 0))).toBe(true);
  });

  it('the last 30 days by reason and by channel', () => {
    expect(board.byReason).toEqual({ inquiry: 6, new_request: 1, follow_up: 2, missing_documents: 0, receive_aid: 1, complaint: 1, volunteering: 0, other: 1 });
    expect(board.byChannel).toEqual({ interview: 11, phone: 1, social_media: 0, letters: 0, help_request: 0, volunteering: 0, website: 0, branch_delegate: 0 });
  });

  it('names only: no national ID or mobile on the board, and reading it is no read of personal data in full', async () => {
    const text = JSON.stringify(board);
    expect(text).not.toContain(personId);
    expect(text).not.toContain(personMobile);
    const reads = async () =>
      Number((await t.db.selectFrom('audit').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'read').executeTakeFirstOrThrow()).n);
    const before = await reads();
    await sup.ok('board.today', {});
    expect(await reads()).toBe(before);
  });
});

describe('board.today: desks open and idle', () => {
  it('a desk whose employee signed out is idle at once', async () => {
    await r1.ok('auth.signOut', {});
    const desk = (await sup.ok('board.today', {})).desks.find((d) => d.id === 1)!;
    expect(desk).toMatchObject({ status: 'idle', employee: null, serving: null });
  });

  it("a desk at work in another process on the same store is open (its changes are recorded with the desk), and idle once quiet past the lock's time", async () => {
    const other = await openTestCore({ dataDir: t.dataDir, now: t.clock });
    try {
      const there = anonymous(other);
      t.clock.advance({ minutes: 1 });
      await there.ok('auth.signIn', { username: r3.user.username, password: STAFF_PASSWORD, deskId: deskC });
      t.clock.advance({ minutes: 1 });
      await there.ok('visits.checkIn', walkInInput('وليد سامي العمري', { reason: 'inquiry' }));
      const seen = t.clock.iso();
      expect((await sup.ok('board.today', {})).desks.find((d) => d.id === deskC)).toMatchObject({
        status: 'open',
        employee: 'ريم خالد الشمري',
        lastActiveAt: seen,
      });
      // Ten minutes (the inactivity lock) and a moment without a sign of work there.
      t.clock.advance({ minutes: 10, seconds: 1 });
      await unlockAfterClockJump(sup);
      expect((await sup.ok('board.today', {})).desks.find((d) => d.id === deskC)).toMatchObject({ status: 'idle', employee: null, lastActiveAt: null });
    } finally {
      await other.cleanup();
    }
  });
});

describe('board.today: who may read it', () => {
  it('supervisors and administrators; a receptionist or a researcher is refused', async () => {
    await unlockAfterClockJump(admin);
    // Today's seven, and the visitor the other process checked in.
    expect((await admin.ok('board.today', {})).today.total).toBe(8);
    for (const role of ['receptionist', 'researcher'] as const) {
      const someone = await signedInAs(t, role);
      const env = await someone.call('board.today', {});
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('forbidden');
      await someone.ok('auth.signOut', {});
    }
  });

  it('bad input is refused in Arabic', async () => {
    const env = await sup.call('board.today', { day: '2025-03-09' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('validation');
  });
});

describe('board.today: a day with no visits', () => {
  it('zeros everywhere, no longest wait and no mean wait, on a store nobody has used yet', async () => {
    const empty = await openTestCore({ now: '2025-03-10T05:40:00Z' });
    try {
      const supervisor = await signedInAs(empty, 'supervisor');
      const b = await supervisor.ok('board.today', {});
      expect(b.waiting).toEqual({ count: 0, longestWaitMs: null, visits: [], pastTarget: 0 });
      expect(b.today).toEqual({ total: 0, states: { waiting: 0, serving: 0, referred: 0, done: 0, left: 0, cancelled: 0 }, referred: 0, called: 0, calledAfterTarget: 0 });
      expect(b.committee).toEqual({ awaiting: 0, overdue: 0, overdueList: [], dueList: [] });
      expect(b.days).toHaveLength(BOARD_DAYS);
      expect(b.days.every((d) => d.visits === 0 && d.meanWaitMs === null)).toBe(true);
      expect(Object.values(b.byReason).every((n) => n === 0)).toBe(true);
      expect(Object.values(b.byChannel).every((n) => n === 0)).toBe(true);
      // The supervisor and the administrator who set the store up signed in at desk A a moment ago.
      expect(b.desks.map((d) => d.status)).toEqual(['open', 'idle', 'idle']);
    } finally {
      await empty.cleanup();
    }
  });
});
