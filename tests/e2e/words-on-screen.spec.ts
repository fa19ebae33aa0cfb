import { expect, test, type Locator, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, openSignedIn, screen } from './support/desk';
import { ar } from '@shared/labels/ar';

/**
 * Words on screen, at 1366×768: an empty form flags every missing field at once, beside
 * each field, in our Arabic; the desk's registration refuses what the file refuses (a birth date in
 * the future); the channel list carries no clause code; and the screens the other specs do not
 * photograph (walk-in, the file with errors, requests, catalogue, users, settings) are photographed
 * here to be looked at. Independent of the other specs: it makes its own users.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-7';
const run = Date.now() % 1_000_000;
const receptionist = { username: `wrd${run}`, fullName: 'لمياء ناصر الدوسري' };
const DESK_A = 'مكتب الاستقبال 1 (A)';
const FUTURE = `${new Date().getFullYear() + 1}-01-01`;

let desk: Page;
let admin: Page;

/** The message Mantine shows under an input (its error element, linked by aria-describedby). */
async function errorOf(input: Locator): Promise<string | null> {
  // Mantine marks a text input aria-invalid, a password input's inner input data-invalid.
  await expect.poll(async () => (await input.getAttribute('aria-invalid')) ?? (await input.getAttribute('data-invalid'))).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  expect(ids, 'the error sits beside its field').toHaveLength(1);
  return input.page().locator(`[id="${ids[0]}"]`).textContent();
}

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' });
});

test('an empty enrolment at the desk flags all six missing fields at once, each beside its field', async ({ browser }) => {
  desk = await openSignedIn(browser, receptionist.username, PASSWORD, DESK_A);
  await desk.getByTestId('register-new').click();
  await desk.getByTestId('reg-submit').click();
  for (const name of ['firstName', 'fatherName', 'grandfatherName', 'familyName']) {
    expect(await errorOf(desk.getByTestId(`reg-${name}`))).toBe('هذا الجزء من الاسم مطلوب.');
  }
  expect(await errorOf(desk.getByTestId('reg-idNumber'))).toBe('هذا الحقل مطلوب.');
  expect(await errorOf(desk.getByTestId('reg-mobile'))).toBe('هذا الحقل مطلوب.');
  await screen(desk, '60-register-empty');
});

test('the desk\'s enrolment refuses a birth date in the future, as the file does', async () => {
  await desk.getByTestId('reg-firstName').fill('هند');
  await desk.getByTestId('reg-fatherName').fill('سالم');
  await desk.getByTestId('reg-grandfatherName').fill('مبارك');
  await desk.getByTestId('reg-familyName').fill('العتيبي');
  await desk.getByTestId('reg-idNumber').fill(nationalIdFor(4_700_000 + (run % 99_999)));
  await desk.getByTestId('reg-mobile').fill(`05${String(run).padStart(8, '6')}`);
  await desk.getByTestId('reg-birthDate').fill(FUTURE);
  await desk.getByTestId('reg-submit').click();
  expect(await errorOf(desk.getByTestId('reg-birthDate'))).toBe('تاريخ الميلاد لا يكون في المستقبل.');
  await expect(desk.getByTestId('chosen-visitor')).toHaveCount(0);
  await screen(desk, '61-register-birth-date-future');
  await desk.getByTestId('reg-birthDate').fill('1988-04-12');
  await desk.getByTestId('reg-submit').click();
  await expect(desk.getByTestId('chosen-visitor')).toContainText('هند سالم مبارك العتيبي');
  // The channel list reads as the policy names the channels, without its clause codes.
  await desk.getByRole('combobox', { name: 'قناة التواصل' }).click();
  await expect(desk.getByRole('option', { name: 'الاتصالات الهاتفية', exact: true })).toBeVisible();
  await screen(desk, '62-issue-ticket-channels');
  await desk.keyboard.press('Escape');
});

test('the file flags every cleared required field at once, and a birth date in the future', async () => {
  await desk.getByTestId('chosen-visitor-profile').click();
  await expect(desk.getByTestId('profile-page')).toBeVisible();
  for (const name of ['firstName', 'familyName', 'idNumber', 'mobile']) await desk.getByTestId(`profile-${name}`).fill('');
  await desk.getByTestId('profile-birthDate').fill(FUTURE);
  await desk.getByTestId('profile-save').click();
  expect(await errorOf(desk.getByTestId('profile-firstName'))).toBe('هذا الجزء من الاسم مطلوب.');
  expect(await errorOf(desk.getByTestId('profile-familyName'))).toBe('هذا الجزء من الاسم مطلوب.');
  expect(await errorOf(desk.getByTestId('profile-idNumber'))).toBe('هذا الحقل مطلوب.');
  expect(await errorOf(desk.getByTestId('profile-mobile'))).toBe('هذا الحقل مطلوب.');
  expect(await errorOf(desk.getByTestId('profile-birthDate'))).toBe('تاريخ الميلاد لا يكون في المستقبل.');
  await screen(desk, '63-profile-errors');
  await desk.getByTestId('profile-save').scrollIntoViewIfNeeded();
  await screen(desk, '64-profile-errors-save');
});

test('a visitor without a file: an empty name is named beside the field', async () => {
  await desk.getByRole('tab', { name: 'الطابور' }).click();
  // The check-in still holds the visitor registered above: back to the search.
  await desk.getByTestId('chosen-visitor').locator('xpath=ancestor::form').getByRole('button', { name: 'رجوع' }).click();
  await desk.getByTestId('walk-in').click();
  await desk.getByTestId('walkin-mobile').fill('12345');
  await desk.getByRole('button', { name: 'متابعة' }).click();
  expect(await errorOf(desk.getByTestId('walkin-name'))).toBe('اكتب الاسم الثنائي على الأقل.');
  expect(await errorOf(desk.getByTestId('walkin-mobile'))).toBe('رقم الجوال غير صحيح: اكتبه بصيغة سعودية، عشرة أرقام تبدأ بـ 05.');
  await screen(desk, '65-walk-in-errors');
});

test('the requests list, at 1366×768', async () => {
  await desk.getByRole('tab', { name: 'الطلبات' }).click();
  await expect(desk.getByTestId('requests-states')).toBeVisible();
  await screen(desk, '66-requests');
  await desk.close();
});

test('the administrator\'s screens: an empty user, service or desk is named field by field, in our words', async ({ browser }) => {
  admin = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, 'مكتب الاستقبال 2 (B)');

  await admin.getByRole('tab', { name: 'المستخدمون' }).click();
  await admin.getByRole('button', { name: 'إضافة مستخدم' }).click();
  const users = admin.getByRole('main');
  expect(await errorOf(users.getByLabel('الاسم الكامل'))).toBe('هذا الحقل مطلوب.');
  expect(await errorOf(users.getByLabel('اسم المستخدم'))).toBe('اسم المستخدم من 3 إلى 32 حرفاً إنجليزياً أو رقماً.');
  expect(await errorOf(users.getByLabel('كلمة المرور'))).toBe('كلمة المرور يجب ألا تقل عن 10 أحرف.');
  await users.getByLabel('الاسم الكامل').fill('سع');
  await admin.getByRole('button', { name: 'إضافة مستخدم' }).click();
  await expect.poll(() => errorOf(users.getByLabel('الاسم الكامل'))).toBe(ar.messages.fullNameTooShort);
  await screen(admin, '67-users-errors');

  await admin.getByRole('tab', { name: 'الخدمات' }).click();
  await admin.getByTestId('add-service').click();
  await admin.getByTestId('save-service').click();
  expect(await errorOf(admin.getByTestId('service-name'))).toBe('هذا الحقل مطلوب.');
  await screen(admin, '68-catalogue-service-error');

  await admin.getByRole('tab', { name: 'الإعدادات' }).click();
  await admin.getByRole('button', { name: 'إضافة مكتب' }).click();
  expect(await errorOf(admin.getByLabel('اسم المكتب'))).toBe('هذا الحقل مطلوب.');
  expect(await errorOf(admin.getByLabel('بادئة التذكرة'))).toBe('بادئة التذكرة من حرف إلى ثلاثة أحرف إنجليزية كبيرة.');
  await screen(admin, '69-settings-desk-errors');
  await admin.close();
});
