import { expect, test, type Page } from './support/test';
import { addStaff, ADMIN_PASSWORD, adminApi, apiSession, loopback, screen, signedInApi, signIn } from './support/desk';

/**
 * The hall display (S1) and the device screens it shares with the kiosk: opened from a
 * desk's menu as a page of its own (/display), living on when the desk locks or signs out, showing and
 * announcing the calls of every desk, closed only with a staff password. Its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-11';
const run = Date.now() % 1_000_000;
const receptionist = { username: `hdr${run}`, fullName: 'ريم خالد الشهري' };
const other = { username: `hdo${run}`, fullName: 'ماجد فهد السبيعي' };
const DESK_A = 'مكتب الاستقبال 1 (A)';

type Api = Awaited<ReturnType<typeof apiSession>>;
let admin: Api;
let desk: Page;
let display: Page;

/**
 * How many times the display started its chime (the real element's play(), counted): its `playing` event
 * also fires again after a stall on a busy machine, which counted one call twice.
 */
const chimePlays = () => display.evaluate('window.chimePlays') as Promise<number>;

test.beforeAll(async () => {
  admin = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...other, role: 'receptionist' });
  await admin('settings.update', { displayMessage: 'مواعيد الاستقبال من الثامنة صباحاً حتى الثانية ظهراً' });
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
  await expect(display.getByTestId('display-date')).toBeVisible();
  expect(new URL(display.url()).pathname).toBe('/display');
  // Neither the token nor the device session stays in the address bar.
  expect(display.url()).not.toContain('#');
  await desk.getByRole('button', { name: 'خروج' }).click();
  await expect(desk.getByRole('button', { name: 'دخول' })).toBeVisible();
  await display.reload();
  await expect(display.getByTestId('display-date')).toBeVisible();
  await expect(display.getByTestId('display-message')).toHaveText('مواعيد الاستقبال من الثامنة صباحاً حتى الثانية ظهراً');
});

test('S1: a call at another desk is on the display within a second, and its chime is played', async () => {
  await display.evaluate(
    "(() => { window.chimePlays = 0; const a = document.querySelector('[data-testid=hall-chime]'); const play = a.play.bind(a); a.play = () => { window.chimePlays += 1; return play(); }; })()",
  );
  const deskB = await signedInApi(other.username, PASSWORD, 2);
  const visit = (await deskB('visits.checkIn', { visitorName: 'سالم علي الحربي', visitorMobile: '0551234567', reason: 'inquiry' })) as { id: number; ticket: string };
  const { waiting } = (await admin('display.calls', {})) as { waiting: number };
  await expect(display.getByTestId('display-waiting')).toHaveText(String(waiting));
  // This visitor by name, not the hall's next: other specs may have left someone waiting longer.
  await deskB('visits.call', { visitId: visit.id });
  // The bound, counted from the moment the call was answered at the desk.
  await expect(display.locator(`[data-testid="current-call"][data-ticket="${visit.ticket}"]`)).toContainText('مكتب الاستقبال 2', { timeout: 1_000 });
  await expect(display.locator('[data-testid="recent-call"]').first()).toHaveAttribute('data-ticket', visit.ticket);
  await expect(display.getByTestId('display-waiting')).toHaveText(String(waiting - 1));
  // The chime's element was started, and played its sound.
  await expect.poll(chimePlays).toBe(1);
  await expect
    .poll(() => display.evaluate("(() => { const a = document.querySelector('[data-testid=hall-chime]'); return a.played.length > 0 && (!a.paused || a.ended); })()"))
    .toBe(true);
  // Never a visitor's name on the hall's screen.
  await expect(display.getByTestId('hall-display')).not.toContainText('سالم');
});

test('S1: «إعادة النداء» at the desk announces the same ticket again on the display', async () => {
  await signIn(desk, receptionist.username, PASSWORD, DESK_A);
  const deskA = await signedInApi(receptionist.username, PASSWORD, 1);
  await deskA('visits.checkIn', { visitorName: 'حمد ناصر الشمري', visitorMobile: '0559876543', reason: 'inquiry' });
  const called = (await deskA('visits.callNext', { alsoWhileServing: true })) as { ticket: string };
  await expect(display.locator('[data-testid="recent-call"]').first()).toHaveAttribute('data-ticket', called.ticket, { timeout: 1_000 });
  await expect.poll(chimePlays).toBe(2);
  await expect(desk.getByTestId('visit-recall')).toBeVisible();
  await screen(desk, 'desk-recall');
  await desk.getByTestId('visit-recall').click();
  await expect(desk.getByText(`أُعيد النداء على الرقم ${called.ticket}.`)).toBeVisible();
  const rows = display.locator('[data-testid="recent-call"]');
  await expect(rows.first()).toContainText('إعادة نداء', { timeout: 1_000 });
  await expect(rows.first()).toHaveAttribute('data-ticket', called.ticket);
  await expect(rows.nth(1)).toHaveAttribute('data-ticket', called.ticket);
  await expect.poll(chimePlays).toBe(3);
});

test('S1: the hall display at 1920×1080, read from across the room', async () => {
  await display.setViewportSize({ width: 1920, height: 1080 });
  await screen(display, 'hall-display-1920x1080');
  // A television of 1366×768 keeps the same layout, smaller.
  await display.setViewportSize({ width: 1366, height: 768 });
  await screen(display, 'hall-display-1366x768');
  await display.setViewportSize({ width: 1920, height: 1080 });
});

test('S1: the /display page opened by hand, with no device session, says how to open it', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const { url, token } = loopback();
  await page.goto(`${url}/display#token=${token}`);
  await expect(page.getByTestId('not-device')).toBeVisible();
});

test('S1: the administrator\'s self-test plays the chime and a sample call', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const { url, token } = loopback();
  await page.goto(`${url}/#token=${token}`);
  await signIn(page, 'admin', ADMIN_PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'الإعدادات' }).click();
  const card = page.getByTestId('hall-display-card');
  await expect(card.getByLabel('سطر شاشة القاعة')).toHaveValue('مواعيد الاستقبال من الثامنة صباحاً حتى الثانية ظهراً');
  await card.getByTestId('display-self-test').click();
  // Chromium under test has no Arabic voice: the chime alone, said plainly, no error.
  await expect(card.getByTestId('self-test-result')).toHaveText('سُمعت النغمة وحدها: لا يوجد صوت عربي مثبت في هذا الجهاز. تثبيت اللغة العربية في إعدادات الكلام في ويندوز يضيف صوتاً عربياً.');
  expect(await page.evaluate("document.querySelector('[data-testid=self-test-chime]').played.length")).toBeGreaterThan(0);
  await card.scrollIntoViewIfNeeded();
  await screen(page, 'settings-hall-display');
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
