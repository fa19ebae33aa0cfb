import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, adminApi, apiSession, dismissNotices, openSignedIn, screen } from './support/desk';

/**
 * Contacts on every channel (P4, P5, C2–C8): a receptionist logs a phone call with a follow-up
 * from the desk's keyboard, the follow-up shows on her screen, and she closes it. Independent of the other
 * specs: its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-11';
const run = Date.now() % 1_000_000;
const receptionist = { username: `ctr${run}`, fullName: 'أمل سعود الزهراني' };
const supervisor = { username: `cts${run}`, fullName: 'ماجد فهد السبيعي' };
const person = ['لطيفة', 'ناصر', 'حمد', `الرويلي`] as const;

type Api = Awaited<ReturnType<typeof apiSession>>;
let admin: Api;
let page: Page;

type Queue = { counts: Record<string, number>; visits: unknown[] };

test.beforeAll(async () => {
  admin = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });
  const [firstName, fatherName, grandfatherName, familyName] = person;
  await admin('beneficiaries.register', {
    firstName,
    fatherName,
    grandfatherName,
    familyName,
    identity: { idType: 'national_id', idNumber: nationalIdFor(700_000 + (run % 90_000)) },
    mobile: '0541112233',
    confirmDuplicates: true,
  });
});

test('P4, C2: F6 logs a phone call with a follow-up in a few keystrokes; no ticket, the hall queue unchanged', async ({ browser }) => {
  page = await openSignedIn(browser, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  const before = (await admin('visits.queue', {})) as Queue;

  // From the hall's search box, which has the focus: F6 opens the contact dialog on its search box.
  await expect(page.getByTestId('search-input').first()).toBeFocused();
  await page.keyboard.press('F6');
  const dialog = page.getByRole('dialog', { name: 'تسجيل تواصل جديد' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('contact-channel')).toHaveValue('الاتصالات الهاتفية');
  const search = dialog.getByTestId('search-input');
  await search.click();
  await search.fill(`${person[0]} ${person[3]}`);
  await expect(dialog.getByTestId('search-result').first()).toContainText(person[0]);
  await search.press('Enter');
  await expect(dialog.getByTestId('contact-person')).toContainText(`${person[0]} ${person[1]}`);
  await dialog.getByTestId('contact-subject').fill('موعد صرف السلة الغذائية');
  await dialog.getByTestId('contact-answer').fill('أُبلغت بأن الصرف يوم الأحد، وسنعاود الاتصال بعد التأكد من اسمها في الكشف.');
  await dialog.getByTestId('contact-follow-up').check();
  await expect(dialog.getByTestId('contact-owner')).toHaveValue(receptionist.fullName);
  await screen(page, 'contacts-log-dialog');
  await dialog.getByTestId('contact-answer').press('Control+Enter');
  await expect(dialog).toHaveCount(0);

  // A contact, not a visit: the hall is as it was.
  const after = (await admin('visits.queue', {})) as Queue;
  expect(after.counts).toEqual(before.counts);
  expect(after.visits).toHaveLength(before.visits.length);
  await expect(page.getByTestId('ticket-issued')).toHaveCount(0);
});

test('P4: the follow-up due today shows on the owner\'s screen: a count on the contacts tab and her list', async () => {
  const tab = page.getByRole('tab', { name: /التواصل/ });
  await expect(tab.getByTestId('follow-up-badge')).toHaveText('1');
  await dismissNotices(page);
  await tab.click();
  const mine = page.getByTestId('my-follow-up');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(`${person[0]} ${person[1]}`);
  await expect(mine).toContainText('مستحقة اليوم');
  await expect(page.getByTestId('contact-row').first()).toContainText('الاتصالات الهاتفية');
  await screen(page, 'contacts-screen');
});

test('P4: the receptionist closes the follow-up with a note; it leaves her list and the tab\'s count', async () => {
  await page.getByTestId('close-follow-up').click();
  const dialog = page.getByRole('dialog', { name: 'إغلاق المتابعة' });
  await dialog.getByTestId('follow-up-note').fill('اتصلت بها وأكدت موعد الصرف');
  await dialog.getByTestId('follow-up-note').press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('my-follow-up')).toHaveCount(0);
  await expect(page.getByTestId('follow-up-badge')).toHaveCount(0);
  await expect(page.getByTestId('contact-row').first()).toContainText('أُغلقت');
  // The contact in full: what was answered and how the follow-up was closed.
  await page.getByTestId('contact-row').first().click();
  const details = page.getByRole('dialog', { name: 'تفاصيل التواصل' });
  await expect(details).toContainText('اتصلت بها وأكدت موعد الصرف');
  await expect(details).toContainText('أُبلغت بأن الصرف يوم الأحد');
  await screen(page, 'contacts-details');
  await details.getByRole('button', { name: 'رجوع' }).click();
});

test('P5: a person without a file is logged by name and mobile on another channel', async () => {
  await page.keyboard.press('F6');
  const dialog = page.getByRole('dialog', { name: 'تسجيل تواصل جديد' });
  await dialog.getByTestId('contact-channel').click();
  await page.getByRole('option', { name: 'وسائل التواصل الاجتماعي' }).click();
  const search = dialog.getByTestId('search-input');
  await search.fill('خالد سعد المطيري');
  await expect(dialog.getByTestId('no-results')).toBeVisible();
  await search.press('Enter');
  await expect(dialog.getByTestId('contact-name')).toHaveValue('خالد سعد المطيري');
  await dialog.getByTestId('contact-mobile').fill('0561234567');
  await dialog.getByTestId('contact-subject').fill('سؤال عن التطوع');
  await dialog.getByTestId('contact-answer').fill('أُرسل إليه رابط التسجيل في الموقع');
  await dialog.getByTestId('contact-answer').press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('contact-row').first()).toContainText('خالد سعد المطيري');
  await expect(page.getByTestId('contact-row').first()).toContainText('وسائل التواصل الاجتماعي');
});

test('P4: the supervisor\'s board has the tile of overdue follow-ups', async ({ browser }) => {
  const board = await openSignedIn(browser, supervisor.username, PASSWORD, 'مكتب الباحث الاجتماعي (R)');
  await expect(board.getByTestId('board-follow-ups')).toContainText('متابعات التواصل المتأخرة');
  await screen(board, 'contacts-board-tile');
});

test('C2, C3: the day\'s register shows the contacts under their channel beside the visits', async ({ browser }) => {
  const desk = await openSignedIn(browser, supervisor.username, PASSWORD, 'مكتب الباحث الاجتماعي (R)');
  await desk.getByRole('tab', { name: 'السجل اليومي' }).click();
  const contactRows = desk.locator('[data-testid="register-row"][data-kind="contact"]');
  await expect(contactRows.filter({ hasText: `${person[0]} ${person[1]}` })).toContainText('الاتصالات الهاتفية');
  await expect(contactRows.filter({ hasText: 'خالد سعد المطيري' })).toContainText('وسائل التواصل الاجتماعي');
  await screen(desk, 'contacts-in-register');
});
