import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, adminApi, openDesk, screen, signIn } from './support/desk';

/**
 * Finding the person (P2, docs/architecture.md#search), in the browser: the desk's search box finds a beneficiary by a
 * file number typed «ف-» in Arabic-Indic digits, and a request number in Arabic-Indic digits shows its
 * applicant with the request and opens it on Enter; the requests screen lists a person's requests by
 * file number. Independent of the other specs: it makes its own users and data.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-7';
const run = Date.now() % 1_000_000;
const receptionist = { username: `srch${run}`, fullName: 'منيرة سعد الحربي' };
const person = { firstName: 'غادة', fatherName: 'منصور', grandfatherName: 'حمد', familyName: 'الرشيدي' };
const FULL_NAME = 'غادة منصور حمد الرشيدي';
const DESK_A = 'مكتب الاستقبال 1 (A)';

let desk: Page;
let fileNumber: string;
let requestNumber: string;

const toArabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

test.beforeAll(async () => {
  const api = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' });

  // A registered request (so the person has a file number), made through the API as the administrator.
  const b = (await api('beneficiaries.register', {
    ...person,
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_700_000 + (run % 99_999)) },
    mobile: `05${String(run).padStart(8, '7')}`,
  })) as { id: number };
  const [service] = (await api('catalogue.services', {})) as { id: number }[];
  let request = (await api('requests.open', { beneficiaryId: b.id, serviceTypeId: service!.id, channel: 'interview' })) as {
    id: number;
    number: string;
    documents: { documentTypeId: number; hasExpiry: boolean; version: number }[];
    beneficiary: { fileNumber: string | null };
  };
  for (const d of request.documents) {
    await api('requests.setDocument', { requestId: request.id, documentTypeId: d.documentTypeId, version: d.version, provided: true, ...(d.hasExpiry ? { expiryDate: '2040-01-01' } : {}) });
  }
  await api('requests.signDeclaration', { requestId: request.id });
  await api('requests.submit', { requestId: request.id });
  await api('requests.decide', { requestId: request.id, outcome: 'accepted', approvedAmount: 900, aidDescription: 'سلة غذائية' });
  request = (await api('requests.register', { requestId: request.id })) as typeof request;
  fileNumber = request.beneficiary.fileNumber!;
  requestNumber = request.number;
  expect(fileNumber).toMatch(/^F-\d+$/);
});

test('P2: the search box finds the person by file number typed «ف-» in Arabic-Indic digits', async ({ browser }) => {
  desk = await openDesk(browser);
  await desk.setViewportSize({ width: 1366, height: 768 });
  await signIn(desk, receptionist.username, PASSWORD, DESK_A);
  const typed = toArabicDigits(fileNumber.replace('F-', 'ف-'));
  await desk.getByTestId('search-input').fill(typed);
  const results = desk.getByTestId('search-result');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(FULL_NAME);
  await expect(results.first().getByTestId('search-match')).toHaveText('رقم الملف');
  await screen(desk, '70-search-by-file-number');
});

test('P2: a request number in Arabic-Indic digits shows its applicant with the request, and Enter opens the request', async () => {
  const [year, seq] = requestNumber.split('-') as [string, string];
  // Typed without the leading zeros, in the digits of an Arabic keyboard.
  const typed = toArabicDigits(`${year}-${Number(seq)}`);
  const box = desk.getByTestId('search-input');
  await box.fill(typed);
  const results = desk.getByTestId('search-result');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(FULL_NAME);
  await expect(results.first().getByTestId('search-match')).toHaveText(`الطلب ${requestNumber}`);
  await screen(desk, '71-search-by-request-number');
  await box.press('Enter');
  await expect(desk.getByTestId('request-number')).toHaveText(requestNumber);
  await expect(desk.getByTestId('request-page')).toHaveAttribute('data-state', 'registered');
});

test('P2: the requests screen lists the person\'s requests by file number', async () => {
  await desk.getByRole('tab', { name: 'الطلبات' }).click();
  await desk.getByTestId('requests-number').fill(toArabicDigits(fileNumber));
  const rows = desk.getByTestId('request-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-number', requestNumber);
  await expect(rows.first()).toContainText(FULL_NAME);
  await screen(desk, '72-requests-by-file-number');
});

test('P2: Enter pressed before the search has answered acts on the answer for what was typed, never on the previous results', async () => {
  await desk.getByRole('tab', { name: 'الطابور' }).click();
  const box = desk.getByTestId('search-input');
  // A busy server: every search answers late, so Enter comes first (the network is slowed, the core is not touched).
  await desk.route('**/api/call', async (route) => {
    if (route.request().postDataJSON()?.operation === 'beneficiaries.search') await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  try {
    await box.fill(FULL_NAME);
    await box.press('Enter');
    await expect(desk.getByTestId('chosen-visitor')).toContainText(FULL_NAME);
    await desk.keyboard.press('Escape');
    await expect(box).toBeVisible();

    // The previous text's results are still on show while the new text is searched: Enter must not pick from them.
    await box.fill(FULL_NAME);
    await expect(desk.getByTestId('search-result')).toHaveCount(1);
    await box.fill(`${FULL_NAME} زيدان`);
    await box.press('Enter');
    await expect(desk.getByTestId('reg-firstName')).toHaveValue(person.firstName);
    await expect(desk.getByTestId('chosen-visitor')).toBeHidden();
  } finally {
    await desk.unroute('**/api/call');
  }
});
