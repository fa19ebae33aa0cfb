import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from './support/test';
import { businessDay } from '@shared/dates/calendar';
import { printingAr } from '@shared/labels/printing-ar';
import { addStaff, dismissNotices, openSignedIn, screen, signedInApi } from './support/desk';

/**
 * The period report at the supervisor's desk (docs/design.md#around-the-desk-watching-and-reporting), in the browser at 1366×768: the reports tab
 * shows this month's figures, the report prints (the PDF opens in a new tab and is read back) and
 * downloads as a spreadsheet (read back with exceljs). Independent of the other specs: it makes its
 * own users and today's visit.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-10';
const run = Date.now() % 1_000_000;
const supervisor = { username: `repsup${run}`, fullName: 'بدر سعود الشهري' };
const receptionist = { username: `reprec${run}`, fullName: 'هيا محمد العتيبي' };
const DESK_A = 'مكتب الاستقبال 1 (A)';

let page: Page;

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...supervisor, role: 'supervisor' }, { ...receptionist, role: 'receptionist' });
  // Today's visit, served and finished at desk B.
  const desk = await signedInApi(receptionist.username, PASSWORD, 2);
  const visit = (await desk('visits.checkIn', { visitorName: 'نوف سالم الحربي', reason: 'inquiry' })) as { id: number };
  await desk('visits.call', { visitId: visit.id, alsoWhileServing: true });
  await desk('visits.finish', { visitId: visit.id, outcome: 'answered', inquiry: 'مواعيد الدوام', answer: 'من الثامنة إلى الثانية' });
});

test('Period report: a supervisor reads this month\'s figures and prints the report, which arrives as the PDF of the period', async ({ browser }) => {
  page = await openSignedIn(browser, supervisor.username, PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'التقارير' }).click();
  await expect(page.getByTestId('reports-screen')).toBeVisible();
  await expect(page.getByTestId('tile-visits')).not.toContainText(/^\D*0$/);
  await expect(page.getByTestId('report-by-desk')).toContainText('مكتب الاستقبال 2');
  await expect(page.getByTestId('evidence-panel')).toBeVisible();
  await screen(page, 'reports-01-period');

  const popup = page.waitForEvent('popup');
  const download = popup.then((tab) => tab.waitForEvent('download'));
  await page.getByTestId('print-period-report').click();
  const bytes = readFileSync((await (await download).path())!);
  await (await popup).close();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The document's title in its metadata (UTF-16, big-endian) names the period asked for: this month to today.
  const today = businessDay(new Date(), 'Asia/Riyadh');
  expect(bytes.indexOf(utf16be(`${today.slice(0, 7)}-01 — ${today}`))).toBeGreaterThan(0);
  expect(bytes.length).toBeGreaterThan(10_000);
  await dismissNotices(page);
});

test('Period report: the spreadsheet downloads, right to left with its header frozen', async () => {
  const download = page.waitForEvent('download');
  await page.getByTestId('download-period-report').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^period-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  expect(book.worksheets[0]!.name).toBe(printingAr.periodReport.summarySheet);
  for (const sheet of book.worksheets) expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
  await expect(page.getByText('نُزِّل الملف')).toBeVisible();
});
