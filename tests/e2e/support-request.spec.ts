import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, chooseReason, closeTicketWithEnter, openSignedIn, queueRow, screen } from './support/desk';

/**
 * A support request from the desk to the service (S2–S7, P4; docs/design.md#a-support-request): a new visitor checked in for
 * a request, the request opened from the visit, its documents (an expired ID refused for submission,
 * then fixed), the declaration signed, submitted with its expected answer date, the committee's
 * decision (a rejection without reason refused, then accepted), registration with a file number,
 * the service delivered and the request closed. Independent of desk-day: it makes its own users.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-2';
const run = Date.now() % 1_000_000;
const receptionist = { username: `rcp${run}`, fullName: 'هيفاء محمد الغامدي' };
const supervisor = { username: `sup${run}`, fullName: 'عبدالرحمن صالح القحطاني' };
const ID_DOCUMENT = 'صورة الهوية الوطنية / الإقامة';
const LEASE = 'عقد الإيجار (إيجار)';
const EXPIRY_REQUIRED = 'أدخل تاريخ انتهاء المستند، فلا يُعدّ مقدَّماً بدونه.';

let desk: Page;
let committee: Page;

const documentRow = (page: Page, name: string) => page.locator(`[data-testid="document-row"][data-document="${name}"]`);

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });
});

test('a new visitor checked in for a support request gets one opened from the visit (C1)', async ({ browser }) => {
  desk = await openSignedIn(browser, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  const search = desk.getByTestId('search-input');
  await search.fill('ريم عبدالعزيز');
  await expect(desk.getByTestId('no-results')).toBeVisible();
  await search.press('Enter');
  await desk.getByTestId('reg-grandfatherName').fill('فهد');
  await desk.getByTestId('reg-familyName').fill('الشهري');
  await desk.getByTestId('reg-idNumber').fill(nationalIdFor(4_300_000 + (run % 99_999)));
  await desk.getByTestId('reg-mobile').fill(`05${String(run).padStart(8, '7')}`);
  await desk.getByTestId('reg-submit').click();
  await expect(desk.getByTestId('chosen-visitor')).toContainText('ريم عبدالعزيز فهد الشهري');
  await desk.getByTestId('chosen-visitor').click();
  await chooseReason(desk, '2'); // a new support request
  await desk.keyboard.press('Enter');
  const ticket = (await desk.getByTestId('ticket-number').textContent())!;
  await closeTicketWithEnter(desk);
  await queueRow(desk, ticket).getByRole('button', { name: 'استدعاء' }).click();

  const card = desk.getByTestId('current-visit').filter({ hasText: ticket });
  await card.getByTestId('visit-open-request').click();
  await desk.getByTestId('open-service').click();
  await desk.getByRole('option', { name: 'مساعدة إيجار' }).click();
  await expect(desk.getByTestId('open-channel')).toHaveValue('المقابلة');
  await desk.getByLabel('وصف الطلب').fill('تأخر في سداد الإيجار ثلاثة أشهر');
  await screen(desk, '20-open-request');
  await desk.getByTestId('open-request').click();
  await expect(desk.getByTestId('request-page')).toHaveAttribute('data-state', 'draft');
  await expect(desk.getByTestId('request-description')).toHaveValue('تأخر في سداد الإيجار ثلاثة أشهر');
  await expect(desk.getByTestId('blockers')).toContainText(`المستند «${ID_DOCUMENT}» غير مقدّم.`);
  await expect(desk.getByTestId('submit-request')).toBeDisabled();
  await screen(desk, '21-request-opened');
});

test('documents (S2): an impossible Hijri date is named, an expired ID blocks submission, a wrong file is refused', async () => {
  for (const row of await desk.getByTestId('document-row').all()) {
    const name = await row.getAttribute('data-document');
    await row.getByTestId('document-provided').click({ force: true });
    if (name === ID_DOCUMENT || name === LEASE) {
      // A document that expires is not provided without its expiry date: the message stands on the date.
      await expect(row.getByText(EXPIRY_REQUIRED)).toBeVisible();
      await expect(row).toHaveAttribute('data-status', 'missing');
    } else {
      await expect(row).toHaveAttribute('data-status', 'provided');
    }
  }
  const leaseExpiry = documentRow(desk, LEASE).getByTestId('doc-expiryDate');
  await leaseExpiry.fill('1460/01/01');
  await leaseExpiry.blur();
  await expect(documentRow(desk, LEASE)).toHaveAttribute('data-status', 'provided');
  const id = documentRow(desk, ID_DOCUMENT);
  const expiry = id.getByTestId('doc-expiryDate');
  await expiry.fill('1446/01/30'); // Muharram 1446 has 29 days (Umm al-Qura)
  await expiry.blur();
  await expect(id.getByText('التاريخ غير صحيح، هذا اليوم غير موجود في التقويم.')).toBeVisible();
  await expiry.fill('1440/01/01');
  await expiry.blur();
  await expect(id).toHaveAttribute('data-status', 'expired');
  await expect(desk.getByTestId('blockers')).toContainText(`المستند «${ID_DOCUMENT}» منتهي الصلاحية`);

  // A scan must be a PDF or an image by its content, whatever its name says.
  // The picker's own input: no native dialog to wait for (one that did not show under load failed a run).
  await expect(id.getByTestId('document-attach')).toBeEnabled();
  const picker = id.locator('input[type="file"]');
  await picker.setInputFiles({ name: 'hawiya.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
  await expect(id.getByTestId('attach-error')).toHaveText('يُقبل ملف PDF أو صورة (PNG أو JPEG) فقط.');
  const scan = await desk.getByTestId('request-number').screenshot();
  await picker.setInputFiles({ name: 'hawiya.png', mimeType: 'image/png', buffer: scan });
  await expect(id.getByTestId('attachment')).toContainText('hawiya.png');
  await expect(desk.getByTestId('submit-request')).toBeDisabled();
  await screen(desk, '22-expired-document-blocks');
});

test('the declaration is signed (S4), the ID fixed, and a double click submits once (S5)', async () => {
  await desk.getByTestId('sign-declaration').click();
  await expect(desk.getByTestId('declaration-signed')).toContainText(`الإصدار 1، الشاهد ${receptionist.fullName}`);
  const expiry = documentRow(desk, ID_DOCUMENT).getByTestId('doc-expiryDate');
  await expiry.fill('1460/01/01');
  await expiry.blur();
  await expect(documentRow(desk, ID_DOCUMENT)).toHaveAttribute('data-status', 'provided');
  await expect(desk.getByTestId('blockers')).toHaveCount(0);
  await expect(desk.getByTestId('submit-request')).toBeEnabled();
  await desk.getByTestId('submit-request').dblclick();
  await expect(desk.getByTestId('request-page')).toHaveAttribute('data-state', 'submitted');
  // Expected answer: today + 14 days, in both calendars (هـ and م).
  await expect(desk.getByTestId('expected-answer')).toContainText(/هـ — .*م/);
  await expect(desk.locator('[data-testid="timeline-event"][data-action="submit"]')).toHaveCount(1);
  await screen(desk, '23-submitted');
});

test('S3: the submitted request goes to a researcher with a question; a question too short is named beside it, not in a banner', async () => {
  const number = (await desk.getByTestId('request-number').textContent())!;
  await desk.getByTestId('refer-request').click();
  const dialog = desk.getByRole('dialog', { name: `إحالة الطلب ${number} للباحث الاجتماعي` });
  await expect(dialog.getByLabel('سؤال الإحالة')).toBeFocused();
  await dialog.getByLabel('سؤال الإحالة').fill('لا');
  await dialog.getByTestId('confirm-refer-request').click();
  await expect(dialog.getByTestId('refer-text')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('error-alert')).toHaveCount(0);
  await screen(desk, '23b-refer-request-question-short');
  await dialog.getByLabel('سؤال الإحالة').fill('هل يسكن المستفيد في الحي نفسه منذ سنتين؟');
  await dialog.getByTestId('confirm-refer-request').click();
  await expect(dialog).toHaveCount(0);
  await expect(desk.locator('[data-testid="timeline-event"][data-action="refer"]')).toHaveCount(1);
});

test('the committee refuses a rejection without a reason, then accepts (S5)', async ({ browser }) => {
  const number = (await desk.getByTestId('request-number').textContent())!;
  committee = await openSignedIn(browser, supervisor.username, PASSWORD, 'مكتب الاستقبال 2 (B)');
  await committee.getByRole('tab', { name: 'لجنة البحث' }).click();
  const row = committee.locator(`[data-testid="request-row"][data-number="${number}"]`);
  await expect(row).toBeVisible();
  await screen(committee, '24-committee');
  await row.click();
  await committee.getByTestId('decision-outcome').getByText('رفض').click();
  await committee.getByTestId('record-decision').click();
  await expect(committee.getByText('سبب الرفض مطلوب.')).toBeVisible();
  await expect(committee.getByTestId('request-page')).toHaveAttribute('data-state', 'submitted');
  await committee.getByTestId('decision-outcome').getByText('قبول').click();
  await committee.getByTestId('decision-amount').fill('4500');
  await committee.getByTestId('decision-aid').fill('دفعة إيجار ربع سنوية');
  await committee.getByTestId('record-decision').click();
  await expect(committee.getByTestId('decision-summary')).toHaveAttribute('data-outcome', 'accepted');
  await expect(committee.getByTestId('request-page')).toHaveAttribute('data-state', 'accepted');
  await screen(committee, '25-accepted');
});

test('registration gives a file number (S6), the service is delivered (S7) and the request closed', async () => {
  // The desk's page follows the decision by itself (the live revision).
  await expect(desk.getByTestId('request-page')).toHaveAttribute('data-state', 'accepted');
  await desk.getByTestId('register-beneficiary').click();
  await expect(desk.getByTestId('registered-file-number')).toHaveText(/^F-\d+$/);
  await screen(desk, '26-registered');
  await expect(desk.getByTestId('service-description')).toHaveValue('دفعة إيجار ربع سنوية');
  await desk.getByTestId('deliver-service').click();
  await expect(desk.getByTestId('service-delivered')).toContainText('دفعة إيجار ربع سنوية');
  await desk.getByTestId('close-request').click();
  await expect(desk.getByTestId('request-page')).toHaveAttribute('data-state', 'closed');
  for (const action of ['open', 'submit', 'accept', 'register', 'deliver', 'close']) {
    await expect(desk.locator(`[data-testid="timeline-event"][data-action="${action}"]`)).toHaveCount(1);
  }
  await screen(desk, '27-closed');

  // The file shows the request with its state and the file number.
  await desk.getByTestId('request-beneficiary').click();
  await expect(desk.getByTestId('profile-page')).toBeVisible();
  await expect(desk.getByTestId('file-number')).toContainText('F-');
  await expect(desk.getByTestId('request-card')).toContainText('مغلق');
  await screen(desk, '28-profile');
});
