import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { expect, test, type Browser, type Page } from './support/test';
import { openPostgresStore } from '../../electron/core/store/postgres/open-postgres-store';
import { startTestCluster, type TestCluster } from '../helpers/postgres/cluster';
import { adminQuery, adminRows, withDatabase } from '../helpers/postgres/databases';
import { screen, signIn } from './support/desk';

/**
 * Moving a desk's store to PostgreSQL from the settings screen (docs/architecture.md#the-two-stores): the address of an empty
 * database, a question first (the password not shown), the move's progress, and how it ended — a
 * server that does not answer told in Arabic, a move that worked told with what it checked. A loopback
 * shell of its own on a data folder of its own, and a PostgreSQL server of its own (the embedded one
 * the core tests use). Screenshots at 1366×768.
 */
test.describe.configure({ mode: 'serial' });

const ROOT = join(__dirname, '../../test-results/e2e-store-move');
const DATA = join(ROOT, 'data');
const PORT = Number(process.env.ISTIQBAL_E2E_PORT ?? 30_000) + 2;
const PASSWORD = 'hall-keeper-2025m';
const DESK_A = 'مكتب الاستقبال 1 (A)';

let shell: ChildProcess | null = null;
let cluster: TestCluster | null = null;
let where: { url: string; token: string };
let target: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(ROOT, { recursive: true, force: true });
  cluster = await startTestCluster();
  await adminQuery(cluster.url, 'CREATE DATABASE istiqbal_hall');
  target = withDatabase(cluster.url, 'istiqbal_hall');
  // Scans enough (40 MB) that the move's progress can be watched.
  for (let r = 1; r <= 2; r++) {
    mkdirSync(join(DATA, 'attachments', String(r)), { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(join(DATA, 'attachments', String(r), `${randomBytes(32).toString('hex')}.pdf`), randomBytes(5_000_000));
  }
  shell = spawn(process.execPath, [join(__dirname, '../../out/main/loopback.js'), '--headless', '--port', String(PORT), '--data-dir', DATA, '--no-auto-backup'], { stdio: 'ignore' });
  await expect.poll(() => existsSync(join(DATA, 'loopback.json')), { timeout: 20_000 }).toBe(true);
  where = JSON.parse(readFileSync(join(DATA, 'loopback.json'), 'utf8')) as { url: string; token: string };
  const call = await api(where);
  await call('auth.setup', { username: 'admin', fullName: 'سعد عبدالله المطيري', password: PASSWORD, deskId: 1 });
  for (const name of ['سالم علي الحربي', 'نورة محمد القحطاني']) await call('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason: 'inquiry' });
});

test.afterAll(async () => {
  const child = shell;
  shell = null;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await cluster?.stop();
});

async function api(at: { url: string; token: string }) {
  const headers = { Authorization: `Bearer ${at.token}`, 'Content-Type': 'application/json' };
  const { sessionId } = (await (await fetch(`${at.url}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async (operation: string, input: unknown) => {
    const res = await fetch(`${at.url}/api/call`, { method: 'POST', headers: { ...headers, 'X-Istiqbal-Session': sessionId }, body: JSON.stringify({ operation, input }) });
    const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
    return envelope.value;
  };
}

async function settings(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${where.url}/#token=${where.token}`);
  await signIn(page, 'admin', PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'الإعدادات' }).click();
  await expect(page.getByTestId('store-move-card')).toBeVisible();
  await page.getByTestId('store-move-card').scrollIntoViewIfNeeded();
  return page;
}

async function startMove(page: Page, url: string) {
  await page.getByTestId('store-move-url').fill(url);
  await page.getByTestId('store-move-start').click();
  await expect(page.getByTestId('confirm-message')).toContainText('سيُنقل المخزن كله إلى قاعدة البيانات هذه');
}

test('Moving the store: a bad address and a server that does not answer are told in Arabic, nothing moved, and the card stops asking', async ({ browser }) => {
  const page = await settings(browser);
  const card = page.getByTestId('store-move-card');
  await expect(card).toContainText('ينقل بيانات هذا المكتب كلها');
  await screen(page, 'store-move-01-card');

  await startMove(page, 'http://192.168.1.10/istiqbal');
  await page.getByTestId('confirm-anyway').click();
  await expect(card.getByText('اكتب عنوان قاعدة البيانات كاملاً كما في المثال').first()).toBeVisible();

  // Port 1 on this machine: nothing listens there.
  await startMove(page, 'postgres://istiqbal:secret-word@127.0.0.1:1/istiqbal');
  await page.getByTestId('confirm-anyway').click();
  const result = page.getByTestId('store-move-result');
  await expect(result).toContainText('تعذّر الاتصال بقاعدة البيانات: الخادم لا يجيب على هذا العنوان والمنفذ.', { timeout: 30_000 });
  await expect(result).not.toContainText('secret-word');
  await screen(page, 'store-move-02-no-server');

  // Told how it ended, the card stops asking how the move goes: over the next three of the desk's own
  // revision checks (one a second) the status is asked at most once more (the move's end, written in
  // this store's trail, makes every screen read again), not every 400 ms.
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/call')) asked.push(String((request.postDataJSON() as { operation?: unknown }).operation));
  });
  await expect.poll(() => asked.filter((op) => op === 'settings.revision').length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  expect(asked.filter((op) => op === 'store.migrationStatus').length).toBeLessThanOrEqual(1);
});

test('Moving the store: asked first, its progress shown, then checked and told; the database holds the desk\'s data', async ({ browser }) => {
  // A desk opened this database once and nobody used it: it has this program's tables and no rows, so it may take the store.
  await (await openPostgresStore({ url: target })).close();
  // The move of 40 MB takes about a second, less than the screen's polling and Playwright's checks may
  // miss. So another connection holds the fifth file's content, inserted and not committed: the move's
  // copy of it waits for that transaction, and the card is seen counting, four files of eight done.
  const fifth = readdirSync(join(DATA, 'attachments', '2')).sort()[0]!;
  const held = new pg.Client({ connectionString: target });
  await held.connect();
  try {
    await held.query('BEGIN');
    await held.query('INSERT INTO file_contents (sha256, size, content) VALUES ($1, 0, $2)', [sha256(join(DATA, 'attachments', '2', fifth)), Buffer.alloc(0)]);

    const page = await settings(browser);
    await startMove(page, target);
    const password = new URL(target).password;
    await expect(page.getByTestId('store-move-target')).toContainText('postgres://postgres:****@127.0.0.1:');
    await expect(page.getByTestId('store-move-target')).not.toContainText(password);
    // Nor in the field behind the confirmation, which stays on screen through the move.
    await expect(page.getByTestId('store-move-url')).toHaveValue(/^postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:/);
    await screen(page, 'store-move-03-confirm');
    await page.getByTestId('confirm-anyway').click();

    const progress = page.getByTestId('store-move-progress');
    // Counted as it goes: the files done of all, while the move waits on the server for the fifth.
    await expect(progress).toContainText('نقل الملفات — الملفات: 4 من 8', { timeout: 30_000 });
    expect(await adminRows(target, "SELECT wait_event_type FROM pg_stat_activity WHERE application_name = 'istiqbal-store-move' AND state = 'active'")).toEqual(['Lock']);
    await page.screenshot({ path: join(__dirname, '../artifacts/screens/store-move-04-progress.png') });
    await held.query('ROLLBACK');
    await expect(progress).toHaveCount(0, { timeout: 90_000 });

    const result = page.getByTestId('store-move-result');
    await expect(result).toContainText('نُقل المخزن إلى PostgreSQL وتحقّق البرنامج من أن كل ما فيه مطابق للأصل');
    await expect(result).toContainText('الملفات: 8');
    await expect(result).not.toContainText(password);
    await screen(page, 'store-move-05-done');

    expect(await adminRows(target, 'SELECT visitor_name FROM visits ORDER BY id')).toEqual(['سالم علي الحربي', 'نورة محمد القحطاني']);
    expect(await adminRows(target, 'SELECT count(*) FROM stored_files')).toEqual(['8']);
  } finally {
    await held.end();
  }
});

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
