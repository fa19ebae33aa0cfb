import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodFigures, ReportFile } from '@shared/contract/reports';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { policyClausesAr } from '@shared/labels/policy-clauses-ar';
import { unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { normaliseText, pdfText } from '../printing/pdf-text';

/**
 * P8 on the supervisor's board, in the period report and in the evidence pack, from a scripted month
 * (five working days to answer; Riyadh is UTC+3; 2025-03-02 and 03-09 are Sundays):
 *
 *   a  received 02-26 (before March), due 03-05, answered 03-04, closed 03-20: open at the start, closed in March
 *   b  received 03-02, due 03-09, answered 03-05 (in time), closed 03-06
 *   c  received 03-02, due 03-09, answered 03-11 (late), not closed
 *   d  received 03-09, due 03-16, never answered: overdue from 03-17
 *   e  received 03-30, due 04-06, in progress
 *   f  received 04-02 (after March)
 *
 * March: received 4 (b, c, d, e); answered in time 1 (b), late 1 (c); still open at the end of March 3
 * (c, d, e: a closed on 03-20); overdue at the end 1 (d, due 03-16).
 */
const C = ar.complaints;
let t: TestCore;
let desk: SignedIn;
let sup: SignedIn;
const ids: Record<string, number> = {};

async function at(instant: string) {
  t.clock.set(instant);
  await unlockAfterClockJump(desk, sup);
}
async function receive(key: string, instant: string) {
  await at(instant);
  ids[key] = (await desk.ok('complaints.create', { channel: 'phone', text: `شكوى ${key}`, category: 'service_quality' })).id;
}
async function answer(key: string, instant: string) {
  await at(instant);
  await sup.ok('complaints.update', { complaintId: ids[key]!, status: 'in_progress', ownerId: sup.user.id });
  await sup.ok('complaints.update', { complaintId: ids[key]!, status: 'answered', answer: `الرد على ${key}` });
}
async function close(key: string, instant: string) {
  await at(instant);
  await sup.ok('complaints.close', { complaintId: ids[key]! });
}

beforeAll(async () => {
  t = await openTestCore({ now: '2025-02-26T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  sup = await signedInAs(t, 'supervisor', { fullName: 'فهد ناصر الدوسري' });
  await receive('a', '2025-02-26T06:00:00Z');
  await receive('b', '2025-03-02T06:00:00Z');
  await receive('c', '2025-03-02T07:00:00Z');
  await answer('a', '2025-03-04T06:00:00Z');
  await answer('b', '2025-03-05T06:00:00Z');
  await close('b', '2025-03-06T06:00:00Z');
  await receive('d', '2025-03-09T06:00:00Z');
  await answer('c', '2025-03-11T06:00:00Z');
  await close('a', '2025-03-20T06:00:00Z');
  await receive('e', '2025-03-30T06:00:00Z');
  await at('2025-03-30T07:00:00Z');
  await sup.ok('complaints.update', { complaintId: ids.e!, status: 'in_progress' });
  await receive('f', '2025-04-02T06:00:00Z');
}, 60_000);
afterAll(() => t.cleanup());

const MARCH = { from: '2025-03-01', to: '2025-03-31' } as const;

describe('the supervisor\'s board', () => {
  it('P8: the complaints past their due date and unanswered, the oldest due first, with their owner', async () => {
    const board = await sup.ok('board.today', {});
    // On 04-02: d (due 03-16) is overdue; e (due 04-06) and f are not; c is answered.
    expect(board.complaints).toEqual({
      overdue: 1,
      overdueList: [{ id: ids.d, number: expect.stringMatching(/^ش-1446-\d{5}$/), category: 'service_quality', dueDate: '2025-03-16', ownerName: null }],
    });
  });
});

describe('the period report', () => {
  it('P8: March: received, answered within and after the due date, still open and overdue at the month\'s end', async () => {
    const f = (await sup.ok('reports.period', MARCH)) as PeriodFigures;
    expect(f.complaints).toEqual({ received: 4, answeredWithinDue: 1, answeredLate: 1, stillOpen: 3, overdue: 1 });
  });

  it('P8: a period still running counts what is open today', async () => {
    const f = (await sup.ok('reports.period', { from: '2025-04-01', to: '2025-04-30' })) as PeriodFigures;
    // Today is 04-02: c (answered, open), d (overdue), e and f open.
    expect(f.complaints).toEqual({ received: 1, answeredWithinDue: 0, answeredLate: 0, stillOpen: 4, overdue: 1 });
  });

  it('P8: the first days of March: a is still open on 03-05, answered, so not overdue', async () => {
    const f = (await sup.ok('reports.period', { from: '2025-03-01', to: '2025-03-05' })) as PeriodFigures;
    expect(f.complaints).toEqual({ received: 2, answeredWithinDue: 1, answeredLate: 1, stillOpen: 3, overdue: 0 });
  });

  it('P8: the printed report has the complaints\' table', async () => {
    const file = (await sup.ok('reports.period', { ...MARCH, format: 'pdf' })) as ReportFile;
    const text = (await pdfText(Buffer.from(file.dataBase64, 'base64'))).text;
    expect(text).toContain(normaliseText(C.report.section));
    expect(text).toContain(normaliseText(`${C.report.answeredLate} 1`));
  });
});

describe('the evidence pack', () => {
  it('P8: the clause «التحسين المستمر» shows the complaints\' counts instead of «لا تتوفر بيانات بعد»', async () => {
    const file = (await sup.ok('reports.evidence', { ...MARCH, format: 'xlsx' })) as ReportFile;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(printingAr.evidence.evidenceSheet)!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, i) => i > 1 && rows.push((row.values as unknown[]).slice(1).map((v) => v ?? null)));
    const p8 = rows.filter((r) => r[0] === policyClausesAr.P8.title);
    expect(p8.map((r) => r.slice(1, 3))).toEqual([
      [C.report.received, 4],
      [C.report.answeredWithinDue, 1],
      [C.report.answeredLate, 1],
      [C.report.stillOpen, 3],
      [C.report.overdue, 1],
    ]);
    expect(rows.filter((r) => r[1] === printingAr.evidence.noData).map((r) => r[0])).toEqual([]);
  });
});

describe('the acknowledgement slip', () => {
  it('P8: the slip carries the number, the due date in both calendars and the text; any staff member prints it', async () => {
    const list = await sup.ok('complaints.list', { limit: 1 });
    const c = list.rows[0]!;
    const pdf = await desk.ok('documents.complaintSlip', { complaintId: c.id });
    const read = await pdfText(Buffer.from(pdf.pdfBase64, 'base64'));
    expect(read.pages).toHaveLength(1);
    expect(read.sizes[0]![0]).toBeCloseTo(419.53, 0);
    for (const s of [printingAr.complaintSlip.title, c.text, printingAr.complaintSlip.dueDate, '1446', '2025', c.number.slice(2)]) {
      expect(read.text).toContain(normaliseText(s));
    }
    expect(pdf.fileName).toBe(`complaint-${c.number.slice(2)}.pdf`);
  });
});
