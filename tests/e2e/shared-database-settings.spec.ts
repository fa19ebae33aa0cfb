import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from './support/test';
import { ar } from '../../shared/labels/ar';
import { startTestCluster, type TestCluster } from '../helpers/postgres/cluster';
import { adminQuery } from '../helpers/postgres/databases';
import { screen, signIn } from './support/desk';
import { apiAt, startOwnShell, type OwnShell } from './support/own-shell';

/**
 * Issue 9, the settings screen of one reception PC moving to the hall's PostgreSQL server: the card
 * «قاعدة البيانات المشتركة» on the PC's own SQLite store, «اختبار الاتصال» with a wrong password and
 * then the right one, «حفظ» asking for a restart; the desk started again opens the server (its password
 * from the user-only password file), and there the backup card explains pg_dump / pg_restore instead
 * of the SQLite backup, and the administrator is never warned of an old backup. Its own PostgreSQL
 * server and loopback shell, on a data folder of its own. Screenshots at 1366×768.
 */
test.describe.configure({ mode: 'serial' });

const ROOT = join(__dirname, '../../test-results/e2e-shared-database');
const DATA = join(ROOT, 'data');
const PGPASS = join(ROOT, 'pgpass');
const PORT = Number(process.env.ISTIQBAL_E2E_PORT ?? 30_000) + 7;
const ADMIN_PASSWORD = 'hall-keeper-2025x';
const ROLE = 'istiqbal';
const ROLE_PASSWORD = 'kalimat-sirr-lil-qaa';
const DESK_A = 'مكتب الاستقبال 1 (A)';
const SCREEN = { width: 1366, height: 768 };

let cluster: TestCluster;
let server: URL;
let where: OwnShell;
let page: Page;

/** The desk's shell; PGPASSFILE points it at the PC's user's password file (instead of ~/.pgpass). */
function startShell(): Promise<OwnShell> {
  return startOwnShell({ dataDir: DATA, port: PORT, env: { ...process.env, PGPASSFILE: PGPASS, ISTIQBAL_STORE: '' }, timeoutMs: 30_000 });
}

/** The hall's first run on a new store: its administrator. */
async function setUp(at: OwnShell) {
  const call = await apiAt(at);
  await call('auth.setup', { username: 'admin', fullName: 'سعد عبدالله المطيري', password: ADMIN_PASSWORD, deskId: 1 });
}

/** The operations this page asked the core for (the body of every API call). */
function operationsAsked(p: Page): string[] {
  const asked: string[] = [];
  p.on('request', (request) => {
    if (!request.url().endsWith('/api/call')) return;
    try {
      asked.push(String((JSON.parse(request.postData() ?? '{}') as { operation?: string }).operation));
    } catch {
      // not a call
    }
  });
  return asked;
}

async function openDesk(browser: Browser): Promise<Page> {
  const p = await (await browser.newContext({ viewport: SCREEN })).newPage();
  await p.goto(`${where.url}/#token=${where.token}`);
  return p;
}

async function openSettings(p: Page) {
  await p.getByRole('tab', { name: 'الإعدادات' }).click();
  await expect(p.getByTestId('store-connection-card')).toBeVisible();
  await p.getByTestId('store-connection-card').scrollIntoViewIfNeeded();
}

test.beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  cluster = await startTestCluster();
  // The README's statements: a login role and an empty database it owns.
  await adminQuery(cluster.url, `CREATE ROLE ${ROLE} LOGIN PASSWORD '${ROLE_PASSWORD}'`);
  await adminQuery(cluster.url, `CREATE DATABASE istiqbal OWNER ${ROLE} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  server = new URL(cluster.url);
  where = await startShell();
  await setUp(where);
});

test.afterAll(async () => {
  await where?.stop();
  await cluster?.stop();
});

test('a PC on its own store: the card says so, and «اختبار الاتصال» with a wrong password says it in Arabic beside the password', async ({ browser }) => {
  page = await openDesk(browser);
  await signIn(page, 'admin', ADMIN_PASSWORD, DESK_A);
  await openSettings(page);
  await expect(page.getByTestId('store-current')).toHaveText(ar.storeConnection.currentSqlite);
  // On its own store the SQLite backup card is there, as before.
  await expect(page.getByTestId('backup-card')).toBeVisible();
  await screen(page, '90-shared-database-card');

  await page.getByTestId('store-host').fill(server.hostname);
  await page.getByTestId('store-port').fill(server.port);
  await page.getByTestId('store-database').fill('istiqbal');
  await page.getByTestId('store-username').fill(ROLE);
  await page.getByTestId('store-password').fill('not-the-password');
  await page.getByTestId('store-test').click();
  await expect(page.getByTestId('store-test-result')).toHaveText(ar.storeConnection.wrongPassword);
  await expect(page.getByTestId('store-password')).toHaveAttribute('data-invalid', 'true');
  await page.getByTestId('store-connection-card').scrollIntoViewIfNeeded();
  await screen(page, '91-shared-database-wrong-password');
});

test('the right password: «نجح الاتصال… قاعدة البيانات فارغة»; «حفظ» keeps it for this PC and asks for a restart', async () => {
  await page.getByTestId('store-password').fill(ROLE_PASSWORD);
  await page.getByTestId('store-test').click();
  await expect(page.getByTestId('store-test-result')).toContainText('قاعدة البيانات فارغة');
  await expect(page.getByTestId('store-test-result')).toHaveAttribute('data-usable', 'true');
  await page.getByTestId('store-connection-card').scrollIntoViewIfNeeded();
  await screen(page, '92-shared-database-test-ok');

  await page.getByTestId('store-save').click();
  await expect(page.getByTestId('store-restart')).toHaveText(ar.storeConnection.restartNeeded);
  await expect(page.getByTestId('store-saved')).toContainText(`istiqbal على ${server.hostname}:${server.port}`);
  await expect(page.getByTestId('store-password')).toHaveValue('');
  // The password is in the user-only password file, not in the data folder.
  expect(readFileSync(join(DATA, 'store-connection.json'), 'utf8')).not.toContain(ROLE_PASSWORD);
  expect(statSync(PGPASS).mode & 0o777).toBe(0o600);
  expect(readFileSync(PGPASS, 'utf8')).toContain(ROLE_PASSWORD);
  await page.getByTestId('store-connection-card').scrollIntoViewIfNeeded();
  await screen(page, '93-shared-database-saved');
  await page.context().close();
});

test('started again, the desk runs on the server: pg_dump and pg_restore explained instead of the backup controls, and no backup warning nor status asked', async ({ browser }) => {
  await where.stop();
  where = await startShell();
  // A new database: the hall's first run on it.
  await setUp(where);
  page = await openDesk(browser);
  const asked = operationsAsked(page);
  await signIn(page, 'admin', ADMIN_PASSWORD, DESK_A);
  await openSettings(page);
  await expect(page.getByTestId('store-current')).toContainText(`istiqbal على ${server.hostname}:${server.port}`);
  await expect(page.getByTestId('store-restart')).toHaveCount(0);

  const card = page.getByTestId('server-backup-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('backup-card')).toHaveCount(0);
  await expect(page.getByTestId('pg-dump-command')).toHaveText(new RegExp(`^pg_dump -h ${server.hostname} -p ${server.port} -U ${ROLE} -Fc -f istiqbal-\\d{4}-\\d{2}-\\d{2}\\.dump istiqbal$`));
  await expect(page.getByTestId('pg-restore-command')).toContainText(`pg_restore -h ${server.hostname} -p ${server.port} -U ${ROLE} --no-owner -d istiqbal_restored`);
  await expect(card).toContainText('pg_dump');
  await card.scrollIntoViewIfNeeded();
  await screen(page, '94-server-backup-card');

  // Every tab the administrator has, visited: no warning of an old backup, and the backup status never asked.
  for (const tab of await page.getByRole('tab').all()) await tab.click();
  await expect(page.getByTestId('backup-warning')).toHaveCount(0);
  expect(asked).toContain('store.connection');
  expect(asked).not.toContain('backups.status');
});
