import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../../playwright.config';

const SCREENS = join(__dirname, '../../artifacts/screens');

/** Where the loopback shell under test listens, and its launch token (written by the shell into its data folder). */
export function loopback(): { url: string; token: string } {
  return JSON.parse(readFileSync(join(E2E_DATA_DIR, 'loopback.json'), 'utf8'));
}

/** A desk: its own browser context (own window session), opened on the desk's address with the token. */
export async function openDesk(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { url, token } = loopback();
  await page.goto(`${url}/#token=${token}`);
  return page;
}

export async function signIn(page: Page, username: string, password: string, desk: string) {
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.getByLabel('كلمة المرور').fill(password);
  await page.getByRole('combobox', { name: 'مكتب الاستقبال' }).click();
  await page.getByRole('option', { name: desk }).click();
  await page.getByRole('button', { name: 'دخول' }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'خروج' }).click();
  await expect(page.getByRole('button', { name: 'دخول' })).toBeVisible();
}

/** Saves a screenshot to look at (tests/artifacts/screens, git-ignored). */
export async function screen(page: Page, name: string) {
  // Two frames let a transition that React or Mantine schedules for the next frame begin; the
  // screenshot then runs every finite one to its end (and waits for the fonts) instead of a sleep.
  await page.evaluate(() => {
    const w = globalThis as unknown as { requestAnimationFrame(next: () => void): number };
    return new Promise<void>((done) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => done())));
  });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), animations: 'disabled' });
}

/**
 * Picks the visit's reason with its digit key, as the receptionist does, once the check-in form has
 * taken the focus (a digit pressed before that lands in the search box), and waits until it took.
 */
export async function chooseReason(page: Page, digit: string) {
  await expect(page.locator('form:has([data-testid="chosen-visitor"])')).toBeFocused();
  await page.keyboard.press(digit);
  await expect(page.getByTestId('issue-ticket')).toBeEnabled();
}

/** Closes the ticket dialog with Enter once its button has the focus (Enter pressed earlier goes elsewhere). */
export async function closeTicketWithEnter(page: Page) {
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('ticket-issued') });
  await expect(dialog.getByRole('button', { name: 'تم' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

/** Closes every notice on screen (some stay until closed, some close by themselves meanwhile) and waits until none is left. */
export async function dismissNotices(page: Page) {
  const notices = page.locator('.mantine-Notification-root');
  await expect(async () => {
    for (const close of await notices.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 1_000 });
    await expect(notices).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Calls the core over the loopback API as a script or integrator would (README "HTTP API"). */
export async function apiSession() {
  const { url, token } = loopback();
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const { sessionId } = (await (await fetch(`${url}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async (operation: string, input: unknown) => {
    const res = await fetch(`${url}/api/call`, {
      method: 'POST',
      headers: { ...headers, 'X-Istiqbal-Session': sessionId },
      body: JSON.stringify({ operation, input }),
    });
    const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
    return envelope.value;
  };
}

export function queueRow(page: Page, ticket: string) {
  return page.locator(`[data-testid="queue-row"][data-ticket="${ticket}"]`);
}
