import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, RegisterFileView } from '@shared/contract';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';
import { COMPLAINT_NOTE, DAY, DAY_AFTER, DAY_BEFORE, FORMULA_NOTE, makeRegisterDay, RECEPTIONIST_2, WALK_IN_INQUIRY, type RegisterDay } from './register-day';

/**
 * The register exported (docs/design.md#around-the-desk-watching-and-reporting): registers.export over the hand-made day of register-day.ts, on both
 * stores, made in the job worker and read back as a user's program would — the XLSX with exceljs
 * (right to left, header frozen with an autofilter, dates as date cells, minutes as numbers, masked
 * IDs, the totals sheet counted by hand), the CSV with its byte-order mark, CRLF and quoting.
 */
let t: TestCore;
let day: RegisterDay;

beforeAll(async () => {
  t = await openTestCore();
  day = await makeRegisterDay(t);
});
afterAll(() => t?.cleanup());

type ExportInput = InputOf<'registers.export'>;
const exported = (input: Partial<ExportInput> = {}) => day.supervisor.ok('registers.export', { format: 'xlsx', from: DAY, to: DAY, ...input });
const bytesOf = (file: RegisterFileView) => Buffer.from(file.dataBase64, 'base64');

async function workbook(file: RegisterFileView): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  return book;
}

/** The register sheet's rows as objects keyed by header, in the sheet's order. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[];
  const out: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

/** The totals sheet as label → value (each group's rows after its title). */
function totalsOf(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue>[] {
  const groups: Map<string, ExcelJS.CellValue>[] = [new Map()];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const label = row.getCell(1).value;
    if (label === null || label === undefined) return void groups.push(new Map());
    groups[groups.length - 1]!.set(String(label), row.getCell(2).value);
  });
  return groups.filter((g) => g.size > 0);
}

/** RFC 4180, read as a spreadsheet program reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    }
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last line does not end with CRLF');
  return rows;
}

async function audits() {
  const rows = await t.db.selectFrom('audit').select(['operation', 'kind', 'after']).where('operation', '=', 'registers.export').orderBy('id').execute();
  return rows.map((r) => ({ ...r, after: JSON.parse(r.after!) as Record<string, unknown> }));
}

const HEADERS = [
  'التذكرة',
  'اليوم',
  'اليوم بالهجري',
  'الوصول',
  'الاستدعاء',
  'الانتهاء',
  'الانتظار (دقيقة)',
  'مدة الخدمة (دقيقة)',
  'المكتب',
  'الموظف',
  'سبب الزيارة',
  'قناة التواصل',
  'الحالة',
  'النتيجة',
  'ملاحظة النتيجة',
  'المستفيد',
  'رقم الهوية',
  'رقم الملف',
  'رقم الطلب',
];

/** A wall-clock time in Riyadh as a date cell holds it (no zone: its parts as if UTC). */
const cell = (dayText: string, time: string) => new Date(`${dayText}T${time}:00Z`);

describe('registers.export as XLSX', () => {
  it('a real spreadsheet: right to left, the header frozen, styled and filtered, named as its day', async () => {
    const file = await exported();
    expect(file.fileName).toBe(`register-${DAY}.xlsx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['السجل', 'الإجماليات']);
    const sheet = book.getWorksheet('السجل')!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(book.getWorksheet('الإجماليات')!.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.autoFilter).toBe('A1:S1');
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    const head = sheet.getRow(1).getCell(1);
    expect(head.font?.bold).toBe(true);
    expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('a row per visit in arrival order: dates and times as date cells in Riyadh\'s time, the Hijri day as text, minutes as numbers, IDs masked', async () => {
    const rows = rowsOf((await workbook(await exported())).getWorksheet('السجل')!);
    expect(rows.map((r) => r['التذكرة'])).toEqual(['A-001', 'A-002', 'B-001', 'A-003', 'B-002', 'B-003', 'A-004']);
    const [a1, a2, b1, a3, b2] = rows;
    expect(a1).toMatchObject({
      اليوم: cell(DAY, '00:00'),
      'اليوم بالهجري': '1447/09/15',
      الوصول: cell(DAY, '08:00'),
      الاستدعاء: cell(DAY, '08:10'),
      الانتهاء: cell(DAY, '08:30'),
      'الانتظار (دقيقة)': 10,
      'مدة الخدمة (دقيقة)': 20,
      المكتب: 'مكتب الاستقبال 1',
      'سبب الزيارة': 'طلب دعم جديد',
      'قناة التواصل': 'المقابلة',
      الحالة: 'انتهت',
      النتيجة: 'فُتح طلب دعم',
      المستفيد: day.beneficiaries.ahmad.fullName,
      'رقم الهوية': `******${day.beneficiaries.ahmad.idNumber.slice(-4)}`,
      'رقم الطلب': day.requestNumber,
    });
    expect(a1!['الوصول']).toBeInstanceOf(Date);
    expect(a2).toMatchObject({ المستفيد: WALK_IN_INQUIRY, 'رقم الهوية': null, 'الانتظار (دقيقة)': 35, 'مدة الخدمة (دقيقة)': 5 });
    expect(b1).toMatchObject({ 'ملاحظة النتيجة': COMPLAINT_NOTE, الموظف: RECEPTIONIST_2, 'رقم الملف': day.fileNumber, 'قناة التواصل': 'الاتصالات الهاتفية' });
    expect(a3).toMatchObject({ الحالة: 'غادر', 'الانتظار (دقيقة)': 20, 'مدة الخدمة (دقيقة)': null, الاستدعاء: null });
    expect(b2).toMatchObject({ الحالة: 'في الانتظار', 'الانتظار (دقيقة)': null });
    for (const r of rows) expect(r['رقم الهوية'] === null || /^\*{6}\d{4}$/.test(String(r['رقم الهوية']))).toBe(true);
  });

  it('a visit that crosses midnight: arrival on its day, its end the next day as a date cell', async () => {
    const late = rowsOf((await workbook(await exported())).getWorksheet('السجل')!).find((r) => r['التذكرة'] === 'A-004')!;
    expect(late).toMatchObject({ اليوم: cell(DAY, '00:00'), الوصول: cell(DAY, '23:50'), الانتهاء: cell(DAY_AFTER, '00:20'), 'مدة الخدمة (دقيقة)': 25 });
    // A note typed as a formula is text in its cell, never a formula.
    expect(late['ملاحظة النتيجة']).toBe(FORMULA_NOTE);
  });

  it('the cells are formatted as a reader expects, and the columns are wide enough for the longest name', async () => {
    const sheet = (await workbook(await exported())).getWorksheet('السجل')!;
    const row = sheet.getRow(2);
    expect(row.getCell(2).numFmt).toBe('yyyy/mm/dd');
    expect(row.getCell(4).numFmt).toBe('yyyy/mm/dd hh:mm');
    expect(row.getCell(7).numFmt).toBe('0.0');
    const longest = Math.max(...Object.values(day.beneficiaries).map((b) => b.fullName.length), WALK_IN_INQUIRY.length);
    // Joined Arabic letters take about three quarters of a digit's width each (LibreOffice, Excel).
    expect(sheet.getColumn(16).width).toBeGreaterThanOrEqual(Math.ceil(longest * 0.75));
    expect(sheet.getColumn(16).width).toBeLessThanOrEqual(longest + 4);
    // A long note wraps; an ID reads left to right («******1234», not «1234******»), a name right to left.
    expect(sheet.getRow(4).getCell(15).alignment).toMatchObject({ wrapText: true, readingOrder: 'rtl' });
    expect(sheet.getRow(4).height).toBe(26); // the note's two lines
    expect(sheet.getRow(3).height).toBeUndefined();
    expect(row.getCell(17).alignment?.readingOrder).toBe('ltr');
    expect(row.getCell(16).alignment?.readingOrder).toBe('rtl');
  });

  it('the totals sheet: visits by reason, channel, desk, outcome and state; mean and 90th-percentile wait (counted by hand)', async () => {
    const [head, summary, reasons, channels, desks, outcomes, states] = totalsOf((await workbook(await exported())).getWorksheet('الإجماليات')!);
    expect(head!.get('المكتب')).toBe('جميع المكاتب');
    expect(head!.get('أرقام الهوية')).toBe('مخفية عدا آخر 4 أرقام');
    expect(head!.get('أعدّه')).toBe(day.supervisor.user.fullName);
    expect(String(head!.get('اليوم'))).toContain('15\u00a0رمضان\u00a01447');
    expect(Object.fromEntries(summary!)).toEqual({
      'عدد الزيارات': 7,
      // Contacts on the other channels (C2–C8) are counted beside the visits, never among them.
      'التواصل عبر القنوات الأخرى': 0,
      'زيارات معروف انتظارها': 6,
      'متوسط الانتظار (دقيقة)': 23.3,
      'الانتظار عند المئين التسعين (دقيقة)': 60,
      'متوسط مدة الخدمة (دقيقة)': 20,
    });
    expect(Object.fromEntries(reasons!)).toMatchObject({ 'حسب سبب الزيارة': 'العدد', استفسار: 2, 'طلب دعم جديد': 1, 'متابعة طلب': 1, 'استلام مساعدة': 1, 'شكوى / اقتراح': 1, أخرى: 1, تطوع: 0 });
    expect(Object.fromEntries(channels!)).toMatchObject({ المقابلة: 6, 'الاتصالات الهاتفية': 1, 'موقع الجمعية': 0 });
    expect(Object.fromEntries(desks!)).toEqual({ 'حسب المكتب': 'العدد', 'مكتب الاستقبال 1': 4, 'مكتب الاستقبال 2': 3 });
    expect(Object.fromEntries(outcomes!)).toMatchObject({
      'أُجيب عن الاستفسار': 1,
      'فُتح طلب دعم': 1,
      'سُلّمت المساعدة': 1,
      'سُجّلت الشكوى / الاقتراح': 1,
      'بلا نتيجة بعد': 3,
    });
    expect(Object.fromEntries(states!)).toMatchObject({ 'في الانتظار': 1, انتهت: 4, غادر: 1, 'أُلغيت': 1, 'قيد الخدمة': 0 });
  });

  it('the filters as on screen: one desk\'s register holds its visits and its totals only', async () => {
    const file = await exported({ deskId: 2, sort: { column: 'waited', direction: 'desc' } });
    expect(file.fileName).toBe(`register-${DAY}-desk-2.xlsx`);
    const book = await workbook(file);
    expect(rowsOf(book.getWorksheet('السجل')!).map((r) => r['التذكرة'])).toEqual(['B-001', 'B-003', 'B-002']);
    const [head, summary] = totalsOf(book.getWorksheet('الإجماليات')!);
    expect(head!.get('المكتب')).toBe('مكتب الاستقبال 2');
    expect(summary!.get('عدد الزيارات')).toBe(3);
    expect(summary!.get('متوسط الانتظار (دقيقة)')).toBe(35);
  });

  it('a day with no visits: the header and totals of nothing', async () => {
    const book = await workbook(await exported({ from: DAY_BEFORE, to: DAY_BEFORE }));
    expect(book.getWorksheet('السجل')!.rowCount).toBe(1);
    const [, summary] = totalsOf(book.getWorksheet('الإجماليات')!);
    expect(summary!.get('عدد الزيارات')).toBe(0);
    expect(summary!.get('متوسط الانتظار (دقيقة)')).toBeNull();
  });
});

describe('registers.export as CSV', () => {
  it('UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting: a note with a comma, quotes and a line break comes back whole, one typed as a formula stays text', async () => {
    const file = await exported({ format: 'csv' });
    expect(file.fileName).toBe(`register-${DAY}.csv`);
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every line break outside the quoted note is CRLF.
    expect(text.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
    expect(text).toContain('"تأخر الرد، وقال: ""سأعود غداً""\nمع الشكر"');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(HEADERS);
    expect(rows.map((r) => r[0])).toEqual(['A-001', 'A-002', 'B-001', 'A-003', 'B-002', 'B-003', 'A-004']);
    const at = (ticket: string) => Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === ticket)![i]]));
    expect(at('A-001')).toMatchObject({ اليوم: DAY, 'اليوم بالهجري': '1447/09/15', الوصول: `${DAY} 08:00`, 'الانتظار (دقيقة)': '10', 'مدة الخدمة (دقيقة)': '20', 'رقم الطلب': day.requestNumber });
    expect(at('B-001')['ملاحظة النتيجة']).toBe(COMPLAINT_NOTE);
    expect(at('A-004')).toMatchObject({ الانتهاء: `${DAY_AFTER} 00:20`, 'مدة الخدمة (دقيقة)': '25' });
    // Opened in a spreadsheet, a note typed as a formula shows as typed and runs nothing: an apostrophe before it.
    expect(at('A-004')['ملاحظة النتيجة']).toBe(`'${FORMULA_NOTE}`);
    expect(at('B-002')).toMatchObject({ الاستدعاء: '', 'الانتظار (دقيقة)': '' });
    expect(at('A-001')['رقم الهوية']).toBe(`******${day.beneficiaries.ahmad.idNumber.slice(-4)}`);
  });

  it('a day with no visits: the header line alone', async () => {
    const text = bytesOf(await exported({ format: 'csv', from: DAY_BEFORE, to: DAY_BEFORE })).toString('utf8');
    expect(text).toBe(`\uFEFF${HEADERS.join(',')}\r\n`);
  });
});

describe('registers.export: IDs, the audit trail, and who may', () => {
  it('every export is recorded; full IDs only when asked for, and recorded as such', async () => {
    const before = (await audits()).length;
    await exported({ format: 'csv', deskId: 1 });
    const masked = (await audits()).at(-1)!;
    expect(masked).toMatchObject({ kind: 'read', after: { from: DAY, to: DAY, deskName: 'مكتب الاستقبال 1', format: 'csv', showFullIds: false, visits: 4 } });

    const full = await exported({ showFullIds: true });
    const row = rowsOf((await workbook(full)).getWorksheet('السجل')!).find((r) => r['التذكرة'] === 'A-001')!;
    expect(row['رقم الهوية']).toBe(day.beneficiaries.ahmad.idNumber);
    const [head] = totalsOf((await workbook(full)).getWorksheet('الإجماليات')!);
    expect(head!.get('أرقام الهوية')).toBe('كاملة بطلب المشرف');
    const rows = await audits();
    expect(rows.length).toBe(before + 2);
    expect(rows.at(-1)).toMatchObject({ kind: 'read', after: { from: DAY, to: DAY, format: 'xlsx', showFullIds: true, visits: 7 } });
  });

  it('a receptionist is refused; bad input is refused in Arabic; neither writes anything', async () => {
    const before = await rowCounts(t);
    const refused = await day.receptionist.call('registers.export', { format: 'xlsx', from: DAY, to: DAY });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const format = await day.supervisor.call('registers.export', { format: 'pdf', from: DAY, to: DAY });
    expect(!format.ok && format.error.code).toBe('validation');
    const reversed = await day.supervisor.call('registers.export', { format: 'csv', from: DAY, to: DAY_BEFORE });
    expect(!reversed.ok && reversed.error.message).toContain('يوم النهاية قبل يوم البداية');
    expect(await rowCounts(t)).toEqual(before);
  });
});
