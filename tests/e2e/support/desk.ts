import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../../playwright.config';
import type { Role } from '@shared/domain/roles';
import { CLAUSE_CODE } from '../../helpers/clause-codes';

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

/**
 * Saves a screenshot to look at (tests/artifacts/screens, git-ignored), once the fonts are in and
 * nothing moves, and checks what any screen must never show: a page wider than the
 * window, a policy clause code, or a validator's own wording («>=», "string", "Invalid input").
 */
export async function screen(page: Page, name: string) {
  // In the page (strings: this file is type-checked without the DOM's types).
  await page.evaluate('document.fonts.ready.then(() => true)');
  // Polled from here: the desk's CSP forbids the page evaluating a string of its own (waitForFunction).
  await expect
    .poll(() => page.evaluate("document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)"))
    .toBe(true);
  const facts = (await page.evaluate(
    '({ text: document.body.innerText, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth })',
  )) as { text: string; overflow: number };
  expect(facts.overflow, `${name}: the page is wider than the window`).toBeLessThanOrEqual(0);
  expect(facts.text, `${name}: a clause code on screen`).not.toMatch(CLAUSE_CODE);
  expect(facts.text, `${name}: a validator's wording on screen`).not.toMatch(/[<>]=|\b(string|number|undefined|NaN)\b|Invalid input|يفترض/);
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

/** The administrator's password in every spec: whichever spec runs first sets the store up with it. */
export const ADMIN_PASSWORD = 'hall-keeper-1';

/**
 * The API as the administrator: sets the store up on its first use in a run (as the first-run screen
 * does), signs in afterwards. Every spec starts here, whichever runs first.
 */
export async function adminApi(password = ADMIN_PASSWORD) {
  const api = await apiSession();
  const session = (await api('auth.session', {})) as { needsSetup: boolean };
  if (session.needsSetup) {
    await api('auth.setup', { username: 'admin', fullName: 'سعد عبدالله المطيري', password, deskId: 1 });
  } else {
    await api('auth.signIn', { username: 'admin', password, deskId: 1 });
  }
  return api;
}

/** A member of a spec's own staff: a username unique to the run, so no spec depends on another having run. */
export interface StaffMember {
  username: string;
  fullName: string;
  role: Role;
}

/** Adds the spec's own staff through the administrator's API, all with `password`; returns their ids. */
export async function addStaff(password: string, ...staff: StaffMember[]): Promise<number[]> {
  const admin = await adminApi();
  const ids: number[] = [];
  for (const member of staff) ids.push(((await admin('users.create', { ...member, password })) as { id: number }).id);
  return ids;
}

/** The API as one staff member signed in at a desk (by id): the other desk a spec works beside the browser. */
export async function signedInApi(username: string, password: string, deskId: number) {
  const api = await apiSession();
  await api('auth.signIn', { username, password, deskId });
  return api;
}

/** A desk in a fresh context of the browser, signed in at the named desk. */
export async function openSignedIn(browser: Browser, username: string, password: string, desk: string): Promise<Page> {
  const page = await openDesk(browser);
  await signIn(page, username, password, desk);
  return page;
}

export function queueRow(page: Page, ticket: string) {
  return page.locator(`[data-testid="queue-row"][data-ticket="${ticket}"]`);
}
