import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from './support/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { addStaff, ADMIN_PASSWORD, adminApi, openDesk, openSignedIn, screen, signIn } from './support/desk';

/**
 * Sign-in that resists guessing (docs/architecture.md#security), on screen at 1366×768: the sign-in screen says how long to
 * wait after repeated wrong passwords and that the account is locked; the staff screen marks the locked
 * account and the administrator lifts the lock. The core and HTTP tests prove the waits and the lock
 * themselves (tests/core/auth/sign-in-guessing.test.ts, tests/loopback/sign-in-guessing.test.ts).
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-9';
const run = Date.now() % 1_000_000;
const staff = { username: `lck${run}`, fullName: 'هند فهد القحطاني' };
const DESK_A = 'مكتب الاستقبال 1 (A)';

let user: Page;

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...staff, role: 'receptionist' });
});

async function tryPassword(page: Page, password: string) {
  await page.getByLabel('اسم المستخدم').fill(staff.username);
  await page.getByLabel('كلمة المرور').fill(password);
  await page.getByRole('button', { name: 'دخول' }).click();
}

test('Sign-in: after five wrong passwords the sign-in screen says how long to wait, and its button waits as long', async ({ browser }) => {
  user = await openDesk(browser);
  const alert = user.getByTestId('error-alert');
  for (let i = 1; i <= 4; i++) {
    await tryPassword(user, `wrong-guess-${i}`);
    await expect(alert).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة.');
    await expect(user.getByTestId('sign-in-submit')).toBeEnabled();
  }
  await tryPassword(user, 'wrong-guess-5');
  await expect(alert).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة. محاولات دخول خاطئة متتالية لهذا الحساب. انتظر ثانيتين ثم أعد المحاولة.');
  await expect(user.getByTestId('sign-in-submit')).toBeDisabled();
  await screen(user, 'sign-in-01-waiting');
  // Once the wait is over the button comes back, and the right password signs in.
  await expect(user.getByTestId('sign-in-submit')).toBeEnabled();
  await signIn(user, staff.username, PASSWORD, DESK_A);
  await user.getByRole('button', { name: 'خروج' }).click();
});

test('Sign-in: a locked account is refused even with the right password, and the screen says for how long and who can lift it', async () => {
  // The lock ten wrong passwords leave (62 s of waits before it, proven in the core and HTTP tests).
  const db = new Database(join(E2E_DATA_DIR, 'istiqbal.sqlite3'));
  try {
    const now = Date.now();
    db.prepare('INSERT INTO sign_in_failures (username, failures, last_failure_at, locked_until) VALUES (?, 10, ?, ?)').run(
      staff.username,
      new Date(now).toISOString(),
      new Date(now + 15 * 60_000).toISOString(),
    );
  } finally {
    db.close();
  }
  await tryPassword(user, PASSWORD);
  await expect(user.getByTestId('error-alert')).toHaveText(
    /^أُوقف الدخول إلى هذا الحساب مؤقتاً بعد محاولات خاطئة كثيرة\. أعد المحاولة بعد (15|14) دقيقة، أو اطلب من مدير النظام رفع الإيقاف\.$/,
  );
  await screen(user, 'sign-in-02-locked');
});

test('Sign-in: the staff screen marks the locked account; the administrator lifts the lock and the right password works at once', async ({ browser }) => {
  const admin = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, DESK_A);
  await admin.getByRole('tab', { name: 'المستخدمون' }).click();
  const row = admin.locator(`[data-testid="user-row"][data-username="${staff.username}"]`);
  await expect(row.getByTestId('sign-in-locked-badge')).toContainText('الدخول موقوف حتى');
  // The form that sets a password says its rules.
  await expect(admin.getByText('10 أحرف على الأقل، لا تحتوي اسم المستخدم، وليست من كلمات المرور الشائعة.')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await screen(admin, 'sign-in-03-staff-locked');

  await row.getByTestId('lift-sign-in-lock').click();
  await expect(admin.getByText(`رُفع إيقاف الدخول عن ${staff.fullName}، ويستطيع الدخول الآن.`)).toBeVisible();
  await expect(row.getByTestId('sign-in-locked-badge')).toHaveCount(0);
  await expect(row.getByTestId('lift-sign-in-lock')).toHaveCount(0);

  await signIn(user, staff.username, PASSWORD, DESK_A);
});

test('Sign-in: the administrator sets how long an idle session stays signed in', async ({ browser }) => {
  const admin = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, DESK_A);
  await admin.getByRole('tab', { name: 'الإعدادات' }).click();
  const hours = admin.getByLabel('الخروج من الحساب بعد عدم النشاط (ساعات)');
  await expect(hours).toHaveValue('12');
  await hours.fill('8');
  await admin.getByRole('button', { name: 'حفظ' }).first().click();
  await expect(admin.getByText('حُفظت الإعدادات.')).toBeVisible();
  await screen(admin, 'sign-in-04-settings');
  const api = await adminApi(ADMIN_PASSWORD);
  expect((await api('settings.get', {})) as { sessionExpiryHours: number }).toMatchObject({ sessionExpiryHours: 8 });
  await api('settings.update', { sessionExpiryHours: 12 });
});
