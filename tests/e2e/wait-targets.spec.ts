import { expect, test } from './support/test';
import { ADMIN_PASSWORD, adminApi, queueRow, screen, signIn } from './support/desk';
import { loopback } from './support/desk';

/**
 * S1 on screen: the administrator sets a reason's wait bands in the settings, and the hall marks a
 * visitor of that reason as the wait crosses each band. The page's clock is moved forward (Playwright's
 * clock), so minutes pass without waiting for them; the core keeps real time.
 */
test.describe.configure({ mode: 'serial' });

const DESK_A = 'مكتب الاستقبال 1 (A)';
type Api = Awaited<ReturnType<typeof adminApi>>;
let api: Api;

test.beforeAll(async () => {
  api = await adminApi(ADMIN_PASSWORD);
});
test.afterAll(async () => {
  // The rest of the run's hall keeps the usual bands.
  await api('settings.update', { waitTargets: { volunteering: { warningMinutes: 20, targetMinutes: 30, criticalMinutes: 60 } } });
});

test('S1: a volunteering visitor turns amber, then red, then critical as the wait passes its bands', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: new Date() });
  const { url, token } = loopback();
  await page.goto(`${url}/#token=${token}`);
  await signIn(page, 'admin', ADMIN_PASSWORD, DESK_A);

  await page.getByRole('tab', { name: 'الإعدادات' }).click();
  const card = page.getByTestId('wait-targets');
  const field = (band: string) => card.getByRole('textbox', { name: `تطوع: ${band}` });
  // Out of order first: refused, naming the reason.
  await field('تنبيه بعد (دقائق)').fill('5');
  await field('الهدف (دقائق)').fill('2');
  await field('حرج بعد (دقائق)').fill('3');
  await card.getByRole('button', { name: 'حفظ' }).click();
  await expect(card.getByTestId('error-alert')).toContainText('تطوع — الهدف (دقائق)');
  await field('تنبيه بعد (دقائق)').fill('1');
  await card.getByRole('button', { name: 'حفظ' }).click();
  await expect(page.getByText('حُفظت الإعدادات.')).toBeVisible();
  await expect(card.getByTestId('error-alert')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await screen(page, 'settings-wait-targets');
  expect((await api('settings.get', {})) as { waitTargets: { volunteering: unknown } }).toMatchObject({
    waitTargets: { volunteering: { warningMinutes: 1, targetMinutes: 2, criticalMinutes: 3 } },
  });

  const visit = (await api('visits.checkIn', { visitorName: 'متطوع ينتظر الهدف', visitorMobile: '0551234567', reason: 'volunteering' })) as { ticket: string };
  await page.getByRole('tab', { name: 'الطابور' }).click();
  const row = queueRow(page, visit.ticket);
  await expect(row).toHaveAttribute('data-wait-band', 'within');
  for (const [minutes, band] of [
    ['01:10', 'warning'],
    ['01:00', 'over'],
    ['01:00', 'critical'],
  ] as const) {
    await page.clock.fastForward(minutes);
    await expect(row).toHaveAttribute('data-wait-band', band);
  }
  await expect(row.getByTestId('waiting-time')).toHaveAttribute('title', 'انتظار حرج');
  await screen(page, 'queue-wait-critical');
  await context.close();
});
