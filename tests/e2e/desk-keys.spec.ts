import { expect, test, type Locator, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { ADMIN_PASSWORD, adminApi, apiSession, dismissNotices, openDesk, queueRow, screen, signIn } from './support/desk';

/**
 * The desk as a new user finds it: the queue and check-in by keyboard and mouse at 1366×768.
 * One press of F4 (or a double click) calls one visitor; calling while serving asks first; the finish
 * dialog starts on its first field and Enter finishes; F8 / F9 act on the current visit; Ctrl+L locks
 * from the search box; the search shows today's ticket and a second ticket asks first; the focus comes
 * back to the search box after the ticket dialog. Independent of the other specs: its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-7';
const run = Date.now() % 1_000_000;
const receptionist = { username: `key${run}`, fullName: 'لمى خالد الزهراني' };
const DESK_B = 'مكتب الاستقبال 2 (B)';
const returning = { firstName: 'بدرية', fatherName: 'سلمان', grandfatherName: 'عايض', familyName: 'العنزي' };

type Api = Awaited<ReturnType<typeof apiSession>>;
type Visit = { id: number; ticket: string; name: string; state: string; servedBy: { id: number } | null };
let api: Api;
let desk: Page;
let me: number;
/** Walk-in visitors checked in through the API, oldest first, so F4 calls them in this order. */
const visitors: Visit[] = [];
const callNextRequests: string[] = [];

const search = () => desk.getByTestId('search-input');
const cards = () => desk.getByTestId('current-visit');

/**
 * Whether an element's content is wider than the element (clipped by overflow: hidden or ellipsis).
 * scrollWidth rounds a fractional width up and clientWidth rounds it down, so a label that fits exactly
 * may read one pixel over; a clipped letter is several.
 */
async function expectWhole(locator: Locator) {
  const { scroll, client } = await locator.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll, (await locator.textContent()) ?? '').toBeLessThanOrEqual(client + 1);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The hall's header buttons («استدعاء التالي», «شكوى أو اقتراح») show their whole label, inside the
 * window, over none of the current visit's cards, however many visitors the desk serves.
 */
async function expectHeaderButtonsWhole(cardCount: number) {
  await expect(cards()).toHaveCount(cardCount);
  const viewport = desk.viewportSize()!;
  const cardBoxes = (await Promise.all((await cards().all()).map((c) => c.boundingBox()))) as Box[];
  for (const id of ['call-next', 'new-complaint']) {
    const button = desk.getByTestId(id);
    await expect(button).toBeVisible();
    await expectWhole(button);
    await expectWhole(button.locator('.mantine-Button-label'));
    const b = (await button.boundingBox())!;
    expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height, `${id} lies outside the window`).toBe(true);
    for (const c of cardBoxes) expect(overlaps(b, c), `${id} overlaps a current visit's card`).toBe(false);
  }
}

async function mineServing(): Promise<Visit[]> {
  const queue = (await api('visits.queue', {})) as { visits: Visit[] };
  return queue.visits.filter((v) => v.state === 'serving' && v.servedBy?.id === me);
}

test.beforeAll(async () => {
  api = await adminApi(ADMIN_PASSWORD);
  me = ((await api('users.create', { ...receptionist, role: 'receptionist', password: PASSWORD })) as { id: number }).id;
  await api('beneficiaries.register', {
    ...returning,
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_600_000 + (run % 99_999)) },
    mobile: `05${String(run).padStart(8, '4')}`,
  });
  // F4 calls the hall's longest waiting: visitors other specs left waiting would come first, so the hall is cleared.
  const hall = (await api('visits.queue', {})) as { visits: Visit[] };
  for (const v of hall.visits.filter((v) => v.state === 'waiting')) await api('visits.cancel', { visitId: v.id });
  for (const [name, reason] of [
    ['حمد سالم المري', 'follow_up'],
    ['نوف علي القرني', 'receive_aid'],
    ['عادل فهد السهلي', 'missing_documents'],
    ['هند سعيد الشمري', 'complaint'],
  ] as const) {
    visitors.push((await api('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason })) as Visit);
  }
});

test('S1: two presses of F4 at once, from the search box, call one visitor', async ({ browser }) => {
  desk = await openDesk(browser);
  await desk.setViewportSize({ width: 1366, height: 768 });
  desk.on('request', (r) => {
    if (r.url().endsWith('/api/call') && r.postData()?.includes('"visits.callNext"')) callNextRequests.push(r.postData()!);
  });
  await signIn(desk, receptionist.username, PASSWORD, DESK_B);
  await expect(search()).toBeFocused();

  // Both key presses arrive in one task: the second finds the first still on its way.
  await search().evaluate((box) => {
    const page = box.ownerDocument.defaultView as unknown as { KeyboardEvent: new (type: string, init: object) => Event };
    for (let i = 0; i < 2; i++) box.dispatchEvent(new page.KeyboardEvent('keydown', { key: 'F4', code: 'F4', bubbles: true, cancelable: true }));
  });
  await expect(cards()).toHaveCount(1);
  await expect(cards()).toContainText(visitors[0]!.ticket);
  expect(callNextRequests).toHaveLength(1);
  expect((await mineServing()).map((v) => v.id)).toEqual([visitors[0]!.id]);
  await expect(desk.getByTestId('confirm-dialog')).toHaveCount(0);

  // The toast that says who was called does not cover the buttons of the visit it announces.
  const card = cards();
  const toast = desk.locator('.mantine-Notification-root').filter({ hasText: visitors[0]!.ticket });
  await expect(toast).toBeVisible();
  const boxes = await Promise.all([toast, card.getByTestId('visit-finish'), card.getByTestId('visit-refer'), card.getByRole('button', { name: 'إجراءات أخرى' })].map((l) => l.boundingBox()));
  const [t, ...buttons] = boxes as { x: number; y: number; width: number; height: number }[];
  for (const b of buttons) {
    const overlap = t!.x < b.x + b.width && b.x < t!.x + t!.width && t!.y < b.y + b.height && b.y < t!.y + t!.height;
    expect(overlap, 'a toast covers a button of the current visit').toBe(false);
  }
  await screen(desk, '70-current-visit-and-toast-1366');
});

test("words on screen: the current visit's buttons are whole, with their keys shown", async () => {
  const card = cards();
  for (const id of ['visit-finish', 'visit-refer']) {
    await expect(card.getByTestId(id)).toBeVisible();
    await expectWhole(card.getByTestId(id));
    await expectWhole(card.getByTestId(id).locator('.mantine-Button-label'));
  }
  await expect(card.getByTestId('visit-finish')).toContainText('F8');
  await expect(card.getByTestId('visit-refer')).toContainText('F9');
});

test('S1: F8 from the search box opens the finish dialog on its first field, and Enter finishes', async () => {
  await search().focus();
  await desk.keyboard.press('F8');
  const dialog = desk.getByRole('dialog', { name: `إنهاء الزيارة ${visitors[0]!.ticket}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('finish-outcome')).toBeFocused();
  await screen(desk, '72-finish-dialog');
  await desk.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(queueRow(desk, visitors[0]!.ticket)).toHaveAttribute('data-state', 'done');
  await expect(cards()).toHaveCount(0);
});

test('S1: a double click on «استدعاء التالي» calls one visitor', async () => {
  await desk.getByTestId('call-next').dblclick();
  await expect(cards()).toHaveCount(1);
  await expect(cards()).toContainText(visitors[1]!.ticket);
  expect(callNextRequests).toHaveLength(2);
  expect((await mineServing()).map((v) => v.id)).toEqual([visitors[1]!.id]);
  await expect(desk.getByTestId('confirm-dialog')).toHaveCount(0);
});

test('S1: calling while serving asks first, naming the ticket served; «رجوع» calls nobody, confirming calls the next', async () => {
  await desk.keyboard.press('F4');
  const dialog = desk.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(desk.getByTestId('confirm-message')).toContainText(`تخدم الآن صاحب التذكرة ${visitors[1]!.ticket}`);
  await expect(desk.getByTestId('confirm-message')).toContainText(visitors[1]!.name);
  // The focus starts on «رجوع»: the key pressed once more does not answer the question.
  await expect(dialog.getByRole('button', { name: 'رجوع' })).toBeFocused();
  await screen(desk, '73-confirm-call-while-serving');
  await desk.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(queueRow(desk, visitors[2]!.ticket)).toHaveAttribute('data-state', 'waiting');

  // The row's own «استدعاء» asks the same.
  await queueRow(desk, visitors[3]!.ticket).getByRole('button', { name: 'استدعاء', exact: true }).click();
  await expect(desk.getByTestId('confirm-message')).toContainText(visitors[1]!.ticket);
  await dialog.getByRole('button', { name: 'رجوع' }).click();

  await desk.keyboard.press('F4');
  await desk.getByTestId('confirm-anyway').click();
  await expect(cards()).toHaveCount(2);
  expect((await mineServing()).map((v) => v.id).sort()).toEqual([visitors[1]!.id, visitors[2]!.id].sort());
  await screen(desk, '74-serving-two');

  // Back to one: both finished by F8, the key acting on the first card each time.
  for (const v of [visitors[1]!, visitors[2]!]) {
    await desk.keyboard.press('F8');
    await expect(desk.getByRole('dialog', { name: `إنهاء الزيارة ${v.ticket}` }).getByTestId('finish-outcome')).toBeFocused();
    await desk.keyboard.press('Enter');
    await expect(queueRow(desk, v.ticket)).toHaveAttribute('data-state', 'done');
  }
  await expect(cards()).toHaveCount(0);
});

test('a complaint is not finished without its text: the message is next to the field, Ctrl+Enter finishes', async () => {
  await desk.keyboard.press('F4');
  await expect(cards()).toContainText(visitors[3]!.ticket);
  await desk.keyboard.press('F8');
  const dialog = desk.getByRole('dialog', { name: `إنهاء الزيارة ${visitors[3]!.ticket}` });
  const text = dialog.getByLabel('نص الشكوى أو الاقتراح');
  await expect(text).toBeFocused();
  await desk.keyboard.press('Control+Enter');
  await expect(dialog.getByText('اكتب نص الشكوى أو الاقتراح كما قاله المراجع.')).toBeVisible();
  await screen(desk, '75-complaint-needs-text');
  await text.fill('طال الانتظار أكثر من ساعة دون إبلاغ بالسبب');
  await text.press('Enter'); // a new line in the text, not the end of the visit
  await expect(dialog).toBeVisible();
  await text.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(queueRow(desk, visitors[3]!.ticket)).toHaveAttribute('data-state', 'done');
  // P8: the complaint's acknowledgement number is shown to read out; Enter puts it away and the desk carries on.
  await expect(desk.getByTestId('complaint-done')).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('complaint-done')).toHaveCount(0);
});

test('F9 refers the current visit', async () => {
  const walkIn = (await api('visits.checkIn', { visitorName: 'رنا محمد العمري', reason: 'new_request' })) as Visit;
  await expect(queueRow(desk, walkIn.ticket)).toBeVisible();
  await desk.keyboard.press('F4');
  await expect(cards()).toContainText(walkIn.ticket);
  await search().focus();
  await desk.keyboard.press('F9');
  const dialog = desk.getByRole('dialog', { name: `إحالة للباحث — ${walkIn.ticket}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('سبب الإحالة')).toBeFocused();
  await desk.keyboard.type('الإجراءات غير واضحة للمراجعة');
  await desk.keyboard.press('Control+Enter');
  await expect(queueRow(desk, walkIn.ticket)).toHaveAttribute('data-state', 'referred');
});

test('Ctrl+L locks from the search box, with what was typed kept', async () => {
  await search().fill('نص في مربع البحث');
  await expect(search()).toBeFocused();
  await desk.keyboard.press('Control+L');
  await expect(desk.getByTestId('lock-overlay')).toBeVisible();
  await desk.getByTestId('lock-overlay').getByLabel('كلمة المرور').fill(PASSWORD);
  await desk.getByRole('button', { name: 'فتح القفل' }).click();
  await expect(desk.getByTestId('lock-overlay')).toHaveCount(0);
  await expect(search()).toHaveValue('نص في مربع البحث');
  await search().fill('');
});

test("check-in: after the ticket dialog the focus is back in the search box; the search shows today's ticket", async () => {
  await search().fill('بدرية العنزي');
  await expect(desk.getByTestId('search-result').first()).toContainText('بدرية سلمان عايض العنزي');
  await expect(desk.getByTestId('search-result').first().getByTestId('today-ticket')).toHaveCount(0);
  await search().press('Enter');
  await desk.keyboard.press('3');
  await desk.keyboard.press('Enter');
  const ticket = (await desk.getByTestId('ticket-number').textContent())!;
  await expect(desk.getByTestId('ticket-issued').getByRole('button', { name: 'تم' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('ticket-issued')).toHaveCount(0);
  await expect(search()).toBeFocused();

  await desk.keyboard.type('بدرية العنزي');
  const badge = desk.getByTestId('search-result').first().getByTestId('today-ticket');
  await expect(badge).toContainText(ticket);
  await expect(badge).toContainText('في الانتظار');
  await screen(desk, '76-search-today-ticket');
});

test('check-in: a second ticket the same day asks first, naming the ticket; «رجوع» issues nothing, confirming issues one', async () => {
  const ticketsOf = async () => ((await api('visits.queue', {})) as { visits: Visit[] }).visits.filter((v) => v.name === 'بدرية سلمان عايض العنزي').length;
  expect(await ticketsOf()).toBe(1);
  await search().press('Enter');
  await expect(desk.getByTestId('chosen-visitor').getByTestId('today-ticket')).toBeVisible();
  await desk.keyboard.press('4');
  await desk.keyboard.press('Enter');
  const dialog = desk.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  const first = (await api('beneficiaries.search', { text: 'بدرية العنزي' })) as { todayVisit: { ticket: string } | null }[];
  const ticket = first[0]!.todayVisit!.ticket;
  await expect(desk.getByTestId('confirm-message')).toContainText(`لهذا المستفيد تذكرة اليوم ${ticket}`);
  await expect(desk.getByTestId('confirm-message')).toContainText('في الانتظار');
  await screen(desk, '77-confirm-second-ticket');
  await dialog.getByRole('button', { name: 'رجوع' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await ticketsOf()).toBe(1);

  await desk.getByTestId('issue-ticket').click();
  await desk.getByTestId('confirm-anyway').click();
  const second = desk.getByTestId('ticket-number');
  await expect(second).toBeVisible();
  await expect(second).not.toHaveText(ticket);
  expect(await ticketsOf()).toBe(2);
  await expect(desk.getByTestId('ticket-issued').getByRole('button', { name: 'تم' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(search()).toBeFocused();
});

test("words on screen: an unprinted ticket's row keeps the name whole and «إعادة الطباعة» whole at 1366 px", async () => {
  const person = (await api('beneficiaries.register', {
    firstName: 'عبدالرحمن',
    fatherName: 'عبدالعزيز',
    grandfatherName: 'فهد',
    familyName: 'الدوسري',
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_700_000 + (run % 99_999)) },
    mobile: `05${String(run).padStart(8, '6')}`,
  })) as { id: number };
  const visit = (await api('visits.checkIn', { beneficiaryId: person.id, reason: 'receive_aid' })) as Visit;
  await api('documents.ticketPrinted', { visitId: visit.id, printed: false });
  const row = queueRow(desk, visit.ticket);
  await expect(row.getByTestId('row-ticket-not-printed')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await screen(desk, '78-unprinted-ticket-row-1366');
  await expectWhole(row.getByText('عبدالرحمن عبدالعزيز فهد الدوسري', { exact: true }));
  await expectWhole(row.getByTestId('row-ticket-reprint'));
  await expectWhole(row.getByTestId('row-ticket-reprint').locator('.mantine-Button-label'));
});

test('words on screen: «استدعاء التالي» stays whole beside none, one, two and three visitors served, at 1366 px and 1920 px', async () => {
  for (const name of ['سارة ناصر البقمي', 'فيصل عمر الحربي', 'منيرة راشد الدوسري']) {
    await api('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason: 'follow_up' });
  }
  await expectHeaderButtonsWhole(0);
  await desk.keyboard.press('F4');
  await expectHeaderButtonsWhole(1);
  // S1: each further visitor is called while serving, confirmed as the receptionist does.
  for (const count of [2, 3]) {
    await desk.keyboard.press('F4');
    await desk.getByTestId('confirm-anyway').click();
    await expectHeaderButtonsWhole(count);
    await dismissNotices(desk);
    await screen(desk, `79-call-next-serving-${count}-1366`);
  }
  await desk.setViewportSize({ width: 1920, height: 1080 });
  await expectHeaderButtonsWhole(3);
  await screen(desk, '79-call-next-serving-3-1920');
  await desk.setViewportSize({ width: 1366, height: 768 });
  // The hall is left as found: nobody served by this desk.
  for (const v of await mineServing()) await api('visits.cancel', { visitId: v.id });
  await expect(cards()).toHaveCount(0);
});
