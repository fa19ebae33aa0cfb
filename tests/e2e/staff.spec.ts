import { expect, test, type Page } from './support/test';
import { addStaff, ADMIN_PASSWORD, openDesk, screen, signIn } from './support/desk';

/**
 * Staff accounts (README "Staff accounts"): the administrator corrects a user's name and resets their forgotten
 * password from the users screen; the user signs in with the temporary password and gets nothing but
 * the forced change; afterwards every user changes their own password from the menu under their name.
 * Independent of the other specs: it makes its own users. Screenshots at 1366×768.
 */
test.describe.configure({ mode: 'serial' });

const ORIGINAL = 'staff-pass-3';
const TEMPORARY = 'temp-pass-4455';
const CHOSEN = 'my-own-pass-8899';
const run = Date.now() % 1_000_000;
const staff = { username: `rsp${run}`, fullName: 'ريم سعد الحارثي' };
const DESK_A = 'مكتب الاستقبال 1 (A)';
const SCREEN = { width: 1366, height: 768 };

let admin: Page;
let user: Page;

test.beforeAll(async () => {
  await addStaff(ORIGINAL, { ...staff, role: 'receptionist' });
});

const userRow = (page: Page) => page.locator(`[data-testid="user-row"][data-username="${staff.username}"]`);

test('Staff accounts: the administrator corrects the name and resets the password from the users screen', async ({ browser }) => {
  admin = await openDesk(browser);
  await admin.setViewportSize(SCREEN);
  await signIn(admin, 'admin', ADMIN_PASSWORD, DESK_A);
  await admin.getByRole('tab', { name: 'المستخدمون' }).click();
  await expect(userRow(admin)).toBeVisible();

  await userRow(admin).getByTestId('edit-user').click();
  await expect(admin.getByTestId('edit-fullName')).toBeFocused();
  await admin.getByTestId('edit-fullName').fill('ر');
  await admin.getByTestId('save-user').click();
  await expect(admin.getByText('اكتب الاسم الثنائي على الأقل.')).toBeVisible();
  await admin.getByTestId('edit-fullName').fill('ريم سعد عبدالله الحارثي');
  await admin.getByTestId('edit-fullName').press('Enter');
  await expect(userRow(admin).getByRole('cell', { name: 'ريم سعد عبدالله الحارثي' })).toBeVisible();

  await userRow(admin).getByTestId('reset-password').click();
  await expect(admin.getByTestId('temporary-password')).toBeFocused();
  await admin.getByTestId('temporary-password').fill('short');
  await admin.getByTestId('confirm-reset').click();
  await expect(admin.getByText('كلمة المرور يجب ألا تقل عن 10 أحرف.')).toBeVisible();
  await admin.getByTestId('temporary-password').fill(TEMPORARY);
  await screen(admin, 'staff-01-reset-dialog');
  await admin.getByTestId('confirm-reset').click();
  await expect(userRow(admin).getByTestId('must-change-badge')).toHaveText('بانتظار كلمة مرور جديدة');
  // The only active administrator can be neither stopped nor demoted: the screen says so and offers no switch.
  const adminRow = admin.locator('[data-testid="user-row"][data-username="admin"]');
  await expect(adminRow.getByRole('switch')).toBeDisabled();
  await screen(admin, 'staff-02-users');
});

test('Staff accounts: the user signs in with the temporary password and is made to choose a new one before the desk opens', async ({ browser }) => {
  user = await openDesk(browser);
  await user.setViewportSize(SCREEN);
  await user.getByLabel('اسم المستخدم').fill(staff.username);
  await user.getByLabel('كلمة المرور').fill(ORIGINAL);
  await user.getByRole('button', { name: 'دخول' }).click();
  await expect(user.getByText('اسم المستخدم أو كلمة المرور غير صحيحة.')).toBeVisible();

  await user.getByLabel('كلمة المرور').fill(TEMPORARY);
  await user.getByRole('button', { name: 'دخول' }).click();
  const forced = user.getByTestId('forced-password-change');
  await expect(forced).toBeVisible();
  await expect(forced.getByText('ريم سعد عبدالله الحارثي')).toBeVisible();
  await expect(user.getByRole('tab', { name: 'الطابور' })).toHaveCount(0);
  await expect(user.getByTestId('current-password')).toBeFocused();
  await screen(user, 'staff-03-forced-change');

  // Keeping the temporary password is refused by the core, next to the field.
  await user.getByTestId('current-password').fill(TEMPORARY);
  await user.getByTestId('new-password').fill(TEMPORARY);
  await user.getByTestId('confirm-password').fill(TEMPORARY);
  await user.getByTestId('change-password-submit').click();
  await expect(forced.getByText('اختر كلمة مرور تختلف عن الحالية.')).toBeVisible();

  await user.getByTestId('new-password').fill(CHOSEN);
  await user.getByTestId('confirm-password').fill(`${CHOSEN}x`);
  await expect(forced.getByText('كلمتا المرور غير متطابقتين.')).toBeVisible();
  await user.getByTestId('confirm-password').fill(CHOSEN);
  await screen(user, 'staff-04-forced-change-filled');
  await user.getByTestId('confirm-password').press('Enter');

  await expect(user.getByTestId('signed-in-user')).toHaveText('ريم سعد عبدالله الحارثي');
  await expect(user.getByRole('tab', { name: 'الطابور' })).toBeVisible();
  // The administrator's list catches up by itself: no reset pending any more.
  await expect(userRow(admin).getByTestId('must-change-badge')).toHaveCount(0);
});

test('Staff accounts: every user changes their own password from the menu under their name, with the current one', async () => {
  await user.getByTestId('user-menu').click();
  await expect(user.getByTestId('menu-change-password')).toBeVisible();
  await screen(user, 'staff-05-user-menu');
  await user.getByTestId('menu-change-password').click();
  const dialog = user.getByRole('dialog', { name: 'تغيير كلمة المرور' });
  await expect(dialog.getByTestId('current-password')).toBeFocused();
  await dialog.getByTestId('current-password').fill('not-my-password');
  await dialog.getByTestId('new-password').fill('another-pass-123');
  await dialog.getByTestId('confirm-password').fill('another-pass-123');
  await dialog.getByTestId('change-password-submit').click();
  await expect(dialog.getByText('كلمة المرور الحالية غير صحيحة.')).toBeVisible();
  await screen(user, 'staff-06-change-own-password');

  await dialog.getByTestId('current-password').fill(CHOSEN);
  await dialog.getByTestId('change-password-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(user.getByText('تغيّرت كلمة المرور.')).toBeVisible();

  await user.getByRole('button', { name: 'خروج' }).click();
  await signIn(user, staff.username, 'another-pass-123', DESK_A);
});
