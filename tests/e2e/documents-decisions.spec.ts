import { expect, test, type Browser, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, adminApi, apiSession, openDesk, screen, signIn } from './support/desk';

/**
 * Documents and decisions (S2, S5; docs/design.md#a-support-request), as a new receptionist and a supervisor meet them at
 * 1366×768: a provided ID needs its expiry (the message stands on the empty date), the committee's
 * form chooses nothing by itself, an acceptance of −50 is refused with its message, and −50 typed as
 * the file's income is named, not turned into 0. Independent of the other specs: its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-7';
const run = Date.now() % 1_000_000;
const receptionist = { username: `ddr${run}`, fullName: 'منيرة عبدالله الحربي' };
const supervisor = { username: `dds${run}`, fullName: 'تركي سعد الشهراني' };
const ID_DOCUMENT = 'صورة الهوية الوطنية / الإقامة';
const LEASE = 'عقد الإيجار (إيجار)';
const FAMILY_REGISTER = 'سجل الأسرة';

type Api = Awaited<ReturnType<typeof apiSession>>;
let api: Api;
let draft: { id: number; number: string; beneficiaryId: number };
let submitted: { id: number; number: string };
let desk: Page;

const documentRow = (page: Page, name: string) => page.locator(`[data-testid="document-row"][data-document="${name}"]`);

async function openAt1366(browser: Browser, who: { username: string }, deskName: string): Promise<Page> {
  const page = await openDesk(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, who.username, PASSWORD, deskName);
  return page;
}

/** The scanner's way in: the request number typed into the search box, then Enter. */
async function openRequest(page: Page, number: string) {
  await page.getByTestId('search-input').fill(number);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('request-number')).toHaveText(number);
}

async function newPerson(serial: number, name: [string, string, string, string]) {
  const [firstName, fatherName, grandfatherName, familyName] = name;
  return (await api('beneficiaries.register', {
    firstName,
    fatherName,
    grandfatherName,
    familyName,
    identity: { idType: 'national_id', idNumber: nationalIdFor(serial) },
    mobile: `05${String(serial).padStart(8, '6')}`.slice(0, 10),
  })) as { id: number };
}

test.beforeAll(async () => {
  api = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' }, { ...supervisor, role: 'supervisor' });
  const services = (await api('catalogue.services', {})) as { id: number; code: string }[];
  const service = (code: string) => services.find((s) => s.code === code)!.id;

  // A rent request just opened for a file with no ID expiry yet: its ID and lease lines both expire.
  const tenant = await newPerson(4_600_000 + (run % 99_999), ['لطيفة', 'حمد', 'سعود', 'الزهراني']);
  const opened = (await api('requests.open', { beneficiaryId: tenant.id, serviceTypeId: service('rent'), channel: 'interview' })) as { id: number; number: string };
  draft = { ...opened, beneficiaryId: tenant.id };

  // A food-basket request already with the committee.
  const family = await newPerson(4_700_000 + (run % 99_999), ['عائشة', 'مبارك', 'علي', 'القرني']);
  let r = (await api('requests.open', { beneficiaryId: family.id, serviceTypeId: service('food_basket'), channel: 'phone', requestedAmount: 600 })) as {
    id: number;
    number: string;
    documents: { documentTypeId: number; hasExpiry: boolean; version: number }[];
  };
  for (const d of r.documents) {
    await api('requests.setDocument', { requestId: r.id, documentTypeId: d.documentTypeId, version: d.version, provided: true, ...(d.hasExpiry ? { expiryDate: '2040-01-01' } : {}) });
  }
  await api('requests.signDeclaration', { requestId: r.id });
  r = (await api('requests.submit', { requestId: r.id })) as typeof r;
  submitted = { id: r.id, number: r.number };
});

test('S2: an ID ticked «مُقدَّم» without its expiry shows the message on the date and stays missing; with the date it is provided', async ({ browser }) => {
  desk = await openAt1366(browser, receptionist, 'مكتب الاستقبال 1 (A)');
  await openRequest(desk, draft.number);
  const id = documentRow(desk, ID_DOCUMENT);
  await expect(id).toHaveAttribute('data-status', 'missing');
  // The ID line is the file's identity: it says so, with the number on file.
  await expect(id.getByTestId('document-from-file')).toContainText('من ملف المستفيد');

  await id.getByTestId('document-provided').click({ force: true });
  await expect(id.getByText('أدخل تاريخ انتهاء المستند، فلا يُعدّ مقدَّماً بدونه.')).toBeVisible();
  await expect(id).toHaveAttribute('data-status', 'missing');
  await expect(desk.getByTestId('blockers')).toContainText(`المستند «${ID_DOCUMENT}» غير مقدّم.`);
  // A document without an expiry is provided at once.
  await documentRow(desk, FAMILY_REGISTER).getByTestId('document-provided').click({ force: true });
  await expect(documentRow(desk, FAMILY_REGISTER)).toHaveAttribute('data-status', 'provided');
  await id.scrollIntoViewIfNeeded();
  await screen(desk, '70-id-without-expiry-refused');

  const expiry = id.getByTestId('doc-expiryDate');
  await expiry.fill('1460/01/01');
  await expiry.blur();
  await expect(id).toHaveAttribute('data-status', 'provided');
  await expect(id.getByText('أدخل تاريخ انتهاء المستند، فلا يُعدّ مقدَّماً بدونه.')).toHaveCount(0);
  // Saved in the file too: the identity has one expiry.
  const file = (await api('beneficiaries.profile', { beneficiaryId: draft.beneficiaryId })) as { idExpiry: string | null };
  expect(file.idExpiry).not.toBeNull();

  // The lease, ticked without a date, is refused the same way.
  const lease = documentRow(desk, LEASE);
  await lease.getByTestId('document-provided').click({ force: true });
  await expect(lease.getByText('أدخل تاريخ انتهاء المستند، فلا يُعدّ مقدَّماً بدونه.')).toBeVisible();
  await expect(lease).toHaveAttribute('data-status', 'missing');
  await desk.getByTestId('request-page').locator('text=المستندات المطلوبة').first().scrollIntoViewIfNeeded();
  await screen(desk, '71-documents-checklist');
});

test('S5: −50 typed as the request\'s amount or the file\'s income shows the message, stays −50 on screen and is not saved as 0', async () => {
  // The request's amount is saved as typed: −50 is named on its field and never sent.
  const requested = desk.getByTestId('request-amount');
  await requested.fill('-50');
  await expect(desk.getByText('المبلغ لا يكون بالسالب.')).toBeVisible();
  await expect(desk.getByTestId('draft-state')).toHaveAttribute('data-state', 'unsaved');
  await expect(requested).toHaveValue('-50');
  expect(((await api('requests.get', { requestId: draft.id })) as { requestedAmount: number | null }).requestedAmount).toBeNull();
  await requested.fill('3000');
  await expect(desk.getByTestId('draft-state')).toHaveAttribute('data-state', 'saved');
  expect(((await api('requests.get', { requestId: draft.id })) as { requestedAmount: number | null }).requestedAmount).toBe(3000);

  await desk.getByTestId('request-beneficiary').click();
  await expect(desk.getByTestId('profile-page')).toBeVisible();
  const before = (await api('beneficiaries.profile', { beneficiaryId: draft.beneficiaryId })) as { version: number; monthlyIncome: number | null };
  const income = desk.getByTestId('profile-monthlyIncome');
  await income.fill('-50');
  await desk.getByTestId('profile-save').click();
  await expect(desk.getByText('المبلغ لا يكون بالسالب.')).toBeVisible();
  await expect(income).toHaveValue('-50');
  await income.scrollIntoViewIfNeeded();
  await screen(desk, '72-income-negative');
  const after = (await api('beneficiaries.profile', { beneficiaryId: draft.beneficiaryId })) as typeof before;
  expect(after).toMatchObject({ version: before.version, monthlyIncome: before.monthlyIncome });

  await income.fill('2500');
  await income.blur();
  await expect(desk.getByText('المبلغ لا يكون بالسالب.')).toHaveCount(0);
});

test('S5: the committee\'s form starts with no outcome; a decision needs one, and −50 or nothing granted is refused', async ({ browser }) => {
  const committee = await openAt1366(browser, supervisor, 'مكتب الاستقبال 2 (B)');
  // A supervisor's home is the board: the search box is on the hall's tab.
  await committee.getByRole('tab', { name: 'الطابور' }).click();
  await openRequest(committee, submitted.number);
  const form = committee.getByTestId('decision-form');
  await expect(form).toBeVisible();
  await expect(form.getByRole('radio', { name: 'قبول' })).not.toBeChecked();
  await expect(form.getByRole('radio', { name: 'رفض' })).not.toBeChecked();
  await expect(form.getByTestId('decision-amount')).toHaveCount(0);
  await screen(committee, '73-committee-form-unchosen');

  await form.getByTestId('record-decision').click();
  await expect(form.getByText('اختر قرار اللجنة: قبول أو رفض.')).toBeVisible();
  await expect(committee.getByTestId('request-page')).toHaveAttribute('data-state', 'submitted');
  await screen(committee, '74-committee-outcome-required');

  await form.getByTestId('decision-outcome').getByText('قبول').click();
  await expect(form.getByText('اختر قرار اللجنة: قبول أو رفض.')).toHaveCount(0);
  const amount = form.getByTestId('decision-amount');
  await amount.fill('-50');
  await form.getByTestId('record-decision').click();
  await expect(form.getByText('المبلغ لا يكون بالسالب.')).toBeVisible();
  await expect(amount).toHaveValue('-50');
  await screen(committee, '75-committee-negative-amount');

  await amount.fill('0');
  await form.getByTestId('record-decision').click();
  await expect(form.getByText('للقبول اكتب المبلغ المعتمد (أكثر من صفر) أو وصف المساعدة المعتمدة.')).toBeVisible();
  await expect(committee.getByTestId('request-page')).toHaveAttribute('data-state', 'submitted');
  const stored = (await api('requests.get', { requestId: submitted.id })) as { state: string; decision: unknown };
  expect(stored).toMatchObject({ state: 'submitted', decision: null });

  await form.getByTestId('decision-aid').fill('سلة غذائية شهرية لثلاثة أشهر');
  await form.getByTestId('record-decision').click();
  await expect(committee.getByTestId('decision-summary')).toHaveAttribute('data-outcome', 'accepted');
  await expect(committee.getByTestId('decision-summary')).toContainText('سلة غذائية شهرية لثلاثة أشهر');
});
