import { join } from 'node:path';
import { expect, test } from './support/test';
import BetterSqlite3 from 'better-sqlite3';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { E2E_DATA_DIR } from '../../playwright.config';
import { addStaff, adminApi, chooseReason, openSignedIn, screen } from './support/desk';

/**
 * Long work never freezes the desks (docs/architecture.md#long-work-the-job-worker), as the receptionist meets it: another process holds
 * the store's write lock (another desk's shell in the middle of a change, a maintenance tool) longer
 * than a change waits. The check-in says so in Arabic, keeps what was chosen, and the same press
 * issues the ticket once the lock is free. Independent of the other specs: its own user and visitor.
 */
const PASSWORD = 'staff-pass-8';
const run = Date.now() % 1_000_000;
const receptionist = { username: `busy${run}`, fullName: 'أمل فهد السبيعي' };
const visitor = { firstName: 'مشاعل', fatherName: 'راشد', grandfatherName: 'حمود', familyName: 'البقمي' };
const idNumber = nationalIdFor(4_700_000 + (run % 99_999));

test('a check-in that cannot get the write lock says «النظام مشغول، حاول بعد لحظات.», keeps the visitor and reason, and goes through when pressed again', async ({ browser }) => {
  const api = await adminApi();
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' });
  await api('beneficiaries.register', { ...visitor, identity: { idType: 'national_id', idNumber }, mobile: `05${String(run).padStart(8, '6')}` });

  const desk = await openSignedIn(browser, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  await desk.getByTestId('search-input').fill(idNumber);
  await expect(desk.getByTestId('search-result').first()).toContainText('مشاعل راشد حمود البقمي');
  await desk.getByTestId('search-input').press('Enter');
  await chooseReason(desk, '3'); // reason 3: follow-up of a request

  // Another process on the same store file takes the write lock and keeps it.
  const other = new BetterSqlite3(join(E2E_DATA_DIR, 'istiqbal.sqlite3'));
  try {
    other.exec('BEGIN IMMEDIATE');
    await desk.getByTestId('issue-ticket').click();
    // The core waits for the lock (5 s), then refuses: a bound on the wait, not a timing target.
    await expect(desk.getByTestId('error-alert')).toHaveText('النظام مشغول، حاول بعد لحظات.', { timeout: 30_000 });
    await expect(desk.getByTestId('chosen-visitor')).toContainText('مشاعل راشد حمود البقمي');
    await expect(desk.getByTestId('reason-chips').getByLabel(/متابعة طلب/)).toBeChecked();
    await expect(desk.getByTestId('issue-ticket')).toBeEnabled();
    await screen(desk, '80-check-in-busy');
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  }

  await desk.getByTestId('issue-ticket').click();
  await expect(desk.getByTestId('ticket-number')).toHaveText(/^A-\d{3}$/);
  await expect(desk.getByTestId('error-alert')).toHaveCount(0);
});
