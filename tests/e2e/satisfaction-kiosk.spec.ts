import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, adminApi, dismissNotices, openSignedIn, screen, signedInApi } from './support/desk';

/**
 * Satisfaction (P6, P7): a visit finished at a desk is rated on that desk's kiosk — a second
 * page opened from the desk's menu, at a tablet's 1280×800 — which thanks the visitor and goes back to
 * its idle screen by itself; the supervisor reads the result under التقارير and follows the low rating
 * up from the board. A desk of its own, so no other spec's visits are asked about.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-11';
const run = Date.now() % 1_000_000;
const receptionist = { username: `skr${run}`, fullName: 'هيفاء سعد القرني' };
const supervisor = { username: `sks${run}`, fullName: 'عبدالله فهد السبيعي' };
const prefix = String.fromCharCode(65 + (run % 26), 65 + (Math.floor(run / 26) % 26), 65 + (Math.floor(run / 676) % 26));
const deskName = `مكتب التقييم ${run % 1000}`;
const COMMENT = 'انتظرت طويلاً ولم يشرح لي أحد سبب التأخير';

let deskId: number;
let desk: Page;
let kiosk: Page;
let unratedTicket: string;
let staffApi: (operation: string, input: unknown) => Promise<unknown>;

test.beforeAll(async () => {
  const admin = await adminApi(ADMIN_PASSWORD);
  deskId = ((await admin('settings.createDesk', { name: deskName, ticketPrefix: prefix })) as { id: number }).id;
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });
  staffApi = await signedInApi(receptionist.username, PASSWORD, deskId);
});

/** A walk-in checked in and called at the kiosk's desk (the API of that desk), then finished on the desk's screen with F8. */
async function finishVisitAtDesk(name: string): Promise<string> {
  const visit = (await staffApi('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason: 'follow_up' })) as { id: number; ticket: string };
  await staffApi('visits.call', { visitId: visit.id });
  await expect(desk.getByRole('button', { name: /إنهاء/ }).first()).toBeVisible();
  await desk.keyboard.press('F8');
  const dialog = desk.getByRole('dialog', { name: `إنهاء الزيارة ${visit.ticket}` });
  await expect(dialog.getByTestId('finish-outcome')).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  return visit.ticket;
}

test('P6: the receptionist opens the kiosk of her desk; it waits on its idle screen with the policy’s sentence', async ({ browser }) => {
  desk = await openSignedIn(browser, receptionist.username, PASSWORD, `${deskName} (${prefix})`);
  await desk.getByTestId('user-menu').click();
  const opened = desk.context().waitForEvent('page');
  await desk.getByTestId('menu-open-kiosk').click();
  kiosk = await opened;
  await kiosk.setViewportSize({ width: 1280, height: 800 });
  // A new window opens on about:blank and then goes to the kiosk: its address is read once the kiosk shows.
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  expect(new URL(kiosk.url()).pathname).toBe('/kiosk');
  await expect(kiosk.getByTestId('kiosk-right')).toHaveText('تقييمك للخدمة حقٌّ لك، ونستعين به على تحسين خدماتنا، لا للعقاب ولا للتشهير.');
  await expect(kiosk.getByText(deskName)).toBeVisible();
  await screen(kiosk, 'kiosk-1-idle-1280x800');
  await dismissNotices(desk);
});

test('P6: a visit finished at the desk is asked about on the kiosk; one rating is taken, thanked, and the kiosk resets', async () => {
  const ticket = await finishVisitAtDesk('منيرة صالح الغامدي');
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'ask');
  await expect(kiosk.getByText(ticket)).toBeVisible();
  const faces = kiosk.getByRole('radiogroup', { name: 'ما مدى رضاك عن الخدمة التي تلقيتها اليوم؟' });
  await expect(faces.getByRole('radio')).toHaveCount(5);
  // Large enough for a finger.
  const box = (await kiosk.getByTestId('kiosk-face-1').boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(150);
  await screen(kiosk, 'kiosk-2-question-1280x800');

  await faces.getByRole('radio', { name: '2: غير راضٍ' }).click();
  await expect(kiosk.getByTestId('kiosk-face-2')).toHaveAttribute('aria-checked', 'true');
  await kiosk.getByTestId('kiosk-speed-1').click();
  await kiosk.getByTestId('kiosk-comment').fill(COMMENT);
  await screen(kiosk, 'kiosk-3-details-1280x800');
  // A double press sends one rating.
  await kiosk.getByTestId('kiosk-send').dblclick();
  await expect(kiosk.getByTestId('kiosk-thanks')).toBeVisible();
  await screen(kiosk, 'kiosk-4-thanks-1280x800');
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  // The visit rated, the kiosk does not ask about it again.
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'idle');
});

test('P6: the kiosk goes back to its idle screen by itself when nobody answers', async () => {
  test.setTimeout(90_000);
  unratedTicket = await finishVisitAtDesk('سلمان مطلق العنزي');
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'ask');
  // 30 seconds without a touch: awaited as a condition, with room for a busy machine.
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible({ timeout: 45_000 });
});

test('P6: a rating given on paper is typed in by the desk’s staff for that visit, and the kiosk is not asked again', async () => {
  await dismissNotices(desk);
  await desk.getByTestId('user-menu').click();
  await desk.getByTestId('menu-paper-rating').click();
  const dialog = desk.getByRole('dialog', { name: 'إدخال تقييم ورقي' });
  await dialog.getByTestId('paper-visit').click();
  await desk.getByRole('option', { name: `${unratedTicket} — سلمان مطلق العنزي` }).click();
  await dialog.getByTestId('paper-overall').getByText('5 · راضٍ جداً').click();
  await dialog.getByLabel('ملاحظتك (اختياري)').fill('شكراً على حسن الاستقبال');
  await screen(desk, 'satisfaction-paper-1366x768');
  await dialog.getByTestId('paper-send').click();
  await expect(dialog).toHaveCount(0);
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'idle');
});

test('P6, P7: the supervisor reads the rating under التقارير and follows the low one up from the board', async ({ browser }) => {
  const page = await openSignedIn(browser, supervisor.username, PASSWORD, `${deskName} (${prefix})`);
  const item = page.getByTestId('board-satisfaction-item').filter({ hasText: COMMENT });
  await expect(item).toBeVisible();
  await expect(item).toContainText('دون اسم');
  await item.scrollIntoViewIfNeeded();
  await screen(page, 'satisfaction-board-follow-up-1366x768');
  await page.getByRole('tab', { name: 'التقارير' }).click();
  const results = page.getByTestId('satisfaction-results');
  await expect(results.getByTestId('satisfaction-comment').filter({ hasText: COMMENT })).toHaveCount(1);
  await expect(results.getByTestId('satisfaction-by-desk')).toContainText(deskName);
  await expect(results.getByTestId('satisfaction-comment').filter({ hasText: 'شكراً على حسن الاستقبال' })).toContainText('نموذج ورقي');
  await results.scrollIntoViewIfNeeded();
  await screen(page, 'satisfaction-results-1366x768');
  await page.getByRole('tab', { name: 'المتابعة' }).click();
  await item.getByRole('button', { name: 'تمت المتابعة' }).click();
  await expect(item).toHaveCount(0);
  await screen(page, 'satisfaction-board-1366x768');
});

test('P6: a service delivered at the desk is asked about on the kiosk while the visit goes on, and rated once', async () => {
  // A registered food-basket request of a beneficiary who has come to collect it (over the API, as the
  // committee and the desk would have moved it), checked in and called at the kiosk's desk.
  const admin = await adminApi(ADMIN_PASSWORD);
  const services = (await admin('catalogue.services', {})) as { id: number; code: string }[];
  const idNumber = nationalIdFor(4_700_000 + (run % 99_999));
  const person = (await staffApi('beneficiaries.register', {
    firstName: 'نوف',
    fatherName: 'سالم',
    grandfatherName: 'علي',
    familyName: 'الحربي',
    identity: { idType: 'national_id', idNumber },
    mobile: `05${String(4_700_000 + (run % 99_999)).padStart(8, '6')}`.slice(0, 10),
  })) as { id: number };
  let r = (await staffApi('requests.open', { beneficiaryId: person.id, serviceTypeId: services.find((s) => s.code === 'food_basket')!.id, channel: 'interview' })) as {
    id: number;
    documents: { documentTypeId: number; hasExpiry: boolean; version: number; required: boolean }[];
  };
  for (const d of r.documents.filter((x) => x.required)) {
    await staffApi('requests.setDocument', { requestId: r.id, documentTypeId: d.documentTypeId, version: d.version, provided: true, ...(d.hasExpiry ? { expiryDate: '2040-01-01' } : {}) });
  }
  await staffApi('requests.signDeclaration', { requestId: r.id });
  r = (await staffApi('requests.submit', { requestId: r.id })) as typeof r;
  await admin('requests.decide', { requestId: r.id, outcome: 'accepted', aidDescription: 'سلة غذائية' });
  await admin('requests.register', { requestId: r.id });
  const visit = (await staffApi('visits.checkIn', { beneficiaryId: person.id, reason: 'receive_aid' })) as { id: number; ticket: string; day: string };
  await staffApi('visits.call', { visitId: visit.id });
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'idle');

  await staffApi('requests.deliver', { requestId: r.id, description: 'سلة غذائية', deliveredOn: visit.day });
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'ask');
  await expect(kiosk.getByText(visit.ticket)).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-about-delivery')).toContainText('بعد استلامك الخدمة');
  await screen(kiosk, 'kiosk-5-after-delivery-1280x800');
  await kiosk.getByRole('radio', { name: '5: راضٍ جداً' }).click();
  await kiosk.getByTestId('kiosk-send').click();
  await expect(kiosk.getByTestId('kiosk-thanks')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  // The visit ends: rated with its delivery already, the kiosk does not ask again.
  await staffApi('visits.finish', { visitId: visit.id, outcome: 'aid_delivered' });
  const again = (await staffApi('satisfaction.pending', {})) as unknown;
  expect(again).toBeNull();
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'idle');
});
