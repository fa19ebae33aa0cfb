import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Browser, type Page } from './support/test';
import { listTar } from '../../electron/core/backup/tar';
import { screen, signIn } from './support/desk';
import { apiAt, startOwnShell, type OwnShell } from './support/own-shell';

/**
 * Backups from the settings screen (issue 8): the folder, the last backup's time and result, «نسخ
 * احتياطي الآن» with its progress, the list of backups, a restore after a confirmation (the desk then
 * signs in again), a tampered backup refused in Arabic, and the administrator's warning when the last
 * good backup is older than two days. A loopback shell of its own, on a data folder of its own (a
 * restore replaces the data: the other specs' store is never touched). Screenshots at 1366×768.
 */
test.describe.configure({ mode: 'serial' });

const ROOT = join(__dirname, '../../test-results/e2e-backups');
const DATA = join(ROOT, 'data');
const USB = join(ROOT, 'usb');
const PORT = Number(process.env.ISTIQBAL_E2E_PORT ?? 30_000) + 1;
const PASSWORD = 'hall-keeper-2025x';
const DESK_A = 'مكتب الاستقبال 1 (A)';
const SCREEN = { width: 1366, height: 768 };

async function openDesk(browser: Browser, where: { url: string; token: string }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: SCREEN })).newPage();
  await page.goto(`${where.url}/#token=${where.token}`);
  return page;
}

async function openSettings(page: Page) {
  await page.getByRole('tab', { name: 'الإعدادات' }).click();
  await expect(page.getByTestId('backup-card')).toBeVisible();
  await page.getByTestId('backup-card').scrollIntoViewIfNeeded();
}

let where: OwnShell;

test.beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  // Scans enough (120 MB) that a backup takes long enough to be watched.
  for (let r = 1; r <= 6; r++) {
    mkdirSync(join(DATA, 'attachments', String(r)), { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(join(DATA, 'attachments', String(r), `${randomBytes(32).toString('hex')}.pdf`), randomBytes(5_000_000));
  }
  where = await startOwnShell({ dataDir: DATA, port: PORT });
  const call = await apiAt(where);
  await call('auth.setup', { username: 'admin', fullName: 'سعد عبدالله المطيري', password: PASSWORD, deskId: 1 });
  for (const name of ['سالم علي الحربي', 'نورة محمد القحطاني']) await call('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason: 'inquiry' });
});

test.afterAll(async () => {
  await where?.stop();
});

test('Backups: the folder, «نسخ احتياطي الآن» with its progress, the last result and the list', async ({ browser }) => {
  const page = await openDesk(browser, where);
  await signIn(page, 'admin', PASSWORD, DESK_A);
  await openSettings(page);
  const card = page.getByTestId('backup-card');
  await expect(card.getByText('لم تُؤخذ أي نسخة احتياطية بعد.')).toBeVisible();
  await expect(card.getByText('لا توجد نسخ احتياطية في هذا المجلد.')).toBeVisible();

  await page.getByTestId('backup-folder').fill('usb/backups');
  await page.getByTestId('backup-folder-save').click();
  await expect(card.getByText('اكتب المسار كاملاً من بدايته.')).toBeVisible();
  await page.getByTestId('backup-folder').fill(USB);
  await page.getByTestId('backup-folder-save').click();
  await expect(page.getByText('حُفظ مجلد النسخ الاحتياطية.')).toBeVisible();
  await screen(page, 'backups-01-settings-before');

  await page.getByTestId('backup-now').click();
  const progress = page.getByTestId('backup-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/نسخ قاعدة البيانات|جمع المرفقات والملفات|التحقق من النسخة/);
  await page.screenshot({ path: join(__dirname, '../artifacts/screens/backups-02-progress.png') });
  await expect(progress).toHaveCount(0, { timeout: 60_000 });

  await expect(page.getByTestId('backup-last')).toContainText('تمت بنجاح');
  await expect(page.getByTestId('backup-last')).toContainText('يدوية');
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('0 مستفيد، 2 زيارة، 0 طلب، 24 ملف');
  await screen(page, 'backups-03-done-and-listed');
});

test('Backups: restoring a backup asks first, then the desk signs in again on the restored data', async ({ browser }) => {
  const call = await apiAt(where);
  await call('auth.signIn', { username: 'admin', password: PASSWORD, deskId: 1 });
  await call('visits.checkIn', { visitorName: 'زائر بعد النسخة الاحتياطية', visitorMobile: '0551234567', reason: 'inquiry' });

  const page = await openDesk(browser, where);
  await signIn(page, 'admin', PASSWORD, DESK_A);
  await expect(page.getByText('زائر بعد النسخة الاحتياطية').first()).toBeVisible();
  await openSettings(page);
  await page.getByTestId('backup-row').getByTestId('backup-restore').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await expect(page.getByTestId('confirm-message')).toContainText('ستحل بيانات هذه النسخة محل البيانات الحالية كلها');
  await expect(page.getByTestId('restore-file-name')).toContainText(join(USB, 'istiqbal-backup-'));
  await screen(page, 'backups-04-restore-confirm');
  await page.getByTestId('confirm-anyway').click();

  // The restore swaps the data and every window signs in again.
  await expect(page.getByRole('button', { name: 'دخول' })).toBeVisible({ timeout: 60_000 });
  await signIn(page, 'admin', PASSWORD, DESK_A);
  await expect(page.getByText('سالم علي الحربي').first()).toBeVisible();
  await expect(page.getByText('زائر بعد النسخة الاحتياطية')).toHaveCount(0);
  await openSettings(page);
  await expect(page.getByTestId('restore-result')).toContainText('استُعيدت النسخة');
  await screen(page, 'backups-05-restored');
});

test('Backups: a backup with one byte changed in a scan is refused in Arabic, the data untouched', async ({ browser }) => {
  const call = await apiAt(where);
  await call('auth.signIn', { username: 'admin', password: PASSWORD, deskId: 1 });
  const [backup] = (await call('backups.list', {})) as { path: string }[];
  const tampered = join(ROOT, 'tampered.tar');
  copyFileSync(backup!.path, tampered);
  const scan = (await listTar(tampered)).find((e) => e.path.startsWith('attachments/'))!;
  const fd = openSync(tampered, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, scan.offset + 1000);
  b[0] = b[0]! ^ 0xff;
  writeSync(fd, b, 0, 1, scan.offset + 1000);
  closeSync(fd);

  const page = await openDesk(browser, where);
  await signIn(page, 'admin', PASSWORD, DESK_A);
  await openSettings(page);
  await page.getByTestId('restore-file').fill(tampered);
  await page.getByTestId('restore-file-start').click();
  await page.getByTestId('confirm-anyway').click();
  await expect(page.getByTestId('restore-result')).toContainText(`النسخة الاحتياطية تالفة: الملف «\u2066${scan.path}\u2069»`, { timeout: 60_000 });
  await expect(page.getByTestId('restore-result')).toContainText('لم يتغير شيء في البيانات الحالية.');
  await expect(page.getByTestId('signed-in-user')).toBeVisible(); // nobody was signed out
  await screen(page, 'backups-06-tampered-refused');
});

test("Backups: the administrator's screen warns when the last good backup is older than two days", async ({ browser }) => {
  // Three days pass without a backup: the runs recorded in the store are moved back in time.
  const db = new BetterSqlite3(join(DATA, 'istiqbal.sqlite3'));
  db.pragma('busy_timeout = 5000');
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
  db.prepare('UPDATE backup_runs SET started_at = ?, finished_at = ?, heartbeat_at = ?').run(threeDaysAgo, threeDaysAgo, threeDaysAgo);
  db.close();

  const page = await openDesk(browser, where);
  await signIn(page, 'admin', PASSWORD, DESK_A);
  const warning = page.getByTestId('backup-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('آخر نسخة احتياطية سليمة أُخذت قبل أكثر من يومين');
  await screen(page, 'backups-07-admin-warning');
  await warning.getByRole('button', { name: 'فتح الإعدادات' }).click();
  await expect(page.getByTestId('backup-card')).toBeVisible();

  // A backup now, and the warning is gone.
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-progress')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('backup-last')).toContainText('تمت بنجاح');
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect(page.getByTestId('backup-warning')).toHaveCount(0);
});
