import { expect, test, type Page } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { addStaff, ADMIN_PASSWORD, loopback, openDesk, openSignedIn, screen, signedInApi, signIn } from './support/desk';

/**
 * An audit trail worth its name (docs/architecture.md#security), in the browser at 1366×768: a supervisor opens سجل التدقيق,
 * narrows it to one beneficiary and reads a file's change field by field, before and after, the
 * national ID masked; narrows it to one user and to refusals and finds the call that was refused; a
 * receptionist has no such tab. Independent of the other specs: it makes its own users and data (its
 * name sorts after desk-day.spec.ts, which must find the store before its first run).
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'staff-pass-8';
const run = Date.now() % 1_000_000;
const supervisor = { username: `audsup${run}`, fullName: 'فهد ناصر الدوسري' };
const receptionist = { username: `audrec${run}`, fullName: 'لمياء ناصر القحطاني' };
const person = { firstName: 'وعد', fatherName: 'سلمان', grandfatherName: 'عبدالله', familyName: 'الشمري' };
const FULL_NAME = 'وعد سلمان عبدالله الشمري';
const ID_NUMBER = nationalIdFor(4_800_000 + (run % 99_999));
const DESK_A = 'مكتب الاستقبال 1 (A)';

let page: Page;

/** A call over the loopback API that answers with the envelope, refusals included. */
async function rawSession() {
  const { url, token } = loopback();
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const { sessionId } = (await (await fetch(`${url}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async (operation: string, input: unknown) =>
    (await (await fetch(`${url}/api/call`, { method: 'POST', headers: { ...headers, 'X-Istiqbal-Session': sessionId }, body: JSON.stringify({ operation, input }) })).json()) as {
      ok: boolean;
      value?: any;
      error?: { code: string };
    };
}

test.beforeAll(async () => {
  await addStaff(PASSWORD, { ...supervisor, role: 'supervisor' }, { ...receptionist, role: 'receptionist' });

  // At desk 2, the receptionist registers the person and later completes the file.
  const desk = await signedInApi(receptionist.username, PASSWORD, 2);
  const b = (await desk('beneficiaries.register', { ...person, identity: { idType: 'national_id', idNumber: ID_NUMBER }, mobile: `05${String(run).padStart(8, '3')}` })) as { id: number };
  const p = (await desk('beneficiaries.profile', { beneficiaryId: b.id })) as Record<string, any>;
  await desk('beneficiaries.update', {
    beneficiaryId: b.id,
    version: p.version,
    profile: {
      firstName: p.firstName,
      fatherName: p.fatherName,
      grandfatherName: p.grandfatherName,
      familyName: p.familyName,
      identity: { idType: p.idType, idNumber: p.idNumber },
      mobile: p.mobile,
      city: 'حائل',
      district: 'النقرة',
      maritalStatus: 'widowed',
      housingType: 'rented',
      rentAmount: 18000,
      family: [{ name: 'ريان سلمان الشمري', relation: 'son', idNumber: null, birthDate: '2012-05-01' }],
    },
  });

  // The same receptionist tries the users list (administrators and supervisors only): refused, recorded.
  const raw = await rawSession();
  expect((await raw('auth.signIn', { username: receptionist.username, password: PASSWORD, deskId: 2 })).ok).toBe(true);
  expect((await raw('users.list', {})).error?.code).toBe('forbidden');
});

test('Audit trail: a supervisor narrows the trail to one beneficiary and reads a file\'s change before and after, the ID masked', async ({ browser }) => {
  page = await openSignedIn(browser, supervisor.username, PASSWORD, DESK_A);
  await page.getByRole('tab', { name: 'سجل التدقيق' }).click();
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  await page.getByTestId('audit-beneficiary').fill('وعد الشمري');
  await page.getByRole('option', { name: new RegExp(FULL_NAME) }).click();
  const rows = page.getByTestId('audit-row');
  // The file's registration, its reading by the desk, and its update: all hers, newest first.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-operation', 'beneficiaries.update');
  await expect(rows.nth(0)).toContainText('تعديل ملف مستفيد');
  await expect(rows.nth(0)).toContainText(receptionist.fullName);
  await expect(rows.nth(0)).toContainText('مكتب الاستقبال 2');
  await expect(rows.nth(1)).toHaveAttribute('data-kind', 'read');
  await expect(rows.nth(1)).toContainText('فتح ملف مستفيد كاملاً');

  await rows.nth(0).getByTestId('audit-details').click();
  const fields = page.getByTestId('audit-fields');
  const field = (name: string) => fields.locator(`[data-testid="audit-field"][data-field="${name}"]`);
  await expect(field('المدينة').getByTestId('audit-before')).toHaveText('—');
  await expect(field('المدينة').getByTestId('audit-after')).toHaveText('حائل');
  await expect(field('الحالة الاجتماعية').getByTestId('audit-after')).toHaveText('أرمل / أرملة');
  await expect(field('أفراد الأسرة › ريان سلمان الشمري › صلة القرابة').getByTestId('audit-after')).toHaveText('ابن');
  // The registration's row lists the file as created; the ID in it shows its last four digits only.
  await rows.nth(2).getByTestId('audit-details').click();
  await expect(page.getByTestId('audit-fields')).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-field"][data-field="رقم الهوية / الوثيقة"]').getByTestId('audit-after')).toHaveText(`******${ID_NUMBER.slice(-4)}`);
  await expect(page.getByTestId('audit-screen')).not.toContainText(ID_NUMBER);
  await rows.nth(0).getByTestId('audit-details').click();
  await screen(page, 'audit-01-beneficiary-before-after');
});

test('Audit trail: narrowed to one user and to refusals, the refused call shows with its desk and reason', async () => {
  await page.getByTestId('audit-clear').click();
  await page.getByTestId('audit-user').click();
  await page.getByRole('option', { name: new RegExp(receptionist.fullName) }).click();
  await page.getByTestId('audit-kind').click();
  await page.getByRole('option', { name: 'رفض', exact: true }).click();
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-operation', 'users.list');
  await expect(rows.first()).toContainText('عرض المستخدمين');
  await expect(rows.first().getByTestId('audit-reason')).toHaveText('ليس من صلاحيات دوره');
  await expect(rows.first()).toContainText('مكتب الاستقبال 2');
  await screen(page, 'audit-02-refused');
});

test('Audit trail: with full IDs asked for, the ID shows whole — the default stays masked', async () => {
  await page.getByTestId('audit-clear').click();
  await page.getByTestId('audit-operation').click();
  await page.getByRole('option', { name: 'تسجيل مستفيد جديد', exact: true }).click();
  await page.getByTestId('audit-beneficiary').fill('وعد الشمري');
  await page.getByRole('option', { name: new RegExp(FULL_NAME) }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await page.getByTestId('audit-row').getByTestId('audit-details').click();
  const id = page.locator('[data-testid="audit-field"][data-field="رقم الهوية / الوثيقة"]').getByTestId('audit-after');
  await expect(id).toHaveText(`******${ID_NUMBER.slice(-4)}`);
  // The details stay open while the list is asked again with full IDs.
  await page.getByTestId('audit-full-ids').click({ force: true });
  await expect(page.locator('[data-testid="audit-field"][data-field="رقم الهوية / الوثيقة"]').getByTestId('audit-after')).toHaveText(ID_NUMBER);
  await screen(page, 'audit-03-full-ids');
});

test('Audit trail: a receptionist has no audit tab', async ({ browser }) => {
  const desk = await openSignedIn(browser, receptionist.username, PASSWORD, DESK_A);
  await expect(desk.getByRole('tab', { name: 'الطابور' })).toBeVisible();
  await expect(desk.getByRole('tab', { name: 'سجل التدقيق' })).toHaveCount(0);
});

test('Audit trail: every one of the administrator\'s tabs fits the 1366-pixel header, at the desk with the longest name', async ({ browser }) => {
  const admin = await openDesk(browser);
  await admin.setViewportSize({ width: 1366, height: 768 });
  await signIn(admin, 'admin', ADMIN_PASSWORD, 'مكتب الباحث الاجتماعي (R)');
  await admin.getByRole('tab', { name: 'سجل التدقيق' }).click();
  await expect(admin.getByTestId('audit-row').first()).toBeVisible();
  const names = ['المتابعة', 'الطابور', 'التواصل', 'الطلبات', 'لجنة البحث', 'الإحالات', 'الشكاوى', 'السجل اليومي', 'التقارير', 'سجل التدقيق', 'الخدمات', 'المستخدمون', 'الإعدادات'];
  await expect(admin.locator('header').getByRole('tab')).toHaveCount(names.length);
  // The contacts tab may carry the count of follow-ups due beside its name.
  for (const name of names) await expect(admin.locator('header').getByRole('tab', { name })).toBeInViewport({ ratio: 1 });
  // The tabs have a row of their own under the date, the user's name, lock and sign-out, which stay clear of each other, right to left.
  const box = async (locator: ReturnType<Page['getByTestId']>) => (await locator.boundingBox())!;
  const tabs = await box(admin.getByRole('tablist'));
  const clock = await box(admin.getByTestId('today-clock'));
  const user = await box(admin.getByTestId('user-menu'));
  const signOut = await box(admin.getByRole('button', { name: 'خروج' }));
  expect(tabs.y, 'the tabs below the top row').toBeGreaterThanOrEqual(user.y + user.height);
  expect(user.x + user.width, 'the user clear of the date').toBeLessThanOrEqual(clock.x);
  expect(signOut.x, 'sign-out inside the window').toBeGreaterThanOrEqual(0);
  await screen(admin, 'audit-04-administrator');
});
