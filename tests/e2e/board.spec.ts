import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, adminApi, apiSession, loopback, screen, signedInApi, signIn } from './support/desk';

/**
 * The supervisor's live board (docs/design.md#around-the-desk-watching-and-reporting): their home screen, read while another desk works the hall
 * (through the API, as a second desk would). Independent of the other specs: its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-10';
const run = Date.now() % 1_000_000;
const supervisor = { username: `brd${run}`, fullName: 'هيفاء سعد القحطاني' };
const receptionist = { username: `brr${run}`, fullName: 'بدر ناصر العنزي' };
const DESK_R = 'مكتب الباحث الاجتماعي (R)';

type Api = Awaited<ReturnType<typeof apiSession>>;
let admin: Api;
/** The receptionist at desk A: the other desk the board watches. */
let desk: Api;
let page: Page;

const value = (testId: string) => page.getByTestId(`${testId}-value`);
const number = async (testId: string) => Number(await value(testId).innerText());

async function visitor(name: string, reason = 'inquiry') {
  return (await desk('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason })) as { id: number; ticket: string };
}

test.beforeAll(async () => {
  admin = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...supervisor, role: 'supervisor' }, { ...receptionist, role: 'receptionist' });
  desk = await signedInApi(receptionist.username, PASSWORD, 1);
});

test('the board is the supervisor’s first tab and home screen, with today in both calendars', async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  // The page's clock can be moved on to see a wait cross its target; the core keeps real time.
  await page.clock.install({ time: new Date() });
  const { url, token } = loopback();
  await page.goto(`${url}/#token=${token}`);
  await signIn(page, supervisor.username, PASSWORD, DESK_R);
  await expect(page.getByTestId('board')).toBeVisible();
  await expect(page.getByRole('tab').first()).toHaveText('المتابعة');
  await expect(page.getByRole('tab', { name: 'المتابعة', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('board-date')).toContainText('هـ');
  await expect(page.getByTestId('board-date')).toContainText('م');
  // The supervisor's own desk is open: signed in a moment ago.
  await expect(page.locator('[data-testid="board-desk"][data-desk="R"]')).toHaveAttribute('data-status', 'open');
});

test('S1: as another desk checks a visitor in, calls and serves, the board follows within two seconds', async () => {
  const waiting = await number('board-waiting');
  const total = await number('board-today');
  const first = await visitor('سالم علي الحربي');
  // The bound: the board shows another desk's check-in within two seconds, by itself.
  await expect(value('board-waiting')).toHaveText(String(waiting + 1), { timeout: 2_000 });
  await expect(value('board-today')).toHaveText(String(total + 1), { timeout: 2_000 });

  await desk('visits.call', { visitId: first.id, alsoWhileServing: true });
  const deskA = page.locator('[data-testid="board-desk"][data-desk="A"]');
  await expect(deskA).toHaveAttribute('data-status', 'serving', { timeout: 2_000 });
  await expect(deskA.getByTestId('board-desk-serving')).toContainText(first.ticket);
  await expect(deskA).toContainText(receptionist.fullName);
  await expect(deskA.getByTestId('board-desk-serving')).toContainText('سالم علي الحربي');
  const served = await number('board-served');
  await desk('visits.finish', { visitId: first.id, outcome: 'answered', inquiry: 'موعد صرف السلال', answer: 'يوم الأحد القادم' });
  await expect(value('board-served')).toHaveText(String(served + 1), { timeout: 2_000 });
});

test('S1: a visitor waiting past the target appears on the board as the minutes pass, with the band', async () => {
  const late = await visitor('ناصر محمد الشهري');
  const row = page.locator(`[data-testid="board-past-target-row"][data-ticket="${late.ticket}"]`);
  await expect(page.getByTestId('board-waiting-value')).not.toHaveText('0');
  await expect(row).toHaveCount(0);
  // An inquiry's target is 15 minutes, critical at 30.
  await page.clock.fastForward('16:00');
  await expect(row).toHaveAttribute('data-wait-band', 'over');
  await page.clock.fastForward('15:00');
  await expect(row).toHaveAttribute('data-wait-band', 'critical');
  await expect(row).toContainText('انتظار حرج');
});

test('a realistic day on the board at 1366×768 and 1920×1080', async () => {
  // The rest of the morning at desk A: some served, one referred, one left, one cancelled, a few waiting.
  const names = ['خالد عمر الزهراني', 'عمر خالد المالكي', 'ماجد فهد السبيعي', 'بندر سعود الحارثي', 'هند عبدالله الرشيد', 'فاطمة علي العنزي', 'سعد ناصر القحطاني'];
  const reasons = ['follow_up', 'complaint', 'receive_aid', 'inquiry', 'new_request', 'missing_documents', 'other'];
  const visits = [];
  for (const [i, name] of names.entries()) visits.push(await visitor(name, reasons[i]));
  await desk('visits.call', { visitId: visits[0]!.id, alsoWhileServing: true });
  await desk('visits.finish', { visitId: visits[0]!.id, outcome: 'other' });
  await desk('visits.call', { visitId: visits[1]!.id, alsoWhileServing: true });
  await desk('visits.refer', { visitId: visits[1]!.id, note: 'شكوى تحتاج دراسة الحالة' });
  await desk('visits.markLeft', { visitId: visits[2]!.id });
  await desk('visits.cancel', { visitId: visits[3]!.id });
  await desk('visits.call', { visitId: visits[4]!.id, alsoWhileServing: true });
  await expect(page.locator('[data-testid="board-desk"][data-desk="A"] [data-testid="board-desk-serving"]')).toContainText(visits[4]!.ticket);
  // Today's bar is drawn (a day without visits draws none).
  await expect(page.getByTestId('board-chart-days').locator('path.recharts-rectangle')).not.toHaveCount(0);
  await screen(page, 'board-1366');
  await page.getByTestId('board-chart-channels').scrollIntoViewIfNeeded();
  await screen(page, 'board-charts-1366');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screen(page, 'board-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('S5: a request awaiting the committee is a link that opens it in the app', async () => {
  const services = (await admin('catalogue.services', {})) as { id: number; code: string }[];
  const family = (await admin('beneficiaries.register', {
    firstName: 'عائشة',
    fatherName: 'مبارك',
    grandfatherName: 'علي',
    familyName: 'القرني',
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_800_000 + (run % 99_999)) },
    mobile: `05${String(4_800_000 + (run % 99_999)).padStart(8, '7')}`.slice(0, 10),
  })) as { id: number };
  let r = (await admin('requests.open', { beneficiaryId: family.id, serviceTypeId: services.find((s) => s.code === 'food_basket')!.id, channel: 'phone' })) as {
    id: number;
    number: string;
    documents: { documentTypeId: number; hasExpiry: boolean; version: number; required: boolean }[];
  };
  for (const d of r.documents.filter((x) => x.required)) {
    await admin('requests.setDocument', { requestId: r.id, documentTypeId: d.documentTypeId, version: d.version, provided: true, ...(d.hasExpiry ? { expiryDate: '2040-01-01' } : {}) });
  }
  await admin('requests.signDeclaration', { requestId: r.id });
  r = (await admin('requests.submit', { requestId: r.id })) as typeof r;
  const awaiting = page.getByTestId('board-awaiting-value');
  await expect(awaiting).not.toHaveText('0', { timeout: 2_000 });
  const link = page.getByTestId('board-request').first();
  const number = await link.getAttribute('data-number');
  await link.click();
  await expect(page.getByTestId('request-number')).toHaveText(number!);
  await page.getByTestId('page-back').click();
  await expect(page.getByTestId('board')).toBeVisible();
});
