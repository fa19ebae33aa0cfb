import { expect, test, type Browser, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { ar } from '../../shared/labels/ar';
import { startTestCluster, type TestCluster } from '../helpers/postgres/cluster';
import { chooseReason, closeTicketWithEnter, queueRow, screen, signIn } from './support/desk';
import { apiAt, newHallDatabase, openDeskAt, staffTheHall, startDeskShell, type DeskShell } from './support/postgres-desks';

/**
 * Issue 9: two desks, each its own loopback shell, on one PostgreSQL database. What one desk does the
 * other sees pushed from the server (LISTEN/NOTIFY), not polled; when the server goes away both desks
 * say so, keep what was typed, and carry on by themselves once it is back.
 */
const PASSWORD = 'hall-keeper-1';
const DESK_A = 'مكتب الاستقبال 1 (A)';
const DESK_B = 'مكتب الاستقبال 2 (B)';

const shells: DeskShell[] = [];
test.afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.stop();
});

/** Two desks on `storeUrl`, each signed in by its own receptionist, at the queue. */
async function twoDesks(browser: Browser, storeUrl: string): Promise<[Page, Page, DeskShell]> {
  const shellA = await startDeskShell(storeUrl, 1);
  shells.push(shellA);
  const shellB = await startDeskShell(storeUrl, 2);
  shells.push(shellB);
  const [first, second] = await staffTheHall(shellA, PASSWORD, 2);
  const deskA = await openDeskAt(browser, shellA);
  await signIn(deskA, first!, PASSWORD, DESK_A);
  const deskB = await openDeskAt(browser, shellB);
  await signIn(deskB, second!, PASSWORD, DESK_B);
  return [deskA, deskB, shellA];
}

test("issue 9: a check-in at desk A appears in desk B's queue, and its referral in desk B's referrals list, each within two seconds, pushed by the server", async ({ browser }) => {
  test.setTimeout(90_000);
  const [deskA, deskB] = await twoDesks(browser, await newHallDatabase());
  await expect(deskB.getByTestId('search-input')).toBeVisible();

  const search = deskA.getByTestId('search-input');
  await search.fill('سالم علي');
  await search.press('Enter');
  await deskA.getByTestId('reg-grandfatherName').fill('حمد');
  await deskA.getByTestId('reg-familyName').fill('الحربي');
  await deskA.getByTestId('reg-idNumber').fill(nationalIdFor(4_300_001));
  await deskA.getByTestId('reg-mobile').fill('0501234567');
  await deskA.getByTestId('reg-submit').click();
  await deskA.getByTestId('chosen-visitor').click();
  await chooseReason(deskA, '1');
  await deskA.keyboard.press('Enter');
  await expect(deskA.getByTestId('ticket-number')).toHaveText('A-001');
  // Desk B was not touched, and does not poll on PostgreSQL: the server's push brings it.
  await expect(queueRow(deskB, 'A-001')).toHaveAttribute('data-state', 'waiting', { timeout: 2_000 });
  await expect(queueRow(deskB, 'A-001')).toContainText('سالم علي حمد الحربي');

  // The referrals list too: desk B watches it while desk A calls the visitor and refers them.
  await closeTicketWithEnter(deskA);
  await deskB.getByRole('tab', { name: 'الإحالات' }).click();
  await expect(deskB.getByText(ar.ui.noReferrals)).toBeVisible();
  await deskA.getByTestId('call-next').click();
  await expect(deskA.getByTestId('current-visit')).toContainText('A-001');
  await deskA.getByTestId('current-visit').getByRole('button', { name: 'إحالة للباحث' }).click();
  await deskA.getByLabel('سبب الإحالة').fill('يحتاج شرحاً لإجراءات دراسة الحالة');
  await deskA.getByTestId('confirm-refer').click();
  await expect(queueRow(deskA, 'A-001')).toHaveAttribute('data-state', 'referred');
  await expect(deskB.locator('[data-testid="referral-row"][data-ticket="A-001"]')).toBeVisible({ timeout: 2_000 });
});

test.describe('the server restarted in the middle of the work', () => {
  let cluster: TestCluster | null = null;
  test.afterEach(async () => {
    await cluster?.stop();
    cluster = null;
  });

  test('issue 9: both desks show the banner within two seconds, a half-typed check-in keeps its text and is refused in Arabic, and both carry on by themselves once the server is back', async ({ browser }) => {
    test.setTimeout(120_000);
    // A server of its own, which this test stops and starts again (the run's server may be one the environment names).
    cluster = await startTestCluster();
    const [deskA, deskB, shellA] = await twoDesks(browser, await newHallDatabase(cluster.url));
    const api = await apiAt(shellA);
    await api('auth.signIn', { username: 'admin', password: PASSWORD, deskId: 1 });
    const before = await api<{ ticket: string }>('visits.checkIn', { visitorName: 'منى ناصر الحربي', visitorMobile: '0559876543', reason: 'inquiry' });
    await expect(queueRow(deskB, before.ticket)).toBeVisible();

    // Desk A is halfway through registering a new visitor when the server goes.
    const search = deskA.getByTestId('search-input');
    await search.fill('خالد ناصر');
    await search.press('Enter');
    await deskA.getByTestId('reg-grandfatherName').fill('سعد');
    await deskA.getByTestId('reg-familyName').fill('الدوسري');
    await deskA.getByTestId('reg-idNumber').fill(nationalIdFor(4_300_002));
    await deskA.getByTestId('reg-mobile').fill('0501112233');

    await cluster.halt();
    for (const desk of [deskA, deskB]) {
      await expect(desk.getByTestId('server-gone')).toBeVisible({ timeout: 2_000 });
      await expect(desk.getByTestId('server-gone')).toContainText('انقطع الاتصال بالخادم');
    }
    await screen(deskA, 'server-gone-banner');

    // Saving now is refused in Arabic, and everything typed stays; nobody is signed out.
    await deskA.getByTestId('reg-submit').click();
    await expect(deskA.getByText('انقطع الاتصال بخادم قاعدة البيانات فلم يكتمل الإجراء.', { exact: false })).toBeVisible();
    await screen(deskA, 'server-gone-refused');
    await expect(deskA.getByTestId('reg-firstName')).toHaveValue('خالد');
    await expect(deskA.getByTestId('reg-fatherName')).toHaveValue('ناصر');
    await expect(deskA.getByTestId('reg-familyName')).toHaveValue('الدوسري');
    await expect(deskA.getByTestId('reg-idNumber')).toHaveValue(nationalIdFor(4_300_002));
    await expect(deskB.getByTestId('signed-in-user')).toBeVisible();

    await cluster.resume();
    // Back by themselves: the banner goes on both desks, with no click anywhere.
    for (const desk of [deskA, deskB]) await expect(desk.getByTestId('server-gone')).toBeHidden({ timeout: 15_000 });
    await expect(deskA.getByTestId('reg-idNumber')).toHaveValue(nationalIdFor(4_300_002));

    // The same registration, sent again, goes through; its ticket reaches desk B by the server's push.
    await deskA.getByTestId('reg-submit').click();
    await expect(deskA.getByTestId('chosen-visitor')).toContainText('خالد ناصر سعد الدوسري');
    await deskA.getByTestId('chosen-visitor').click();
    await chooseReason(deskA, '1');
    await deskA.keyboard.press('Enter');
    await expect(deskA.getByTestId('ticket-number')).toHaveText('A-002');
    await expect(queueRow(deskB, 'A-002')).toHaveAttribute('data-state', 'waiting', { timeout: 2_000 });
    await expect(queueRow(deskB, before.ticket)).toBeVisible();
  });
});
