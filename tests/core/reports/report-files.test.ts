import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFile } from '@shared/contract/reports';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { policyClausesAr } from '@shared/labels/policy-clauses-ar';
import { CLAUSE_CODE } from '../../helpers/clause-codes';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { bracketsAsOne, normaliseText, pdfText, type PdfText } from '../printing/pdf-text';
import { buildMarchHall, type MarchHall } from './march-hall';

/**
 * The period report and the evidence pack as files: the PDFs read back with pdf.js, the
 * spreadsheets with exceljs, from the hand-computed March hall (march-hall.ts), on both stores.
 */
let t: TestCore;
let hall: MarchHall;
/** As the text layer reads: no spaces, brackets either way round. */
const n = (s: string) => bracketsAsOne(normaliseText(s));
/** A cell left empty reads back as nothing: null, as it was written. */
const cells = (values: ExcelJS.CellValue[]) => Array.from(values, (v) => v ?? null);
const R = ar.reports;
const E = printingAr.evidence;

beforeAll(async () => {
  t = await openTestCore();
  hall = await buildMarchHall(t);
}, 120_000);
afterAll(() => t.cleanup());

const MARCH = { from: '2024-03-01', to: '2024-03-31' } as const;

async function file(operation: 'reports.period' | 'reports.evidence', input: { from: string; to: string; format: 'pdf' | 'xlsx' }): Promise<{ file: ReportFile; bytes: Buffer }> {
  const f = (await hall.supervisor.ok(operation, input)) as ReportFile;
  return { file: f, bytes: Buffer.from(f.dataBase64, 'base64') };
}

async function book(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The sheet's rows below its header, as label → the row's values from the second column on. */
function byLabel(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue[]> {
  const out = new Map<string, ExcelJS.CellValue[]>();
  sheet.eachRow((row, i) => {
    if (i > 1) out.set(String(row.getCell(1).value), cells(row.values as ExcelJS.CellValue[]).slice(2));
  });
  return out;
}

/** The text layer with brackets made alike, to compare with n(). */
function asRead(t: PdfText): PdfText {
  return { ...t, text: bracketsAsOne(t.text), pages: t.pages.map(bracketsAsOne) };
}

function expectSpreadsheetSheet(sheet: ExcelJS.Worksheet) {
  const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
  expect(view, sheet.name).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
  expect(sheet.autoFilter, sheet.name).toBeTruthy();
}

describe('the period report as a PDF', () => {
  let pdf: PdfText;
  let f: ReportFile;
  beforeAll(async () => {
    const got = await file('reports.period', { ...MARCH, format: 'pdf' });
    f = got.file;
    pdf = asRead(await pdfText(got.bytes));
  });

  it('arrives as a PDF named for its period, with the letterhead, the title and the period in both calendars on every page', () => {
    expect(f).toMatchObject({ fileName: 'period-report-2024-03-01-2024-03-31.pdf', mimeType: 'application/pdf' });
    expect(pdf.pages[0]).toContain(n('جمعية البر الخيرية'));
    expect(pdf.pages[0]).toContain(n(printingAr.periodReport.title));
    for (const page of pdf.pages) expect(page).toContain(n('من 20 شعبان 1445 هـ — 1 مارس 2024م إلى 21 رمضان 1445 هـ — 31 مارس 2024م'));
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => expect(page).toContain(n(`صفحة ${i + 1} من ${pdf.pages.length}`)));
  });

  it('S1: prints the waits and, per reason and per desk, the figures worked out by hand', () => {
    expect(pdf.text).toContain(n(`${R.meanWait} 20 د`));
    expect(pdf.text).toContain(n(`${R.p90Wait} 40 د`));
    expect(pdf.text).toContain(n(`${R.meanService} 15 د`));
    // استفسار: 3 visits; mean, median, p90 wait 20, 20, 30 min; target 15; 50٪ within; 1 above.
    expect(pdf.text).toContain(n('استفسار 3 20 د 20 د 30 د 15 50٪ 1'));
    expect(pdf.text).toContain(n('مكتب الباحث الاجتماعي 1 40 د 40 د 20 د 0٪ 1'));
    expect(pdf.text).toContain(n(`${R.notCalled} 2 16 د 30 د — — 0`));
  });

  it('lists the days with visits, a visit that crossed midnight on the day it arrived, and counts the days without', () => {
    expect(pdf.text).toContain(n('29 شعبان 1445 هـ — 10 مارس 2024م الأحد 4 1 20 د 40 د 50٪ 1'));
    expect(pdf.text).toContain(n('2 رمضان 1445 هـ — 12 مارس 2024م الثلاثاء 1 0 20 د 20 د 0٪ 1'));
    expect(pdf.text).toContain(n('أيام بلا زيارات في الفترة: 29'));
  });

  it('S5: the requests, with those answered within the committee period and those still open at the end of March', () => {
    expect(pdf.text).toContain(n(`${R.decisionDaysMean} 17`));
    expect(pdf.text).toContain(n(`${R.decisionDaysLongest} 20`));
    expect(pdf.text).toContain(n(`${R.awaitingCommittee} 1`));
    expect(pdf.text).toContain(n(`${R.overdue} 1`));
    expect(pdf.text).toContain(n(`${R.beforeSubmission} 1`));
    expect(pdf.text).toContain(n(fillDay(R.asOf, '21 رمضان 1445 هـ — 31 مارس 2024م')));
  });

  it('never prints an internal clause id', async () => {
    const raw = await pdfText((await file('reports.period', { ...MARCH, format: 'pdf' })).bytes);
    for (const page of raw.raw) expect(page.replace(/[()]/g, ' ')).not.toMatch(CLAUSE_CODE);
  });

  it('a period with no visits says so and still gives its requests', async () => {
    const empty = asRead(await pdfText((await file('reports.period', { from: '2024-03-11', to: '2024-03-11', format: 'pdf' })).bytes));
    expect(empty.text).toContain(n(R.noVisits));
    expect(empty.text).not.toContain(n(R.byReason));
    expect(empty.text).toContain(n(`${R.opened} 0`));
    expect(empty.text).toContain(n(`${R.decisionDaysMean} —`));
    expect(empty.text).not.toMatch(/undefined|null|NaN/);
  });
});

function fillDay(template: string, day: string) {
  return template.replace('{day}', day);
}

describe('the period report as a spreadsheet', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const got = await file('reports.period', { ...MARCH, format: 'xlsx' });
    expect(got.file).toMatchObject({
      fileName: 'period-report-2024-03-01-2024-03-31.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    wb = await book(got.bytes);
  });

  it('has a right-to-left sheet per breakdown, each with its header styled, frozen and filterable', () => {
    const P = printingAr.periodReport;
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      P.summarySheet,
      P.perDaySheet,
      P.perHourSheet,
      P.perWeekdaySheet,
      P.byReasonSheet,
      P.byChannelSheet,
      P.byDeskSheet,
      P.requestsSheet,
    ]);
    for (const sheet of wb.worksheets) expectSpreadsheetSheet(sheet);
  });

  it('the summary: dates as dates, waits as numbers of minutes, shares as fractions shown as percentages', () => {
    const rows = byLabel(wb.getWorksheet(printingAr.periodReport.summarySheet)!);
    expect(rows.get(R.from)![0]).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(rows.get(R.visitsTotal)![0]).toBe(5);
    expect(rows.get(R.meanWait)!.slice(0, 3)).toEqual([20.4, null, 'دقيقة']);
    expect(rows.get(R.withinTarget)!.slice(0, 2)).toEqual([1, 1 / 3]);
    expect(rows.get(R.decisionDaysMean)![0]).toBe(17);
    const sheet = wb.getWorksheet(printingAr.periodReport.summarySheet)!;
    const within = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === R.withinTarget)!;
    expect(within.getCell(3).numFmt).toBe('0.0%');
  });

  it('every day of March on its own line, as a date cell with its Hijri day beside, figures as numbers', () => {
    const sheet = wb.getWorksheet(printingAr.periodReport.perDaySheet)!;
    expect(sheet.rowCount).toBe(1 + 31);
    const tenth = sheet.getRow(11);
    expect(tenth.getCell(1).value).toEqual(new Date('2024-03-10T00:00:00Z'));
    expect(tenth.getCell(1).numFmt).toBe('yyyy/mm/dd');
    expect(String(tenth.getCell(2).value).replace(/\u00a0/g, ' ')).toBe('29 شعبان 1445 هـ');
    expect(tenth.getCell(3).value).toBe('الأحد');
    // visits, left, mean / median / p90 wait, called, within, share, above
    expect(cells(tenth.values as ExcelJS.CellValue[]).slice(4)).toEqual([4, 1, 20.5, 10, 40, 2, 1, 0.5, 1]);
    const eleventh = sheet.getRow(12);
    expect(cells(eleventh.values as ExcelJS.CellValue[]).slice(4)).toEqual([0, 0, null, null, null, 0, 0, null, 0]);
  });

  it('by desk and by reason as numbers', () => {
    const desks = byLabel(wb.getWorksheet(printingAr.periodReport.byDeskSheet)!);
    expect(desks.get('مكتب الباحث الاجتماعي')).toEqual([1, 40, 40, 40, 20, 20, 1, 0, 0, 1]);
    expect(desks.get(R.notCalled)!.slice(0, 4)).toEqual([2, 16, 2, 30]);
    const reasons = byLabel(wb.getWorksheet(printingAr.periodReport.byReasonSheet)!);
    expect(reasons.get(ar.reasons.inquiry)).toEqual([3, 20, 20, 30, 15, 2, 1, 0.5, 1]);
  });
});

describe('the evidence pack as a PDF, for the board to sign', () => {
  let pdf: PdfText;
  beforeAll(async () => {
    const got = await file('reports.evidence', { ...MARCH, format: 'pdf' });
    expect(got.file).toMatchObject({ fileName: 'evidence-pack-2024-03-01-2024-03-31.pdf', mimeType: 'application/pdf' });
    pdf = asRead(await pdfText(got.bytes));
  });

  it('prints every clause in Arabic, and never an internal clause id', () => {
    for (const clause of Object.values(policyClausesAr)) {
      expect(pdf.text).toContain(n(clause.title));
      expect(pdf.text).toContain(n(clause.text));
    }
    for (const page of pdf.raw) expect(page.replace(/[()]/g, ' ')).not.toMatch(CLAUSE_CODE);
  });

  it('S1–S7 with the figures that show them kept', () => {
    expect(pdf.text).toContain(n(`${E.received} 4`));
    expect(pdf.text).toContain(n(`${R.meanWait} 20 د`));
    expect(pdf.text).toContain(n(`${E.visitReferrals} 1`));
    expect(pdf.text).toContain(n(`${E.referralWaitMean} 10 د`));
    expect(pdf.text).toContain(n(`${E.requestReferrals} 2`));
    expect(pdf.text).toContain(n(`${E.requestReferralsOpen} 1`));
    expect(pdf.text).toContain(n(`${E.referralAnswerLongest} 2 يوم`));
    expect(pdf.text).toContain(n(`${E.signatures} 2`));
    expect(pdf.text).toContain(n(`${E.committeePeriod} 14`));
    expect(pdf.text).toContain(n(`${R.overdue} 1`));
    expect(pdf.text).toContain(n(`${E.registered} 1`));
    expect(pdf.text).toContain(n(`${E.newFiles} 1`));
    expect(pdf.text).toContain(n(`${E.deliveredAmount} 750.00`));
    expect(pdf.text).toContain(n(`${E.closed} 0`));
  });

  it('the channel mix: visits and requests opened per channel', () => {
    expect(pdf.text).toContain(n('المقابلة 4 1 5'));
    expect(pdf.text).toContain(n('الاتصالات الهاتفية 1 1 2'));
    expect(pdf.text).toContain(n('موقع الجمعية 0 1 1'));
  });

  it('P6, P7, P8: satisfaction and complaints give their figures (none in March: zero ratings, no mean; no complaints), never «لا تتوفر بيانات بعد»', () => {
    expect(pdf.text.split(n(E.noData)).length - 1).toBe(0);
    expect(pdf.text).toContain(n(`${ar.satisfaction.results.ratings} 0`));
    expect(pdf.text).toContain(n(`${ar.satisfaction.results.mean} —`));
    expect(pdf.text).toContain(n(`${ar.complaints.report.received} 0`));
  });

  it('ends with the board\'s signatures and who prepared it', () => {
    const last = pdf.pages[pdf.pages.length - 1]!;
    for (const label of [E.boardSection, E.chair, E.member, E.preparedBy, E.preparedSignature]) expect(last).toContain(n(label));
    expect(last).toContain(n('ماجد فهد العنزي'));
  });
});

describe('the evidence pack as a spreadsheet', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const got = await file('reports.evidence', { ...MARCH, format: 'xlsx' });
    expect(got.file.fileName).toBe('evidence-pack-2024-03-01-2024-03-31.xlsx');
    wb = await book(got.bytes);
  });

  it('right to left, headers frozen; each figure beside its clause, in numbers', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([E.coverSheet, E.evidenceSheet, E.channelsSheet, E.clausesSheet]);
    for (const sheet of wb.worksheets) expectSpreadsheetSheet(sheet);
    const sheet = wb.getWorksheet(E.evidenceSheet)!;
    const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => cells(sheet.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1));
    const find = (label: string) => rows.find((r) => r[1] === label);
    expect(find(E.received)).toEqual([policyClausesAr.S1.title, E.received, 4]);
    expect(find(E.submittedAllValid)).toEqual([policyClausesAr.S2.title, E.submittedAllValid, 2, 1]);
    expect(find(E.referralAnswerLongest)).toEqual([policyClausesAr.S3.title, E.referralAnswerLongest, 2, null, 'يوم']);
    expect(find(R.answeredWithinPeriod)).toEqual([policyClausesAr.S5.title, R.answeredWithinPeriod, 1, 0.5]);
    expect(find(E.deliveredAmount)).toEqual([policyClausesAr.S7.title, E.deliveredAmount, 750, null, 'ريال']);
    const noData = rows.filter((r) => r[1] === E.noData).map((r) => r[0]);
    expect(noData).toEqual([]);
    expect(find(ar.satisfaction.results.ratings)).toEqual([policyClausesAr.P6.title, ar.satisfaction.results.ratings, 0]);
    expect(find(ar.complaints.report.received)).toEqual([policyClausesAr.P8.title, ar.complaints.report.received, 0]);
    expect(JSON.stringify(rows)).not.toMatch(CLAUSE_CODE);
  });

  it('the channel mix and the clauses\' text on sheets of their own', () => {
    const channels = byLabel(wb.getWorksheet(E.channelsSheet)!);
    expect(channels.get(ar.channels.interview)).toEqual([4, 1, 5]);
    expect(channels.get(ar.channels.website)).toEqual([0, 1, 1]);
    const clauses = byLabel(wb.getWorksheet(E.clausesSheet)!);
    expect(clauses.get(policyClausesAr.S5.title)).toEqual([policyClausesAr.S5.text]);
  });
});
