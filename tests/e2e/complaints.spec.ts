import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test';
import { addStaff, dismissNotices, openSignedIn, screen, signedInApi } from './support/desk';

/**
 * Complaints and suggestions (P8, docs/policy.md#the-clauses-and-where-they-live): a complaint visit finished at the desk enters the log
 * with its acknowledgement number; a phone complaint is received from the hall's «شكوى أو اقتراح»; the
 * supervisor follows one up in the log — owner, in progress, answer, answered, closed.
 * Independent of the other specs: its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-11';
const run = Date.now() % 1_000_000;
const receptionist = { username: `cpr${run}`, fullName: 'لطيفة حمد السبيعي' };
const supervisor = { username: `cps${run}`, fullName: 'خالد عبدالرحمن الزهراني' };
const DESK_A = 'مكتب الاستقبال 1 (A)';
const DESK_R = 'مكتب الباحث الاجتماعي (R)';
const NUMBER = /^ش-\d{4}-\d{5}$/;

let desk: Page;
let sup: Page;
let visitNumber: string;
let phoneNumber: string;

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });
});

test('P8: a complaint visit finished at the desk enters the log and its number is shown to read out', async ({ browser }) => {
  desk = await openSignedIn(browser, receptionist.username, PASSWORD, DESK_A);
  // The visitor checked in and called by this receptionist (over the API, as the desk's own hall would).
  const api = await signedInApi(receptionist.username, PASSWORD, 1);
  const visit = (await api('visits.checkIn', { visitorName: 'منيرة صالح الدوسري', visitorMobile: '0551234567', reason: 'complaint' })) as { id: number; ticket: string };
  await api('visits.call', { visitId: visit.id, alsoWhileServing: true });
  const card = desk.getByTestId('current-visit').filter({ hasText: visit.ticket });
  await expect(card).toBeVisible();

  await card.getByTestId('visit-finish').click();
  const form = desk.getByTestId('finish-form');
  // Without its text the finish is refused, said in Arabic next to the text.
  await form.getByTestId('confirm-finish').click();
  await expect(form).toContainText('اكتب نص الشكوى أو الاقتراح كما قاله المراجع.');
  await form.getByLabel('نص الشكوى أو الاقتراح').fill('انتظرت أكثر من ساعة ولم يُنادَ رقمي، ولم يُبلغني أحد بسبب التأخير.');
  await form.getByTestId('finish-complaint-category').click();
  await desk.getByRole('option', { name: 'مدة الانتظار' }).click();
  await screen(desk, 'complaints-01-finish-complaint-visit');
  await form.getByTestId('confirm-finish').click();

  const received = desk.getByTestId('complaint-received');
  await expect(received).toBeVisible();
  visitNumber = (await received.getByTestId('complaint-number').innerText()).trim();
  expect(visitNumber).toMatch(NUMBER);
  await screen(desk, 'complaints-02-number-to-read-out');
  // The slip prints through the one printing path: a tab with the PDF.
  const popup = desk.waitForEvent('popup');
  const download = popup.then((tab) => tab.waitForEvent('download'));
  await received.getByTestId('print-complaint-slip').click();
  const bytes = readFileSync((await (await download).path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await (await popup).close();
  await desk.getByTestId('complaint-done').click();
  await expect(received).toHaveCount(0);
});

test('P8: a phone complaint is received from «شكوى أو اقتراح»: empty text refused, then its number shown', async () => {
  await dismissNotices(desk);
  await desk.getByTestId('new-complaint').click();
  const form = desk.getByTestId('new-complaint-form');
  await form.getByTestId('complaint-save').click();
  await expect(form).toContainText('اكتب نص الشكوى أو الاقتراح.');
  await form.getByTestId('complaint-text').fill('اقتراح: رسالة نصية تُرسل للمراجع حين يقترب دوره.');
  await form.getByTestId('complaint-category').click();
  await desk.getByRole('option', { name: 'اقتراح' }).click();
  await screen(desk, 'complaints-03-phone-complaint');
  await form.getByTestId('complaint-save').click();
  const received = desk.getByTestId('complaint-received');
  await expect(received).toBeVisible();
  phoneNumber = (await received.getByTestId('complaint-number').innerText()).trim();
  expect(phoneNumber).toMatch(NUMBER);
  expect(phoneNumber).not.toBe(visitNumber);
  await desk.getByTestId('complaint-done').click();
  await dismissNotices(desk);
  await screen(desk, 'complaints-07-queue-with-action');
  // The log is for those who follow complaints up, not the receptionist.
  await expect(desk.getByRole('tab', { name: 'الشكاوى', exact: true })).toHaveCount(0);
});

test('P8: the supervisor finds the complaint by its number, answers it and closes it', async ({ browser }) => {
  sup = await openSignedIn(browser, supervisor.username, PASSWORD, DESK_R);
  await expect(sup.getByTestId('board-complaints')).toBeVisible();
  await sup.getByRole('tab', { name: 'الشكاوى', exact: true }).click();
  await expect(sup.getByTestId('complaints-screen')).toBeVisible();
  // Found in Arabic-Indic digits, as it may be read out on the phone.
  const spoken = visitNumber.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
  await sup.getByTestId('complaints-number').fill(spoken);
  const row = sup.locator(`[data-testid="complaint-row"][data-number="${visitNumber}"]`);
  await expect(sup.getByTestId('complaint-row')).toHaveCount(1);
  await row.click();
  const detail = sup.getByTestId('complaint-detail');
  await expect(detail).toContainText('انتظرت أكثر من ساعة');
  await expect(detail).toContainText('منيرة صالح الدوسري');
  await expect(detail.getByTestId('complaint-state')).toHaveText('جديدة');

  await detail.getByTestId('complaint-owner').click();
  await sup.getByRole('option', { name: supervisor.fullName }).click();
  await detail.getByTestId('complaint-next-step').click();
  await expect(detail.getByTestId('complaint-state')).toHaveText('قيد المعالجة');
  await expect(row).toContainText(supervisor.fullName);

  // "Answered" without the answer is refused, in Arabic, next to the answer.
  await detail.getByTestId('complaint-next-step').click();
  await expect(detail).toContainText('لا تُغلق الشكوى ولا تُعدّ مردوداً عليها قبل كتابة الرد');
  await detail.getByTestId('complaint-answer').fill('اعتذرنا للمراجعة هاتفياً، وأُضيف موظف في أوقات الذروة من الأحد القادم.');
  await detail.getByTestId('complaint-next-step').click();
  await expect(detail.getByTestId('complaint-state')).toHaveText('تم الرد');
  await screen(sup, 'complaints-04-log-answered');

  await detail.getByTestId('complaint-close').click();
  await expect(detail.getByTestId('complaint-state')).toHaveText('مغلقة');
  await expect(detail.getByTestId('complaint-answer')).toBeDisabled();
  await sup.getByTestId('complaints-number').fill('');
  await expect(sup.getByTestId('complaint-row').first()).toBeVisible();
  await screen(sup, 'complaints-05-log-closed');
});

test('P8: an acknowledgement number typed in the hall\'s search box, in Arabic-Indic digits with a space for the dash, opens its complaint', async () => {
  await dismissNotices(sup);
  await sup.getByRole('tab', { name: 'الطابور' }).click();
  const box = sup.getByTestId('search-input');
  await expect(box).toBeVisible();
  // «ش ١٤٤٨-٢» as a caller reads it out: the letter, the year and the sequence without its zeros.
  const [, year, seq] = phoneNumber.split('-') as [string, string, string];
  const spoken = `ش ${year}-${Number(seq)}`.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
  await box.fill(spoken);
  await box.press('Enter');
  const page = sup.getByTestId('complaint-page');
  await expect(page).toBeVisible();
  await expect(page.getByTestId('complaint-detail')).toContainText('رسالة نصية تُرسل للمراجع');
  await expect(page.getByTestId('complaint-detail').locator(`[data-complaint-number="${phoneNumber}"]`).first()).toBeVisible();
  await expect(page.getByTestId('complaint-state')).toHaveText('جديدة');
  await screen(sup, 'complaints-08-found-from-search');
  await sup.getByTestId('page-back').click();
  await expect(page).toHaveCount(0);
});

test('P8: the board shows the complaints tile', async () => {
  await sup.getByRole('tab', { name: 'المتابعة' }).click();
  await expect(sup.getByTestId('board-complaints')).toContainText('شكاوى تجاوزت موعد الرد');
  await screen(sup, 'complaints-06-board');
});

test('P8: the period report counts them: this month\'s complaints received, answered and still open', async () => {
  await sup.getByRole('tab', { name: 'التقارير' }).click();
  const table = sup.getByTestId('report-complaints');
  await table.scrollIntoViewIfNeeded();
  // At least this spec's two; the closed one counts as answered, in time.
  await expect(table).toContainText('الشكاوى والاقتراحات المستلمة');
  await expect(table).toContainText('رُدّ عليها في موعدها');
  await screen(sup, 'complaints-08-period-report');
});
