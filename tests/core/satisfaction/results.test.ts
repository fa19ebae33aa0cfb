import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodFigures, SatisfactionResultsView } from '@shared/contract';
import { MIN_EMPLOYEE_RATINGS } from '@shared/domain/satisfaction';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { normaliseText, pdfText } from '../printing/pdf-text';
import { finishedVisit } from './hall';

/**
 * A hand-counted week of ratings on a real store (both engines). Riyadh is UTC+3.
 *   2025-03-09, desk 1 (نورة, receptionist A): 10 visits finished, each rated (kiosk, a minute apart):
 *     overall 5 ×6, 4 ×2, 2 ×1 (comment «انتظرت كثيراً»), 1 ×1 (no comment: not followed up)
 *   2025-03-10, desk 2 (منى, receptionist B): 4 visits finished (2 by phone), 2 rated on paper: 3 and 1
 *     (the 1 named, with a wish to be contacted); 1 inquiry finished, not rated.
 *   So the period 03-09…03-10: 15 finished, 12 ratings, A has 10 (shown), B has 2 (hidden).
 */
const DAY1 = '2025-03-09';
const DAY2 = '2025-03-10';

let t: TestCore;
let a: SignedIn;
let b: SignedIn;
let sup: SignedIn;
let admin: SignedIn;
let results: SatisfactionResultsView;
let contactVisitId: number;

beforeAll(async () => {
  t = await openTestCore({ now: `${DAY1}T06:00:00Z` });
  admin = await signedInAs(t, 'admin');
  a = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  b = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'منى علي القحطاني' });
  const scores = [5, 5, 5, 5, 5, 5, 4, 4, 2, 1];
  for (const [i, overall] of scores.entries()) {
    t.clock.advance({ minutes: 1 });
    await unlockAfterClockJump(a);
    const v = await finishedVisit(a);
    await a.ok('satisfaction.submit', {
      visitId: v.id,
      overall,
      aspects: i === 0 ? { courtesy: 5, speed: 3 } : undefined,
      comment: overall === 2 ? 'انتظرت كثيراً' : undefined,
    });
  }
  t.clock.set(`${DAY2}T06:00:00Z`);
  await unlockAfterClockJump(a, b, admin);
  const person = await b.ok('beneficiaries.register', beneficiaryInput(8801, ['ليلى', 'أحمد', 'حسن', 'الزهراني']));
  const v1 = await finishedVisit(b, { channel: 'phone' });
  const v2 = await finishedVisit(b, { channel: 'phone', beneficiaryId: person.id });
  await finishedVisit(b);
  await finishedVisit(b, { reason: 'inquiry' });
  await finishedVisit(a);
  await b.ok('satisfaction.submit', { visitId: v1.id, overall: 3, source: 'paper' });
  await b.ok('satisfaction.submit', { visitId: v2.id, overall: 1, source: 'paper', anonymous: false, contactMe: true, comment: 'لم يصلني الرد' });
  contactVisitId = v2.id;
  sup = await signedInAs(t, 'supervisor', { deskId: 3 });
  results = await sup.ok('satisfaction.results', { from: DAY1, to: DAY2 });
});
afterAll(async () => t.cleanup());

describe('satisfaction.results for supervisors (P6)', () => {
  it('P6: response rate, mean, share satisfied and the distribution of the overall score, counted by hand', () => {
    const s = results.summary;
    expect(s).toMatchObject({ finished: 15, ratings: 12, flagged: 0, anonymous: 11, withComment: 2, lowToFollow: 2, followedUp: 0 });
    expect(s.responseRate).toBeCloseTo(12 / 15);
    expect(s.mean).toBeCloseTo((5 * 6 + 4 * 2 + 2 + 1 + 3 + 1) / 12);
    expect(s.satisfiedShare).toBeCloseTo(8 / 12);
    expect(s.distribution.map((d) => d.count)).toEqual([2, 1, 1, 2, 6]);
    expect(s.aspects).toEqual([
      { aspect: 'courtesy', count: 1, mean: 5 },
      { aspect: 'speed', count: 1, mean: 3 },
      { aspect: 'clarity', count: 0, mean: null },
    ]);
    expect(s.bySource).toEqual({ kiosk: 10, paper: 2 });
  });

  it('P6: the trend per day, and per desk, reason and channel with each group’s response rate', () => {
    expect(results.trend.unit).toBe('day');
    expect(results.trend.points.map((p) => [p.period, p.finished, p.ratings])).toEqual([
      [DAY1, 10, 10],
      [DAY2, 5, 2],
    ]);
    const desk2 = results.byDesk.find((d) => d.deskId === 2)!;
    expect(desk2).toMatchObject({ finished: 4, ratings: 2, mean: 2, responseRate: 0.5 });
    expect(results.byDesk.find((d) => d.deskId === 1)).toMatchObject({ finished: 11, ratings: 10 });
    expect(results.byReason.find((r) => r.reason === 'inquiry')).toMatchObject({ finished: 1, ratings: 0, mean: null });
    expect(results.byChannel.find((c) => c.channel === 'phone')).toMatchObject({ finished: 2, ratings: 2, mean: 2 });
  });

  it('P6: comments come with their visit — desk, reason and channel when anonymous, the ticket and name when the visitor gave it', () => {
    const anonymous = results.comments.find((c) => c.comment === 'انتظرت كثيراً')!;
    expect(anonymous).toMatchObject({ day: DAY1, reason: 'follow_up', channel: 'interview', overall: 2, visit: null, source: 'kiosk' });
    const named = results.comments.find((c) => c.comment === 'لم يصلني الرد')!;
    expect(named).toMatchObject({ day: DAY2, channel: 'phone', contactMe: true, source: 'paper', visit: { id: contactVisitId, name: 'ليلى أحمد حسن الزهراني' } });
  });
});

describe('per employee (P7)', () => {
  it(`P7: per-employee figures only for a supervisor, only from ${MIN_EMPLOYEE_RATINGS} ratings up, never ranked`, async () => {
    expect(results.employees).toEqual({ shown: [{ name: 'نورة سعد العتيبي', ratings: 10, mean: 4.1, satisfiedShare: 0.8 }], hidden: 1 });
    // An administrator reads the results, not the figures of people.
    expect((await admin.ok('satisfaction.results', { from: DAY1, to: DAY2 })).employees).toBeNull();
    // The second day alone: منى's two ratings are below the threshold, so nobody is shown.
    expect((await sup.ok('satisfaction.results', { from: DAY2, to: DAY2 })).employees).toEqual({ shown: [], hidden: 1 });
  });

  it('P7: nothing on the board or in the reports names an employee with a score', async () => {
    const board = await sup.ok('board.today', {});
    expect(JSON.stringify(board.satisfactionFollowUps)).not.toContain('نورة');
    const period = (await sup.ok('reports.period', { from: DAY1, to: DAY2 })) as PeriodFigures;
    expect(JSON.stringify(period.satisfaction)).not.toContain('نورة');
  });
});

describe('follow-ups on the supervisor’s board (P6)', () => {
  it('P6: a low rating with a comment or a wish to be contacted is a follow-up item until followed up; a low one without either is not', async () => {
    const board = await sup.ok('board.today', {});
    expect(board.satisfactionFollowUps.map((f) => [f.overall, f.comment, f.contactMe])).toEqual([
      [1, 'لم يصلني الرد', true],
      [2, 'انتظرت كثيراً', false],
    ]);
    const item = board.satisfactionFollowUps[1]!;
    // A receptionist cannot close it; a supervisor can, once.
    expect(await b.call('satisfaction.followUp', { ratingId: item.id, note: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await sup.ok('satisfaction.followUp', { ratingId: item.id, note: 'اعتذرنا ونظمنا الدور' });
    expect(await sup.call('satisfaction.followUp', { ratingId: item.id, note: null })).toMatchObject({ ok: false, error: { message: ar.satisfaction.alreadyFollowed } });
    expect((await sup.ok('board.today', {})).satisfactionFollowUps.map((f) => f.comment)).toEqual(['لم يصلني الرد']);
    expect((await sup.ok('satisfaction.results', { from: DAY1, to: DAY2 })).summary).toMatchObject({ lowToFollow: 2, followedUp: 1 });
  });
});

describe('the period report and the evidence pack (P6, P7)', () => {
  it('P6: the period report gives the satisfaction figures on screen and in print', async () => {
    const figures = (await sup.ok('reports.period', { from: DAY1, to: DAY2 })) as PeriodFigures;
    expect(figures.satisfaction).toMatchObject({ finished: 15, ratings: 12 });
    const file = (await sup.ok('reports.period', { from: DAY1, to: DAY2, format: 'pdf' })) as { dataBase64: string };
    const text = normaliseText((await pdfText(Buffer.from(file.dataBase64, 'base64'))).text);
    expect(text).toContain(normaliseText(ar.reports.satisfactionSection));
    expect(text).toContain(normaliseText(`${ar.satisfaction.results.responseRate} 80٪`));
  });

  it('P6, P7: the evidence pack shows the ratings instead of «لا تتوفر بيانات بعد»', async () => {
    const file = (await sup.ok('reports.evidence', { from: DAY1, to: DAY2, format: 'pdf' })) as { dataBase64: string };
    const text = normaliseText((await pdfText(Buffer.from(file.dataBase64, 'base64'))).text);
    expect(text.split(normaliseText(printingAr.evidence.noData)).length - 1).toBe(0);
    expect(text).toContain(normaliseText(`${ar.satisfaction.results.ratings} 12`));
    expect(text).toContain(normaliseText(`${ar.reports.satisfactionAnonymous} 11`));
  });
});
