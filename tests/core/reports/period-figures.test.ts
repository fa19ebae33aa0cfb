import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodFigures } from '@shared/contract/reports';
import { ar } from '@shared/labels/ar';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../../helpers/test-core';
import { buildMarchHall, type MarchHall } from './march-hall';

/**
 * reports.period on screen (docs/design.md#around-the-desk-watching-and-reporting): every figure worked out by hand from the March hall
 * (march-hall.ts), on SQLite and on PostgreSQL.
 */
let t: TestCore;
let hall: MarchHall;
let supervisor: SignedIn;

const MIN = 60_000;

beforeAll(async () => {
  t = await openTestCore();
  hall = await buildMarchHall(t);
  supervisor = hall.supervisor;
}, 120_000);
afterAll(() => t.cleanup());

async function figures(from: string, to: string): Promise<PeriodFigures> {
  return (await supervisor.ok('reports.period', { from, to })) as PeriodFigures;
}

describe('S1: the visits of 10–12 March', () => {
  let f: PeriodFigures;
  beforeAll(async () => {
    f = await figures('2024-03-10', '2024-03-12');
  });

  it('counts each visit once, by state, and the visitor who left before being called', () => {
    expect(f.days).toBe(3);
    expect(f.visits.total).toBe(5);
    expect(f.visits.byState).toEqual({ waiting: 0, serving: 0, referred: 0, done: 3, left: 1, cancelled: 1 });
    expect(f.visits.called).toBe(3);
    expect(f.visits.leftBeforeServed).toBe(1);
    // One in the four visits not cancelled.
    expect(f.visits.leftRate).toBe(0.25);
  });

  it('waits 10, 40, 30, 2 and 20 minutes: mean 20.4, median 20, 90th percentile 40; service 10, 20, 15', () => {
    expect(f.visits.wait).toEqual({ count: 5, meanMs: 20.4 * MIN, medianMs: 20 * MIN, p90Ms: 40 * MIN });
    expect(f.visits.service).toEqual({ count: 3, meanMs: 15 * MIN, medianMs: 15 * MIN, p90Ms: 20 * MIN });
  });

  it('S1 targets: of the three called, one within its target and two above it', () => {
    expect(f.visits.target).toEqual({ called: 3, withinTarget: 1, aboveTarget: 2, withinShare: 1 / 3 });
  });

  it('per day: a visit that crosses midnight belongs to the day it arrived; a day without visits has no wait, not a zero one', () => {
    expect(f.visits.perDay.map((d) => [d.day, d.visits, d.left, d.wait.meanMs, d.target.aboveTarget])).toEqual([
      ['2024-03-10', 4, 1, 20.5 * MIN, 1],
      ['2024-03-11', 0, 0, null, 0],
      ['2024-03-12', 1, 0, 20 * MIN, 1],
    ]);
    expect(f.visits.perDay[1]!.target.withinShare).toBeNull();
  });

  it('per hour of arrival at the association\'s clock, and per weekday with the days of it in the period', () => {
    const hours = Object.fromEntries(f.visits.perHour.filter((h) => h.visits > 0).map((h) => [h.hour, h.visits]));
    expect(hours).toEqual({ 9: 3, 10: 1, 23: 1 });
    expect(f.visits.perHour).toHaveLength(24);
    expect(f.visits.perWeekday.map((w) => [w.weekday, w.days, w.visits, w.perDay])).toEqual([
      [0, 1, 4, 4],
      [1, 1, 0, 0],
      [2, 1, 1, 1],
      [3, 0, 0, null],
      [4, 0, 0, null],
      [5, 0, 0, null],
      [6, 0, 0, null],
    ]);
  });

  it('by reason, with the target each was counted against', () => {
    const byReason = Object.fromEntries(f.visits.byReason.map((r) => [r.reason, r]));
    expect(byReason.inquiry).toMatchObject({ visits: 3, targetMinutes: 15, wait: { meanMs: 20 * MIN, medianMs: 20 * MIN, p90Ms: 30 * MIN }, target: { called: 2, withinTarget: 1, aboveTarget: 1, withinShare: 0.5 } });
    expect(byReason.new_request).toMatchObject({ visits: 1, targetMinutes: 30, target: { called: 1, aboveTarget: 1, withinShare: 0 } });
    expect(byReason.follow_up).toMatchObject({ visits: 1, wait: { meanMs: 2 * MIN }, target: { called: 0, withinShare: null } });
    expect(byReason.complaint).toMatchObject({ visits: 0, wait: { count: 0, meanMs: null, medianMs: null, p90Ms: null } });
  });

  it('by channel, and by the desk that served (the researcher\'s once a referral is taken; the never called apart)', () => {
    expect(f.visits.byChannel.filter((c) => c.visits > 0)).toEqual([
      { channel: 'interview', visits: 4 },
      { channel: 'phone', visits: 1 },
    ]);
    expect(f.visits.byDesk.map((d) => [d.deskName, d.visits, d.wait.meanMs, d.service.meanMs, d.target.aboveTarget])).toEqual([
      ['مكتب الاستقبال 1', 1, 10 * MIN, 10 * MIN, 0],
      ['مكتب الاستقبال 2', 1, 20 * MIN, 15 * MIN, 1],
      ['مكتب الباحث الاجتماعي', 1, 40 * MIN, 20 * MIN, 1],
      [null, 2, 16 * MIN, null, 0],
    ]);
  });
});

describe('a period with no visits', () => {
  it('gives zero visits and no wait, service or share at all', async () => {
    const f = await figures('2024-03-11', '2024-03-11');
    expect(f.visits).toMatchObject({
      total: 0,
      called: 0,
      leftBeforeServed: 0,
      leftRate: null,
      wait: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
      service: { count: 0, meanMs: null },
      target: { called: 0, withinShare: null },
    });
    expect(f.visits.perDay).toEqual([expect.objectContaining({ day: '2024-03-11', visits: 0 })]);
    expect(f.visits.byDesk).toEqual([]);
  });
});

describe('S5: the requests of March', () => {
  let f: PeriodFigures;
  beforeAll(async () => {
    f = await figures('2024-03-01', '2024-03-31');
  });

  it('opened, submitted and decided in March, by channel and outcome', () => {
    expect(f.requests).toMatchObject({ opened: 3, submitted: 2, decided: 2, accepted: 1, rejected: 1 });
    expect(f.requests.openedByChannel).toMatchObject({ interview: 1, phone: 1, website: 1, letters: 0 });
  });

  it('S5: a request decided exactly on its answer date is answered within the committee period; one decided after it is late', () => {
    expect(f.requests.answeredWithinPeriod).toBe(1);
    expect(f.requests.answeredLate).toBe(1);
    // 25 Feb → 10 Mar is 14 days (2024 is a leap year), 5 → 25 Mar is 20.
    expect(f.requests.decisionDays).toEqual({ mean: 17, longest: 20 });
  });

  it('S5: still open at the end of March: a draft, the overdue one awaiting the committee, two accepted in registration or service', () => {
    expect(f.asOf).toBe('2024-03-31');
    expect(f.requests.stillOpen).toEqual({ total: 4, beforeSubmission: 1, awaitingCommittee: 1, overdue: 1, accepted: 2 });
    expect(f.committeePeriodDays).toBe(14);
  });

  it('the visits of March are those of 10–12 March', () => {
    expect(f.days).toBe(31);
    expect(f.visits.total).toBe(5);
    expect(f.visits.perDay.filter((d) => d.visits > 0).map((d) => d.day)).toEqual(['2024-03-10', '2024-03-12']);
  });
});

describe('S5: a past period keeps its figures', () => {
  it('February\'s open requests are counted at the end of February, whatever happened to them since', async () => {
    const f = await figures('2024-02-01', '2024-02-29');
    expect(f.asOf).toBe('2024-02-29');
    // R1 was submitted on 25 Feb and accepted on 10 Mar; R5 was accepted in January.
    expect(f.requests).toMatchObject({ opened: 1, submitted: 1, decided: 0 });
    expect(f.requests.stillOpen).toEqual({ total: 2, beforeSubmission: 0, awaitingCommittee: 1, overdue: 0, accepted: 1 });
  });

  it('a period not over yet counts them today', async () => {
    const f = await figures('2024-03-01', '2024-04-30');
    expect(f.asOf).toBe('2024-04-10');
    expect(f.requests.stillOpen).toEqual({ total: 4, beforeSubmission: 1, awaitingCommittee: 1, overdue: 1, accepted: 2 });
  });
});

describe('who may, and what is refused', () => {
  it('a receptionist is refused, in Arabic, and the refusal is recorded', async () => {
    const before = await auditCount(t);
    const refused = await hall.receptionist.call('reports.period', { from: '2024-03-01', to: '2024-03-31' });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'forbidden', message: ar.errors.forbidden });
    const evidence = await hall.receptionist.call('reports.evidence', { from: '2024-03-01', to: '2024-03-31', format: 'pdf' });
    expect(!evidence.ok && evidence.error.code).toBe('forbidden');
    expect(await auditCount(t)).toBe(before);
    const refusals = await t.db.selectFrom('audit').select(['operation', 'kind']).where('kind', '=', 'refused').where('operation', 'like', 'reports.%').orderBy('id').execute();
    expect(refusals).toEqual([
      { operation: 'reports.period', kind: 'refused' },
      { operation: 'reports.evidence', kind: 'refused' },
    ]);
  });

  it('an administrator may', async () => {
    const f = (await hall.admin.ok('reports.period', { from: '2024-03-10', to: '2024-03-10' })) as PeriodFigures;
    expect(f.visits.total).toBe(4);
  });

  it.each([
    [{ from: '2024-03-31', to: '2024-03-01' }, ar.reports.rangeReversed],
    [{ from: '2020-01-01', to: '2024-03-31' }, ar.reports.rangeTooLong],
    [{ from: '2024-02-30', to: '2024-03-31' }, ar.messages.dateInvalid],
  ])('a bad period %o is refused with «%s»', async (input, message) => {
    const env = await supervisor.call('reports.period', input);
    expect(!env.ok && env.error.code).toBe('validation');
    expect(!env.ok && env.error.issues?.map((i) => i.message)).toContain(message);
  });

  it('a format it does not make is refused', async () => {
    const env = await supervisor.call('reports.period', { from: '2024-03-01', to: '2024-03-31', format: 'csv' });
    expect(!env.ok && env.error.code).toBe('validation');
  });

  it('each report asked for is recorded as a read, an export with its format; the same again within ten minutes once', async () => {
    const reads = () => t.db.selectFrom('audit').select(['operation', 'after', 'user_id']).where('kind', '=', 'read').where('operation', 'like', 'reports.%').orderBy('id').execute();
    const other = await signedInAs(t, 'supervisor', { fullName: 'سعود خالد المطيري' });
    const before = (await reads()).length;
    await other.ok('reports.period', { from: '2024-01-01', to: '2024-01-31' });
    await other.ok('reports.period', { from: '2024-01-01', to: '2024-01-31' });
    await other.ok('reports.period', { from: '2024-01-01', to: '2024-01-31', format: 'xlsx' });
    await other.ok('reports.evidence', { from: '2024-01-01', to: '2024-01-31', format: 'pdf' });
    const rows = (await reads()).slice(before);
    expect(rows.map((r) => [r.operation, JSON.parse(r.after!), r.user_id])).toEqual([
      ['reports.period', { from: '2024-01-01', to: '2024-01-31' }, other.user.id],
      ['reports.period', { from: '2024-01-01', to: '2024-01-31', format: 'xlsx' }, other.user.id],
      ['reports.evidence', { from: '2024-01-01', to: '2024-01-31', format: 'pdf' }, other.user.id],
    ]);
    // The audit screen names what was read, in Arabic.
    const page = await hall.admin.ok('audit.list', { operation: 'reports.period', userId: other.user.id });
    const fields = page.rows.map((r) => r.fields.map((f) => [f.field, f.after]));
    expect(fields[0]).toContainEqual([ar.audit.fields.format, ar.fileFormats.xlsx]);
    expect(fields[0]!.map(([field]) => field)).toEqual(expect.arrayContaining([ar.fieldNames.auditFrom, ar.fieldNames.auditTo]));
  });
});
