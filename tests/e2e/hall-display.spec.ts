import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, adminApi, loopback, signIn } from './support/desk';

/**
 * Issue 11, the hall display (S1) and the device screens it shares with the kiosk: opened from a
 * desk's menu as a page of its own (/display), living on when the desk locks or signs out, closed
 * only with a staff password. Its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-11';
const run = Date.now() % 1_000_000;
const receptionist = { username: `hdr${run}`, fullName: 'ريم خالد الشهري' };
const DESK_A = 'مكتب الاستقبال 1 (A)';

let desk: Page;
let display: Page;

test.beforeAll(async () => {
  const admin = await adminApi(ADMIN_PASSWORD);
  await admin('users.create', { ...receptionist, role: 'receptionist', password: PASSWORD });
});

test('S1: a receptionist opens the hall display from the desk menu; it lives on after she signs out', async ({ browser }) => {
  const context = await browser.newContext();
  desk = await context.newPage();
  const { url, token } = loopback();
  await desk.goto(`${url}/#token=${token}`);
  await signIn(desk, receptionist.username, PASSWORD, DESK_A);
  await desk.getByTestId('user-menu').click();
  const opened = context.waitForEvent('page');
  await desk.getByTestId('menu-open-display').click();
  display = await opened;
  await expect(display.getByTestId('hall-display')).toBeVisible();
  expect(new URL(display.url()).pathname).toBe('/display');
  // Neither the token nor the device session stays in the address bar.
  expect(display.url()).not.toContain('#');
  await desk.getByRole('button', { name: 'خروج' }).click();
  await expect(desk.getByRole('button', { name: 'دخول' })).toBeVisible();
  await display.reload();
  await expect(display.getByTestId('hall-display')).toBeVisible();
});

test('S1: the /display page opened by hand, with no device session, says how to open it', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const { url, token } = loopback();
  await page.goto(`${url}/display#token=${token}`);
  await expect(page.getByTestId('not-device')).toBeVisible();
});

test('S1: leaving the hall display takes a staff password', async () => {
  await display.getByTestId('device-close').click();
  const dialog = display.getByTestId('close-device');
  await dialog.getByLabel('اسم المستخدم').fill(receptionist.username);
  await dialog.getByLabel('كلمة المرور').fill('not-the-password');
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  await expect(dialog.getByTestId('error-alert')).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة');
  await expect(display.getByTestId('hall-display')).toBeAttached();
  await dialog.getByLabel('كلمة المرور').fill(PASSWORD);
  const closed = display.waitForEvent('close');
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  // A page the desk opened closes itself.
  await closed;
});
