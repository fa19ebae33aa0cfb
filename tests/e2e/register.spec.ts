import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, dismissNotices, openSignedIn, screen, signedInApi } from './support/desk';

/**
 * Registers (docs/design.md#around-the-desk-watching-and-reporting) in the browser at 1366×768: a supervisor filters today's register (one
 * receptionist's visits, then the inquiries among them), sorts it by the wait, exports it as XLSX and
 * as CSV (the downloads read back: right to left, header frozen, date cells, the same visits, masked
 * IDs; the CSV with its byte-order mark), and asks for full IDs — only through a confirmation — before
 * an export shows them. Independent of the other specs: its own users and visits, told apart by the
 * receptionist who served them.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-10';
const run = Date.now() % 1_000_000;
const receptionist = { username: `regrec${run}`, fullName: 'ريم عبدالله الحارثي' };
const supervisor = { username: `regsup${run}`, fullName: 'نايف سعود القرني' };
const person = { firstName: 'منيرة', fatherName: 'حمد', grandfatherName: 'صالح', familyName: 'الرشيدي' };
const ID_NUMBER = nationalIdFor(4_900_000 + (run % 99_999));
const WALK_IN = 'عادل مبارك الجهني';
const DESK_A = 'مكتب الاستقبال 1 (A)';

let page: Page;
let tickets: { inquiry: string; walkIn: string; aid: string };

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });

  // Today at desk 1, the receptionist serves three visitors; the supervisor's register must find these.
  const desk = await signedInApi(receptionist.username, PASSWORD, 1);
  const b = (await desk('beneficiaries.register', { ...person, identity: { idType: 'national_id', idNumber: ID_NUMBER }, mobile: `05${String(run).padStart(8, '4')}` })) as { id: number };
  type Visit = { id: number; ticket: string };
  const inquiry = (await desk('visits.checkIn', { beneficiaryId: b.id, reason: 'inquiry' })) as Visit;
  const walkIn = (await desk('visits.checkIn', { visitorName: WALK_IN, visitorMobile: '0559876543', reason: 'inquiry' })) as Visit;
  const aid = (await desk('visits.checkIn', { beneficiaryId: b.id, reason: 'receive_aid', again: true })) as Visit;
  for (const v of [inquiry, walkIn]) {
    await desk('visits.call', { visitId: v.id });
    await desk('visits.finish', { visitId: v.id, outcome: 'answered', inquiry: 'متى تُصرف السلال؟', answer: 'الأحد القادم' });
  }
  await desk('visits.call', { visitId: aid.id });
  await desk('visits.finish', { visitId: aid.id, outcome: 'aid_delivered' });
  tickets = { inquiry: inquiry.ticket, walkIn: walkIn.ticket, aid: aid.ticket };
  // And takes a phone call: a contact, counted in the register beside her visits.
  await desk('contacts.log', { channel: 'phone', beneficiaryId: b.id, subject: 'موعد صرف السلة', answer: 'الأحد القادم' });
});

test.afterAll(async () => {
  await page?.close();
});

async function download(click: () => Promise<unknown>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

async function sheetOf(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

test('a supervisor opens today\'s register, its count naming the visits and contacts it counts, and narrows it to one receptionist\'s inquiries, sorted by the wait', async ({ browser }) => {
  page = await openSignedIn(browser, supervisor.username, PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'السجل اليومي' }).click();
  await expect(page.getByTestId('register-screen')).toBeVisible();
  await expect(page.getByTestId('register-count')).toContainText(/عدد الزيارات وحالات التواصل في هذا اليوم: [1-9]/);

  await page.getByTestId('register-employee').click();
  await page.getByRole('option', { name: receptionist.fullName }).click();
  const rows = page.getByTestId('register-row');
  // Her three visits and her phone call: the count names both, as it counts both.
  await expect(rows).toHaveCount(4);
  await expect(page.locator('[data-testid="register-row"][data-kind="contact"]')).toHaveCount(1);
  await expect(page.getByTestId('register-count')).toHaveText('عدد الزيارات وحالات التواصل المطابقة: 4');

  await page.getByTestId('register-reasons').click();
  await page.getByRole('option', { name: 'استفسار' }).click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('register-count')).toHaveText('عدد الزيارات وحالات التواصل المطابقة: 2');
  const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')));
  expect(shown.sort()).toEqual([tickets.inquiry, tickets.walkIn].sort());

  // The beneficiary's ID masked to its last four digits; the walk-in has none.
  const row = page.locator(`[data-testid="register-row"][data-ticket="${tickets.inquiry}"]`);
  await expect(row.getByTestId('register-id')).toHaveText(`******${ID_NUMBER.slice(-4)}`);
  // Drawn left to right: stars and digits alone would take the page's direction («3855******»).
  await expect(row.getByTestId('register-id').locator('bdi')).toHaveAttribute('dir', 'ltr');
  await expect(row).toContainText(`${person.firstName} ${person.fatherName} ${person.grandfatherName} ${person.familyName}`);
  await expect(row).toContainText('أُجيب عن الاستفسار');

  // Sorted by the wait: the first click ascending, the second descending.
  await page.getByTestId('register-sort-waited').click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('الانتظار');
  await page.getByTestId('register-sort-waited').click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('الانتظار');
  await screen(page, '90-register-filtered');
});

test('exports what is on screen as XLSX: right to left, the header frozen, date cells, the same visits, IDs masked', async () => {
  const { name, bytes } = await download(() => page.getByTestId('export-xlsx').click());
  expect(name).toMatch(/^register-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = await sheetOf(bytes);
  const sheet = book.getWorksheet('السجل')!;
  expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBe('A1:S1');
  const found: Record<string, ExcelJS.CellValue[]> = {};
  sheet.eachRow((r, n) => {
    if (n > 1) found[String(r.getCell(1).value)] = (r.values as ExcelJS.CellValue[]).slice(1);
  });
  expect(Object.keys(found).sort()).toEqual([tickets.inquiry, tickets.walkIn].sort());
  const [, day, , arrived] = found[tickets.inquiry]!;
  expect(day).toBeInstanceOf(Date);
  expect(arrived).toBeInstanceOf(Date);
  expect(found[tickets.inquiry]![16]).toBe(`******${ID_NUMBER.slice(-4)}`);
  expect(found[tickets.walkIn]![15]).toBe(WALK_IN);
  const totals: Record<string, ExcelJS.CellValue> = {};
  book.getWorksheet('الإجماليات')!.eachRow((r) => (totals[String(r.getCell(1).value)] = r.getCell(2).value));
  expect(totals['عدد الزيارات']).toBe(2);
  expect(totals['استفسار']).toBe(2);
  await dismissNotices(page);
});

test('exports it as CSV: UTF-8 with its byte-order mark and CRLF, the same visits', async () => {
  const { name, bytes } = await download(() => page.getByTestId('export-csv').click());
  expect(name).toMatch(/^register-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]!.split(',')[0]).toBe('التذكرة');
  expect(lines.filter((l) => l !== '').length).toBe(3);
  expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(['', 'التذكرة', tickets.inquiry, tickets.walkIn].sort());
  await dismissNotices(page);
});

test('full IDs only after a deliberate confirmation: shown on screen and in the export', async () => {
  const toggle = page.getByRole('switch', { name: 'إظهار أرقام الهوية كاملة' });
  await toggle.click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await screen(page, '91-register-full-ids-confirm');
  // «رجوع» keeps them masked.
  await page.getByRole('button', { name: 'رجوع' }).click();
  await expect(page.getByTestId('register-full-ids')).not.toBeChecked();
  const row = page.locator(`[data-testid="register-row"][data-ticket="${tickets.inquiry}"]`);
  await expect(row.getByTestId('register-id')).toHaveText(`******${ID_NUMBER.slice(-4)}`);

  await toggle.click();
  await page.getByTestId('confirm-anyway').click();
  await expect(page.getByTestId('register-full-ids')).toBeChecked();
  await expect(row.getByTestId('register-id')).toHaveText(ID_NUMBER);
  const { bytes } = await download(() => page.getByTestId('export-xlsx').click());
  const sheet = (await sheetOf(bytes)).getWorksheet('السجل')!;
  const ids: string[] = [];
  sheet.eachRow((r, n) => n > 1 && r.getCell(17).value && ids.push(String(r.getCell(17).value)));
  expect(ids).toEqual([ID_NUMBER]);
});

test('a range of days: each row says its day, and the PDF waits for a single day', async () => {
  const today = await page.getByTestId('register-to').inputValue();
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('register-from').fill(yesterday);
  await expect(page.getByTestId('register-to')).toHaveValue(today);
  const rows = page.getByTestId('register-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-day', today);
  await expect(page.getByRole('columnheader', { name: 'اليوم' })).toBeVisible();
  await expect(page.getByTestId('print-register')).toBeDisabled();
  await screen(page, '92-register-range');
});
