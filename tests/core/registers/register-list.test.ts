import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, RegisterPage } from '@shared/contract';
import { isArabicText } from '../../helpers/fixtures';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';
import {
  COMPLAINT_NOTE,
  DAY,
  DAY_AFTER,
  DAY_BEFORE,
  makeRegisterDay,
  RECEPTIONIST_1,
  RECEPTIONIST_2,
  riyadh,
  WALK_IN_CANCELLED,
  WALK_IN_INQUIRY,
  type RegisterDay,
} from './register-day';

/**
 * Registers on screen (docs/design.md#around-the-desk-watching-and-reporting): registers.list over the hand-made day of register-day.ts, on both
 * stores — a day with no visits, a visit that crosses midnight, every filter, sorting by any column,
 * pages, who may read it, and the audit row of a listing with full IDs.
 */
let t: TestCore;
let day: RegisterDay;

beforeAll(async () => {
  t = await openTestCore();
  day = await makeRegisterDay(t);
});
afterAll(() => t?.cleanup());

type ListInput = InputOf<'registers.list'>;
const list = (input: Partial<ListInput> = {}) => day.supervisor.ok('registers.list', { from: DAY, to: DAY, ...input });
const tickets = (page: RegisterPage) => page.rows.map((r) => r.ticket);

async function readAudits() {
  const rows = await t.db.selectFrom('audit').select(['operation', 'kind', 'after', 'user_id']).where('operation', 'like', 'registers.%').orderBy('id').execute();
  return rows.map((r) => ({ ...r, after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null }));
}

describe('registers.list: the register on screen', () => {
  it('a day with no visits lists none and counts none', async () => {
    const page = await list({ from: DAY_BEFORE, to: DAY_BEFORE });
    expect(page).toEqual({ rows: [], total: 0, offset: 0, limit: 100 });
  });

  it('a day in arrival order, every column a supervisor reads, with the hand-counted waits and service times', async () => {
    const page = await list();
    expect(page.total).toBe(7);
    expect(tickets(page)).toEqual(['A-001', 'A-002', 'B-001', 'A-003', 'B-002', 'B-003', 'A-004']);
    const by = Object.fromEntries(page.rows.map((r) => [r.ticket, r]));
    expect(by['A-001']).toMatchObject({
      day: DAY,
      state: 'done',
      reason: 'new_request',
      channel: 'interview',
      name: day.beneficiaries.ahmad.fullName,
      arrivedAt: riyadh(DAY, '08:00'),
      calledAt: riyadh(DAY, '08:10'),
      endedAt: riyadh(DAY, '08:30'),
      waitedMinutes: 10,
      servedMinutes: 20,
      deskName: 'مكتب الاستقبال 1',
      employee: RECEPTIONIST_1,
      outcome: 'request_opened',
      requestNumbers: [day.requestNumber],
      fileNumber: null,
    });
    expect(by['A-002']).toMatchObject({ name: WALK_IN_INQUIRY, idNumber: null, beneficiaryId: null, waitedMinutes: 35, servedMinutes: 5, outcome: 'answered' });
    expect(by['B-001']).toMatchObject({
      channel: 'phone',
      fileNumber: day.fileNumber,
      waitedMinutes: 60,
      servedMinutes: 30,
      deskName: 'مكتب الاستقبال 2',
      employee: RECEPTIONIST_2,
      outcome: 'complaint_recorded',
      outcomeNote: COMPLAINT_NOTE,
    });
    // Left without being called: waited until leaving, never served.
    expect(by['A-003']).toMatchObject({ state: 'left', waitedMinutes: 20, servedMinutes: null, employee: null, outcome: null });
    // Still waiting (the day is over): no wait known yet.
    expect(by['B-002']).toMatchObject({ state: 'waiting', calledAt: null, endedAt: null, waitedMinutes: null, servedMinutes: null });
    expect(by['B-003']).toMatchObject({ state: 'cancelled', name: WALK_IN_CANCELLED, waitedMinutes: 10, servedMinutes: null });
  });

  it('a visit that crosses midnight stays on the day it began, ending the next day, and is not on the next day\'s register', async () => {
    const late = (await list()).rows.find((r) => r.ticket === 'A-004')!;
    expect(late).toMatchObject({ day: DAY, calledAt: riyadh(DAY, '23:55'), endedAt: riyadh(DAY_AFTER, '00:20'), waitedMinutes: 5, servedMinutes: 25 });
    const next = await list({ from: DAY_AFTER, to: DAY_AFTER });
    expect(next.total).toBe(1);
    expect(next.rows.map((r) => [r.day, r.ticket, r.name])).toEqual([[DAY_AFTER, 'B-001', day.beneficiaries.ahmad.fullName]]);
  });

  it('a range of days holds each day\'s visits, in arrival order across the days', async () => {
    const page = await list({ from: DAY_BEFORE, to: DAY_AFTER });
    expect(page.total).toBe(8);
    expect(page.rows.map((r) => `${r.day} ${r.ticket}`)).toEqual([
      `${DAY} A-001`,
      `${DAY} A-002`,
      `${DAY} B-001`,
      `${DAY} A-003`,
      `${DAY} B-002`,
      `${DAY} B-003`,
      `${DAY} A-004`,
      `${DAY_AFTER} B-001`,
    ]);
  });

  it('IDs are masked to their last four digits; a visitor without a file has none', async () => {
    const page = await list();
    const ahmad = page.rows.find((r) => r.ticket === 'A-001')!;
    expect(ahmad.idNumber).toBe(`******${day.beneficiaries.ahmad.idNumber.slice(-4)}`);
    for (const row of page.rows) expect(row.idNumber === null || /^\*{6}\d{4}$/.test(row.idNumber)).toBe(true);
  });

  it('filters: one desk, states, reasons, channel, outcome, the employee who served — and together', async () => {
    expect(tickets(await list({ deskId: 2 }))).toEqual(['B-001', 'B-002', 'B-003']);
    expect(tickets(await list({ states: ['done'] }))).toEqual(['A-001', 'A-002', 'B-001', 'A-004']);
    expect(tickets(await list({ states: ['left', 'cancelled'] }))).toEqual(['A-003', 'B-003']);
    expect(tickets(await list({ reasons: ['inquiry'] }))).toEqual(['A-002', 'B-002']);
    expect(tickets(await list({ channels: ['phone'] }))).toEqual(['B-001']);
    expect(tickets(await list({ outcomes: ['answered', 'aid_delivered'] }))).toEqual(['A-002', 'A-004']);
    expect(tickets(await list({ employeeId: day.staff.first }))).toEqual(['A-001', 'A-002', 'A-004']);
    expect(tickets(await list({ employeeId: day.staff.second }))).toEqual(['B-001']);
    const both = await list({ deskId: 1, reasons: ['inquiry', 'follow_up'] });
    expect([both.total, tickets(both)]).toEqual([2, ['A-002', 'A-003']]);
    expect((await list({ deskId: 2, states: ['done'], reasons: ['inquiry'] })).total).toBe(0);
  });

  it('sorts by the wait either way, unknown waits last, ties in arrival order', async () => {
    expect(tickets(await list({ sort: { column: 'waited', direction: 'asc' } }))).toEqual(['A-004', 'A-001', 'B-003', 'A-003', 'A-002', 'B-001', 'B-002']);
    expect(tickets(await list({ sort: { column: 'waited', direction: 'desc' } }))).toEqual(['B-001', 'A-002', 'A-003', 'A-001', 'B-003', 'A-004', 'B-002']);
  });

  it('sorts by service time, name, reason (the policy\'s order), desk, employee, ticket, end, file and request number', async () => {
    const sorted = async (column: NonNullable<ListInput['sort']>['column'], direction: 'asc' | 'desc' = 'asc') => tickets(await list({ sort: { column, direction } }));
    expect(await sorted('servedFor')).toEqual(['A-002', 'A-001', 'A-004', 'B-001', 'A-003', 'B-002', 'B-003']);
    // أحمد، بدر، تركي، ثامر، جاسم، خالد، سالم
    expect(await sorted('name')).toEqual(['A-001', 'A-003', 'B-001', 'B-002', 'A-004', 'B-003', 'A-002']);
    expect(await sorted('name', 'desc')).toEqual(['A-002', 'B-003', 'A-004', 'B-002', 'B-001', 'A-003', 'A-001']);
    // inquiry, new_request, follow_up, receive_aid, complaint, other
    expect(await sorted('reason')).toEqual(['A-002', 'B-002', 'A-001', 'A-003', 'A-004', 'B-001', 'B-003']);
    expect(await sorted('desk', 'desc')).toEqual(['B-001', 'B-002', 'B-003', 'A-001', 'A-002', 'A-003', 'A-004']);
    // نورة before هند; nobody served A-003, B-002, B-003: last.
    expect(await sorted('employee')).toEqual(['A-001', 'A-002', 'A-004', 'B-001', 'A-003', 'B-002', 'B-003']);
    expect(await sorted('ticket', 'desc')).toEqual(['B-003', 'B-002', 'B-001', 'A-004', 'A-003', 'A-002', 'A-001']);
    expect(await sorted('endedAt', 'desc')).toEqual(['A-004', 'B-003', 'B-001', 'A-003', 'A-002', 'A-001', 'B-002']);
    expect((await sorted('fileNumber'))[0]).toBe('B-001');
    expect((await sorted('requestNumber'))[0]).toBe('A-001');
    expect(await sorted('state')).toEqual(['B-002', 'A-001', 'A-002', 'B-001', 'A-004', 'A-003', 'B-003']);
    expect(await sorted('outcome')).toEqual(['A-002', 'A-001', 'A-004', 'B-001', 'A-003', 'B-002', 'B-003']);
    expect(await sorted('channel')).toEqual(['A-001', 'A-002', 'A-003', 'B-002', 'B-003', 'A-004', 'B-001']);
    expect(await sorted('calledAt', 'desc')).toEqual(['A-004', 'B-001', 'A-002', 'A-001', 'A-003', 'B-002', 'B-003']);
  });

  it('a page at a time, with the count of all', async () => {
    const second = await list({ offset: 3, limit: 3 });
    expect([second.total, second.offset, second.limit, tickets(second)]).toEqual([7, 3, 3, ['A-003', 'B-002', 'B-003']]);
    const last = await list({ offset: 6, limit: 3 });
    expect(tickets(last)).toEqual(['A-004']);
    expect((await list({ offset: 9, limit: 3 })).rows).toEqual([]);
  });
});

describe('registers.list: who may read it, and what is recorded', () => {
  it('the supervisors\' and administrators\' only: a receptionist is refused, nothing read', async () => {
    const refused = await day.receptionist.call('registers.list', { from: DAY, to: DAY });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
  });

  it('bad input is refused in Arabic naming the field, nothing written: days reversed, a range over a year, an unknown desk or column', async () => {
    const before = await rowCounts(t);
    const reversed = await day.supervisor.call('registers.list', { from: DAY_AFTER, to: DAY });
    expect(!reversed.ok && reversed.error.message).toContain('يوم النهاية قبل يوم البداية');
    const long = await day.supervisor.call('registers.list', { from: '2025-01-01', to: '2026-03-04' });
    expect(!long.ok && long.error.message).toContain('سنة واحدة على الأكثر');
    const badDay = await day.supervisor.call('registers.list', { from: '2026-02-30', to: DAY });
    expect(!badDay.ok && badDay.error.code).toBe('validation');
    const column = await day.supervisor.call('registers.list', { from: DAY, to: DAY, sort: { column: 'password', direction: 'asc' } });
    expect(!column.ok && column.error.code).toBe('validation');
    const desk = await day.supervisor.call('registers.list', { from: DAY, to: DAY, deskId: 99 });
    expect(!desk.ok && desk.error.message).toBe('المكتب غير موجود.');
    for (const e of [reversed, long, badDay, column, desk]) expect(!e.ok && isArabicText(e.error.message)).toBe(true);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a masked listing is not recorded; one with full IDs shows them and is recorded as a read, with its filters', async () => {
    const before = (await readAudits()).length;
    await list({ deskId: 2 });
    expect((await readAudits()).length).toBe(before);

    const full = await list({ deskId: 2, showFullIds: true, reasons: ['complaint'] });
    expect(full.rows.map((r) => r.idNumber)).toEqual([day.beneficiaries.turki.idNumber]);
    const audits = await readAudits();
    expect(audits.length).toBe(before + 1);
    expect(audits.at(-1)).toMatchObject({
      operation: 'registers.list',
      kind: 'read',
      user_id: day.supervisor.user.id,
      after: { from: DAY, to: DAY, deskName: 'مكتب الاستقبال 2', reasons: ['complaint'], showFullIds: true },
    });
    // The audit screen names the register's fields in Arabic.
    const shown = await day.supervisor.ok('audit.list', { operation: 'registers.list' });
    const fields = shown.rows[0]!.fields.map((f) => `${f.field}: ${f.after}`);
    expect(fields).toContain('المكتب: مكتب الاستقبال 2');
    expect(fields).toContain('سبب الزيارة: شكوى / اقتراح');

    // The screen asking again (the hall changed) within minutes is the same read: no second row.
    await list({ deskId: 2, showFullIds: true, reasons: ['complaint'] });
    expect((await readAudits()).length).toBe(before + 1);
  });
});
