import { expect, test, type Page } from './support/test';
import { addStaff, ADMIN_PASSWORD, adminApi, openDesk, openSignedIn, queueRow, screen, signedInApi, signIn } from './support/desk';

/**
 * Speed (docs/performance.md): a queue row's «إجراءات أخرى» menu is built only when the pointer or a key reaches
 * its button (a hall of hundreds drew every row's menu up front). It must still open at the first
 * click and from the keyboard, and do what it offers. Independent of the other specs.
 */
const PASSWORD = 'staff-pass-8';
const run = Date.now() % 1_000_000;
const receptionist = { username: `mnu${run}`, fullName: 'سلمى فهد الشهري' };

let tickets: string[];

/**
 * The visitor left the waiting group. Their row moves to «غادر» further down the list, which a full
 * hall may have scrolled out of the virtualised view: what the receptionist sees is it gone from
 * the waiting rows, and the hall's count of those who left taking it in.
 */
async function expectLeft(desk: Page, ticket: string) {
  await expect(desk.locator(`[data-testid="queue-row"][data-ticket="${ticket}"][data-state="waiting"]`)).toHaveCount(0);
  const api = await signedInApi(receptionist.username, PASSWORD, 1);
  const hall = (await api('visits.queue', {})) as { visits: { ticket: string; state: string }[] };
  expect(hall.visits.find((v) => v.ticket === ticket)?.state).toBe('left');
}

test.beforeAll(async () => {
  const api = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' });
  tickets = [];
  for (const name of ['وليد سعد العنزي', 'هند علي الغامدي']) {
    tickets.push(((await api('visits.checkIn', { visitorName: name, visitorMobile: '0551234567', reason: 'inquiry' })) as { ticket: string }).ticket);
  }
});

test('Speed: a queue row\'s «إجراءات أخرى» menu opens at the first click and from the keyboard, and marks a visitor as left', async ({ browser }) => {
  const desk = await openDesk(browser);
  await desk.setViewportSize({ width: 1366, height: 768 });
  await signIn(desk, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');

  // By mouse: one click on the row's «…» opens its menu.
  const first = queueRow(desk, tickets[0]!);
  await first.getByRole('button', { name: 'إجراءات أخرى' }).click();
  const menu = desk.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'غادر قبل خدمته' })).toBeVisible();
  await screen(desk, '71-queue-row-menu-1366');
  await menu.getByRole('menuitem', { name: 'غادر قبل خدمته' }).click();
  await expectLeft(desk, tickets[0]!);

  // By keyboard: the button focused, Enter opens the menu, the arrow keys and Enter choose.
  const second = queueRow(desk, tickets[1]!);
  await second.getByRole('button', { name: 'إجراءات أخرى' }).focus();
  // The menu is built on the focus; the focus stays on the row's «…» for the Enter that follows.
  await expect(second.getByRole('button', { name: 'إجراءات أخرى' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByRole('menu').getByRole('menuitem', { name: 'غادر قبل خدمته' })).toBeVisible();
  await desk.keyboard.press('ArrowDown');
  await expect(desk.getByRole('menu').getByRole('menuitem', { name: 'غادر قبل خدمته' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expectLeft(desk, tickets[1]!);
  await desk.close();
});

test('Speed: the queue tab opens on the fresh hall, and a tab chosen right after it wins', async ({ browser }) => {
  const desk = await openSignedIn(browser, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  await desk.getByRole('tab', { name: 'الطلبات' }).click();
  await expect(desk.getByRole('tab', { name: 'الطلبات' })).toHaveAttribute('aria-selected', 'true');

  // Checked in elsewhere meanwhile: the hall shows it the moment its tab opens.
  const api = await signedInApi(receptionist.username, PASSWORD, 2);
  const { ticket } = (await api('visits.checkIn', { visitorName: 'منى ناصر الحربي', visitorMobile: '0559876543', reason: 'inquiry' })) as { ticket: string };
  await desk.getByRole('tab', { name: 'الطابور' }).click();
  await expect(queueRow(desk, ticket)).toHaveAttribute('data-state', 'waiting');

  // The queue tab waits a moment for its fresh list; another tab clicked meanwhile is where the desk ends
  // up. The list is held back on its way (still within that moment) so the second click surely comes first.
  await desk.getByRole('tab', { name: 'الإحالات' }).click();
  let held!: () => void;
  const answered = new Promise<void>((resolve) => (held = resolve));
  await desk.route('**/api/call', async (route) => {
    if (!route.request().postData()?.includes('"visits.queue"')) return route.continue();
    await answered;
    await route.continue();
  });
  // (Waited for by its answer: the page keeps the change stream open, so the network is never idle.)
  const queueAnswered = desk.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('"visits.queue"'));
  await desk.getByRole('tab', { name: 'الطابور' }).click();
  await desk.getByRole('tab', { name: 'الطلبات' }).click();
  held();
  await queueAnswered;
  await expect(desk.getByRole('tab', { name: 'الطلبات' })).toHaveAttribute('aria-selected', 'true');
  await expect(desk.getByTestId('queue-list')).toBeHidden();
  await desk.close();
});

test('Speed: the hall kept under another tab does nothing there, and is found as it was left', async ({ browser }) => {
  const desk = await openSignedIn(browser, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  const api = await signedInApi(receptionist.username, PASSWORD, 2);
  const { ticket } = (await api('visits.checkIn', { visitorName: 'ريم خالد القرني', visitorMobile: '0553456789', reason: 'inquiry' })) as { ticket: string };
  await expect(queueRow(desk, ticket)).toHaveAttribute('data-state', 'waiting');
  await desk.getByTestId('search-input').fill('ريم خا');

  // S1: F4 on the requests tab calls nobody — the hall is out of sight there.
  await desk.getByRole('tab', { name: 'الطلبات' }).click();
  await expect(desk.getByTestId('queue-list')).toBeHidden();
  const calls: string[] = [];
  desk.on('request', (r) => {
    if (r.url().endsWith('/api/call') && (r.postData() ?? '').includes('"visits.callNext"')) calls.push(r.postData()!);
  });
  await desk.keyboard.press('F4');
  // The key's handlers have run once the press is through; a round trip into the page lets any call they started leave.
  await desk.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
  expect(calls).toEqual([]);
  const hall = (await api('visits.queue', {})) as { visits: { ticket: string; state: string; servedBy: { fullName: string } | null }[] };
  expect(hall.visits.find((v) => v.ticket === ticket)?.state).toBe('waiting');
  expect(hall.visits.filter((v) => v.state === 'serving' && v.servedBy?.fullName === receptionist.fullName)).toEqual([]);

  // Back on the hall: the half-typed name is still there, with the focus, ready for the next key.
  await desk.getByRole('tab', { name: 'الطابور' }).click();
  await expect(desk.getByTestId('search-input')).toBeFocused();
  await expect(desk.getByTestId('search-input')).toHaveValue('ريم خا');
  await expect(queueRow(desk, ticket)).toBeVisible();
  await desk.close();
});
