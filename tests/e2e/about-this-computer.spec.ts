import { expect, test } from './support/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { ADMIN_PASSWORD, adminApi, openSignedIn, screen } from './support/desk';

/**
 * On screen (README "Installing"): «حول البرنامج» from the user menu names the version, this computer's data folder and the
 * store; the settings' "start with Windows" belongs to the desktop app, so through the loopback shell it is off,
 * cannot be changed, and says where it is set.
 */
const DESK_A = 'مكتب الاستقبال 1 (A)';

test.beforeAll(async () => {
  await adminApi(ADMIN_PASSWORD);
});

test('«حول البرنامج» in the user menu shows the version, the data folder and the store file', async ({ browser }) => {
  const page = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, DESK_A);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-about').click();
  const dialog = page.getByRole('dialog', { name: 'حول البرنامج' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /الإصدار/ })).toContainText(/\d+\.\d+\.\d+/);
  await expect(dialog.getByRole('row', { name: /مجلد البيانات/ })).toContainText(E2E_DATA_DIR);
  await expect(dialog.getByRole('row', { name: /قاعدة البيانات/ })).toContainText('istiqbal.sqlite3');
  await expect(dialog.getByRole('row', { name: /طريقة التشغيل/ })).toContainText('المتصفح عبر الخادم المحلي');
  await screen(page, 'about-dialog');
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  await expect(dialog).toBeHidden();
});

test('start with Windows: through the browser the switch is off and locked, and says it is set from the desktop app', async ({ browser }) => {
  const page = await openSignedIn(browser, 'admin', ADMIN_PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'الإعدادات' }).click();
  const card = page.getByTestId('this-computer');
  const toggle = card.getByRole('switch', { name: 'تشغيل استقبال عند الدخول إلى ويندوز' });
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeDisabled();
  await expect(card).toContainText('يُضبط هذا من تطبيق سطح المكتب المثبّت على ويندوز');
  await card.scrollIntoViewIfNeeded();
  await screen(page, 'settings-this-computer');
});
