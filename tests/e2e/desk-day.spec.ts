import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { ADMIN_PASSWORD, chooseReason, closeTicketWithEnter, openDesk, openSignedIn, queueRow, screen, signedInApi, signIn, signOut } from './support/desk';

/**
 * A morning at the desk (S1, S3, P2, C1; docs/design.md#a-visit): first run, users, a new visitor registered and
 * checked in, a returning one found by a name typed without diacritics, call, refer to the
 * researcher, finish — while a second desk in another browser context sees the same hall.
 */
test.describe.configure({ mode: 'serial' });

const STAFF_PASSWORD = 'staff-pass-1';
let deskA: Page;
let deskB: Page;

test('first run: the administrator sets a password and adds the staff', async ({ browser }) => {
  deskA = await openDesk(browser);
  await expect(deskA.getByRole('heading', { name: 'مرحباً بك في استقبال' })).toBeVisible();
  await screen(deskA, '01-first-run');

  await deskA.getByLabel('الاسم الكامل').fill('سعد عبدالله المطيري');
  await deskA.getByLabel('كلمة مرور جديدة').fill(ADMIN_PASSWORD);
  await deskA.getByLabel('تأكيد كلمة المرور').fill(ADMIN_PASSWORD);
  await deskA.getByRole('button', { name: 'إنشاء حساب المدير والبدء' }).click();
  await expect(deskA.getByTestId('signed-in-user')).toHaveText('سعد عبدالله المطيري');
  await expect(deskA.getByText('لم يحضر أي مراجع اليوم بعد.')).toBeVisible();

  await deskA.getByRole('tab', { name: 'المستخدمون' }).click();
  for (const [fullName, username, role] of [
    ['نورة سعد العتيبي', 'reception1', 'موظف استقبال'],
    ['منيرة عبدالله الحربي', 'researcher1', 'باحث اجتماعي'],
  ] as const) {
    await deskA.getByLabel('الاسم الكامل').fill(fullName);
    await deskA.getByLabel('اسم المستخدم').fill(username);
    await deskA.getByRole('combobox', { name: 'الدور' }).click();
    await deskA.getByRole('option', { name: role }).click();
    await deskA.getByLabel('كلمة المرور').fill(STAFF_PASSWORD);
    await deskA.getByRole('button', { name: 'إضافة مستخدم' }).click();
    await expect(deskA.getByRole('cell', { name: fullName })).toBeVisible();
  }
  await screen(deskA, '02-users');
  await signOut(deskA);
  await screen(deskA, '03-sign-in');
  await signIn(deskA, 'reception1', STAFF_PASSWORD, 'مكتب الاستقبال 1 (A)');
});

test('a new visitor: a wrong ID is refused in Arabic, then enrolled and given ticket A-001', async () => {
  const search = deskA.getByTestId('search-input');
  await search.fill('خالد ناصر');
  await expect(deskA.getByTestId('no-results')).toBeVisible();
  await search.press('Enter'); // no hit: Enter opens registration with the typed name
  await expect(deskA.getByTestId('reg-firstName')).toHaveValue('خالد');
  await expect(deskA.getByTestId('reg-fatherName')).toHaveValue('ناصر');
  await deskA.getByTestId('reg-grandfatherName').fill('سعد');
  await deskA.getByTestId('reg-familyName').fill('الدوسري');
  await deskA.getByTestId('reg-idNumber').fill('1234567890'); // wrong check digit
  await deskA.getByTestId('reg-mobile').fill('٠٥٠١٢٣٤٥٦٧'); // Arabic-Indic digits are fine
  await deskA.getByTestId('reg-submit').click();
  await expect(deskA.getByText('رقم الهوية غير صحيح (رقم التحقق لا يطابق). راجع الرقم.')).toBeVisible();
  await screen(deskA, '04-register-bad-id');

  await deskA.getByTestId('reg-idNumber').fill(nationalIdFor(4_200_001));
  await deskA.getByTestId('reg-submit').click();
  await expect(deskA.getByTestId('chosen-visitor')).toContainText('خالد ناصر سعد الدوسري');
  await deskA.getByTestId('chosen-visitor').click();
  await chooseReason(deskA, '2'); // reason 2: a new support request
  await screen(deskA, '05-issue-ticket');
  await deskA.keyboard.press('Enter');
  await expect(deskA.getByTestId('ticket-number')).toHaveText('A-001');
  await screen(deskA, '06-ticket-issued');
  await closeTicketWithEnter(deskA);
  await expect(queueRow(deskA, 'A-001')).toHaveAttribute('data-state', 'waiting');
});

test('a returning visitor is found by a name typed without diacritics', async () => {
  const api = await signedInApi('admin', ADMIN_PASSWORD, 1);
  await api('beneficiaries.register', {
    firstName: 'فَاطِمَة',
    fatherName: 'عَلِيّ',
    grandfatherName: 'حَسَن',
    familyName: 'الزَّهْرَانِيّ',
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_200_002) },
    mobile: '0551112233',
  });

  const search = deskA.getByTestId('search-input');
  await search.fill('الزهراني فاطمه');
  await expect(deskA.getByTestId('search-result').first()).toContainText('فَاطِمَة عَلِيّ حَسَن الزَّهْرَانِيّ');
  await screen(deskA, '07-search-returning');
  await search.press('Enter');
  await chooseReason(deskA, '1'); // reason 1: inquiry
  await deskA.getByTestId('issue-ticket').dblclick(); // a double click issues one ticket, not two
  await expect(deskA.getByTestId('ticket-number')).toHaveText('A-002');
  await deskA.getByRole('button', { name: 'تم' }).click();
  await expect(deskA.locator('[data-testid="queue-row"]')).toHaveCount(2);
});

test('a second desk sees the hall, calls the next visitor, and the first desk updates by itself', async ({ browser }) => {
  deskB = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, 'مكتب الاستقبال 2 (B)');
  await expect(queueRow(deskB, 'A-001')).toBeVisible();
  await expect(queueRow(deskB, 'A-002')).toBeVisible();

  await deskB.getByTestId('call-next').click();
  await expect(deskB.getByTestId('current-visit')).toContainText('A-001');
  await screen(deskB, '08-desk-b-serving');
  // Desk A was not touched: it refreshes by itself (how soon is the bench's business, not a pass/fail timer's).
  await expect(queueRow(deskA, 'A-001')).toHaveAttribute('data-state', 'serving');
  await expect(queueRow(deskA, 'A-001')).toContainText('سعد عبدالله المطيري');

  // Desk A tries to call the same visitor from its stale view: refused, in Arabic, naming who took it.
  await deskB.getByTestId('current-visit').getByRole('button', { name: 'إحالة للباحث' }).click();
  await deskB.getByLabel('سبب الإحالة').fill('يحتاج شرحاً لإجراءات دراسة الحالة');
  await deskB.getByTestId('confirm-refer').click();
  await expect(queueRow(deskB, 'A-001')).toHaveAttribute('data-state', 'referred');
  await expect(queueRow(deskA, 'A-001')).toHaveAttribute('data-state', 'referred');
  await screen(deskA, '09-queue-after-referral');
});

test('the researcher takes the referral and finishes it (S3)', async ({ browser }) => {
  const researcher = await openSignedIn(browser, 'researcher1', STAFF_PASSWORD, 'مكتب الباحث الاجتماعي (R)');
  const row = researcher.locator('[data-testid="referral-row"][data-ticket="A-001"]');
  await expect(row).toContainText('يحتاج شرحاً لإجراءات دراسة الحالة');
  await screen(researcher, '10-referrals');
  await row.getByRole('button', { name: 'استلام الإحالة' }).click();
  await row.getByRole('button', { name: 'إنهاء' }).click();
  await researcher.getByTestId('confirm-finish').click();
  await expect(row).toHaveCount(0);
  await expect(queueRow(deskA, 'A-001')).toHaveAttribute('data-state', 'done');
});

test('desk A calls the inquiry, an empty answer is refused, then it is finished', async () => {
  await deskA.keyboard.press('F4');
  await expect(deskA.getByTestId('current-visit')).toContainText('A-002');
  await deskA.getByTestId('current-visit').getByRole('button', { name: 'إنهاء' }).click();
  await deskA.getByTestId('confirm-finish').click();
  // Each missing part is named next to its own field.
  await expect(deskA.getByRole('dialog').getByText('اكتب الاستفسار كما طرحه المراجع.')).toBeVisible();
  await expect(deskA.getByRole('dialog').getByText('اكتب الإجابة التي أُعطيت للمراجع.')).toBeVisible();
  await deskA.getByLabel('الاستفسار').fill('ما المستندات المطلوبة لطلب مساعدة الإيجار؟');
  await deskA.getByLabel('الإجابة').fill('عقد الإيجار وصورة الهوية وتعريف بالدخل.');
  await screen(deskA, '11-finish-inquiry');
  await deskA.getByTestId('confirm-finish').click();
  await expect(queueRow(deskA, 'A-002')).toHaveAttribute('data-state', 'done');
  await expect(deskA.getByTestId('queue-counts').locator('[data-state="done"]')).toContainText('2');
  await deskA.keyboard.press('F4'); // nobody waits: a calm message, nothing changes
  await expect(deskA.getByText('لا يوجد مراجعون في الانتظار.')).toBeVisible();
  await screen(deskA, '12-queue-end');
});

test('locking the desk keeps what was typed underneath', async () => {
  await deskA.getByTestId('search-input').fill('نص لم يكتمل');
  await deskA.getByRole('button', { name: 'قفل' }).click();
  await expect(deskA.getByTestId('lock-overlay')).toBeVisible();
  await deskA.getByTestId('lock-overlay').getByLabel('كلمة المرور').fill('wrong-password');
  await deskA.getByRole('button', { name: 'فتح القفل' }).click();
  await expect(deskA.getByTestId('lock-overlay').getByText('كلمة المرور غير صحيحة.').first()).toBeVisible();
  await screen(deskA, '13-locked');
  await deskA.getByTestId('lock-overlay').getByLabel('كلمة المرور').fill(STAFF_PASSWORD);
  await deskA.getByRole('button', { name: 'فتح القفل' }).click();
  await expect(deskA.getByTestId('lock-overlay')).toHaveCount(0);
  await expect(deskA.getByTestId('search-input')).toHaveValue('نص لم يكتمل');
});

