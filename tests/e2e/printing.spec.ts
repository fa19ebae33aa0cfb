import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, adminApi, chooseReason, dismissNotices, openSignedIn, queueRow, screen } from './support/desk';

/**
 * Printed documents through the loopback shell (renderer/printing/README.md): each document opens in a new tab of the
 * browser (this test browser has no PDF viewer, so the tab hands the PDF over as a download, which
 * is how its bytes are read here); the queue ticket prints on check-in and one that did not come
 * out shows as not printed with a reprint; a receipt's QR code read into the search box opens its
 * request; the daily register for a supervisor; the reference shelf; the letterhead. Independent of
 * the other specs: it makes its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-4';
const run = Date.now() % 1_000_000;
const receptionist = { username: `prn${run}`, fullName: 'أمل خالد السبيعي' };
const supervisor = { username: `prs${run}`, fullName: 'ماجد فهد العنزي' };
const beneficiary = { firstName: 'عبير', fatherName: 'سالم', grandfatherName: 'ناصر', familyName: 'البقمي' };
const DESK_A = 'مكتب الاستقبال 1 (A)';

let desk: Page;
let requestNumber: string;

/** Clicks, catches the tab the document opens in, and returns the PDF's bytes. */
async function printed(page: Page, click: () => Promise<unknown>): Promise<Buffer> {
  const popup = page.waitForEvent('popup');
  const download = popup.then((tab) => tab.waitForEvent('download'));
  await click();
  const bytes = readFileSync((await (await download).path())!);
  await (await popup).close();
  return bytes;
}

function expectPdf(bytes: Buffer) {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1000);
}

test.beforeAll(async () => {
  const api = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });

  // A submitted request, made through the API: this spec is about its documents, not its steps.
  const person = (await api('beneficiaries.register', {
    ...beneficiary,
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_500_000 + (run % 99_999)) },
    mobile: `05${String(run).padStart(8, '3')}`,
  })) as { id: number };
  const [service] = (await api('catalogue.services', {})) as { id: number }[];
  let request = (await api('requests.open', { beneficiaryId: person.id, serviceTypeId: service!.id, channel: 'interview', description: 'طلب مساعدة في سداد فاتورة الكهرباء' })) as {
    id: number;
    number: string;
    documents: { documentTypeId: number; hasExpiry: boolean; version: number }[];
  };
  for (const d of request.documents) {
    await api('requests.setDocument', { requestId: request.id, documentTypeId: d.documentTypeId, version: d.version, provided: true, ...(d.hasExpiry ? { expiryDate: '2040-01-01' } : {}) });
  }
  await api('requests.signDeclaration', { requestId: request.id });
  request = (await api('requests.submit', { requestId: request.id })) as typeof request;
  requestNumber = request.number;
});

test('a check-in prints the ticket; one marked not printed shows so, with a reprint, in the modal and on the queue row', async ({ browser }) => {
  desk = await openSignedIn(browser, receptionist.username, PASSWORD, DESK_A);
  await desk.getByTestId('search-input').fill('عبير البقمي');
  await expect(desk.getByTestId('search-result').first()).toContainText('عبير سالم ناصر البقمي');
  await desk.getByTestId('search-input').press('Enter');
  await chooseReason(desk, '1');

  expectPdf(await printed(desk, () => desk.keyboard.press('Enter')));
  const ticket = (await desk.getByTestId('ticket-number').textContent())!;
  const status = desk.getByTestId('ticket-print-status');
  await expect(status).toHaveAttribute('data-status', 'opened');
  await screen(desk, '40-ticket-opened-for-printing');

  await desk.getByTestId('ticket-mark-not-printed').click();
  await expect(status).toHaveAttribute('data-status', 'notPrinted');
  await expect(desk.getByTestId('ticket-not-printed')).toHaveText('لم تُطبع');
  await expect(desk.getByTestId('ticket-reprint')).toBeVisible();
  await screen(desk, '41-ticket-not-printed');

  expectPdf(await printed(desk, () => desk.getByTestId('ticket-reprint').click()));
  await expect(status).toHaveAttribute('data-status', 'opened');
  await desk.getByRole('button', { name: 'تم' }).click();

  // Still recorded as not printed: the row says so, and reprints from there.
  const row = queueRow(desk, ticket);
  await expect(row.getByTestId('row-ticket-not-printed')).toHaveText('لم تُطبع');
  await screen(desk, '42-queue-row-not-printed');
  expectPdf(await printed(desk, () => row.getByTestId('row-ticket-reprint').click()));
  await expect(desk.getByRole('dialog', { name: 'إعادة طباعة التذكرة' })).toBeVisible();
  await desk.getByTestId('ticket-mark-printed').click();
  await expect(row.getByTestId('row-ticket-not-printed')).toHaveCount(0);
  await expect(desk.getByRole('dialog')).toHaveCount(0);
});

test('the receipt\'s QR code, read by a scanner into the search box, opens the request', async () => {
  // A scanner types the number and Enter.
  await desk.getByTestId('search-input').pressSequentially(requestNumber, { delay: 5 });
  await desk.getByTestId('search-input').press('Enter');
  await expect(desk.getByTestId('request-page')).toHaveAttribute('data-state', 'submitted');
  await expect(desk.getByTestId('request-number')).toHaveText(requestNumber);
  await expect(desk.getByTestId('search-input')).toHaveValue('');
});

test('the request page prints the request form, the declaration (each printing recorded, same version) and the receipt', async () => {
  await expect(desk.getByTestId('print-request-form')).toBeVisible();
  await expect(desk.getByTestId('print-receipt')).toBeVisible();
  await expect(desk.getByTestId('print-declaration')).toBeVisible();
  await screen(desk, '43-request-print-buttons');

  expectPdf(await printed(desk, () => desk.getByTestId('print-request-form').click()));
  expectPdf(await printed(desk, () => desk.getByTestId('print-receipt').click()));

  expectPdf(await printed(desk, () => desk.getByTestId('print-declaration').click()));
  await expect(desk.getByTestId('declaration-printings')).toHaveAttribute('data-count', '1');
  expectPdf(await printed(desk, () => desk.getByTestId('print-declaration').click()));
  const printings = desk.getByTestId('declaration-printings');
  await expect(printings).toHaveAttribute('data-count', '2');
  await expect(printings).toContainText('مرات طباعة الإقرار: 2، آخرها بنص الإصدار 1');

  // The notice of the last printing offers the same PDF as a download.
  const link = desk.locator('[data-testid="print-download"][download^="declaration-"]').first();
  await expect(link).toBeVisible();
  const [download] = await Promise.all([desk.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^declaration-.*\.pdf$/);
  expectPdf(readFileSync((await download.path())!));
  await screen(desk, '44-declaration-printed-twice');
});

test('the reference shelf (T1–T4) opens from the المراجع menu for everyone', async () => {
  await desk.getByTestId('references-menu').click();
  const list = desk.getByTestId('references-list');
  for (const shelf of ['T1', 'T2', 'T3', 'T4']) await expect(list.getByTestId(`reference-${shelf}`)).toBeVisible();
  await expect(list.getByTestId('reference-T4')).toHaveText('نموذج طلب دعم مستفيد (فارغ)');
  await screen(desk, '45-reference-shelf');
  expectPdf(await printed(desk, () => list.getByTestId('reference-T1').click()));
  await desk.getByTestId('references-menu').click();
  expectPdf(await printed(desk, () => list.getByTestId('reference-T4').click()));
  // The daily register is not the receptionist's.
  await expect(desk.getByRole('tab', { name: 'السجل اليومي' })).toHaveCount(0);
});

test('a supervisor prints the daily register: a day, one desk or all, IDs in full on request', async ({ browser }) => {
  const page = await openSignedIn(browser, supervisor.username, PASSWORD, 'مكتب الاستقبال 2 (B)');
  await page.getByRole('tab', { name: 'السجل اليومي' }).click();
  await expect(page.getByTestId('register-screen')).toBeVisible();
  await expect(page.getByTestId('register-count')).toContainText(/عدد الزيارات وحالات التواصل في هذا اليوم: [1-9]/);
  // Full IDs are a deliberate choice: the switch asks first.
  await page.getByRole('switch', { name: 'إظهار أرقام الهوية كاملة' }).click();
  await page.getByTestId('confirm-anyway').click();
  await expect(page.getByTestId('register-full-ids')).toBeChecked();
  await screen(page, '46-daily-register');
  expectPdf(await printed(page, () => page.getByTestId('print-register').click()));

  await page.getByTestId('register-desk').click();
  await page.getByRole('option', { name: DESK_A }).click();
  expectPdf(await printed(page, () => page.getByTestId('print-register').click()));
  await page.close();
});

test('the administrator edits the letterhead and replaces a reference PDF (PDF only)', async ({ browser }) => {
  const page = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'الإعدادات' }).click();
  await page.getByTestId('letterhead-associationBranch').fill('فرع الرياض');
  await page.getByTestId('letterhead-associationPhone').fill('0112345678');
  await page.getByTestId('letterhead-save').click();
  await expect(page.getByText('حُفظت الإعدادات.')).toBeVisible();
  await expect(page.getByTestId('letterhead-associationBranch')).toHaveValue('فرع الرياض');

  const row = page.locator('[data-testid="reference-row"][data-shelf="T2"]');
  // The picker's own input: no native dialog to wait for (under load one did not show and the run failed).
  await expect(row.getByTestId('reference-replace-T2')).toBeEnabled();
  const picker = row.locator('input[type="file"]');
  await picker.setInputFiles({ name: 'guide.png', mimeType: 'image/png', buffer: Buffer.from('not a pdf') });
  await expect(row.getByTestId('reference-error')).toHaveText('اختر ملف PDF.');
  const pdf = await printed(page, () => row.getByRole('button', { name: 'فتح المستند' }).click());
  await picker.setInputFiles({ name: 'guide.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(row.getByText('نسخة مؤقتة')).toHaveCount(0);
  await expect(row).toContainText('آخر تحديث');
  // The notices would hide the rows.
  await dismissNotices(page);
  await page.getByTestId('reference-shelf-card').scrollIntoViewIfNeeded();
  await screen(page, '47-settings-letterhead-references');
  // Eight tabs, the shelf and the user still share one header line on a 1280-pixel screen.
  await page.setViewportSize({ width: 1280, height: 800 });
  await screen(page, '48-admin-header-1280');
  await page.close();
});
