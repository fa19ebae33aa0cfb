import { expect, test } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { ar } from '@shared/labels/ar';
import { SAMPLE_JPEG, samplePdf } from '../helpers/sample-files';
import { addStaff, ADMIN_PASSWORD, adminApi, apiSession, dismissNotices, openSignedIn, screen } from './support/desk';

/**
 * Attachments checked by content (docs/architecture.md#security), from the browser desk through the loopback shell: a file
 * that only starts like a PDF is refused with its Arabic reason on the document's row, and a real scan
 * whose name hides its type behind a bidi override (U+202E) is listed under a clean name of its real type.
 * Independent of the other specs: it makes its own users and data.
 */
const PASSWORD = 'staff-pass-7';
const run = Date.now() % 1_000_000;
const receptionist = { username: `att${run}`, fullName: 'هيفاء ناصر الدوسري' };
const FAMILY_REGISTER = 'سجل الأسرة';

let requestNumber: string;
let call: Awaited<ReturnType<typeof apiSession>>;

test.beforeAll(async () => {
  call = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' });
  const person = (await call('beneficiaries.register', {
    firstName: 'منيرة',
    fatherName: 'فهد',
    grandfatherName: 'سالم',
    familyName: 'الدوسري',
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_700_000 + (run % 99_999)) },
    mobile: `05${String(run).padStart(8, '6')}`,
  })) as { id: number };
  const services = (await call('catalogue.services', {})) as { id: number; name: string }[];
  const rent = services.find((s) => s.name === 'مساعدة إيجار') ?? services[0]!;
  requestNumber = ((await call('requests.open', { beneficiaryId: person.id, serviceTypeId: rent.id, channel: 'interview' })) as { number: string }).number;
});

test('a file that only starts like a PDF is refused with its reason; a scan named «fdp.exe» behind a right-to-left override is kept as fdp.jpg', async ({ browser }) => {
  const desk = await openSignedIn(browser, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  await desk.getByTestId('search-input').fill(requestNumber);
  await desk.getByTestId('search-input').press('Enter');
  await expect(desk.getByTestId('request-number')).toHaveText(requestNumber);

  const row = desk.locator(`[data-testid="document-row"][data-document="${FAMILY_REGISTER}"]`);
  const picker = row.locator('input[type="file"]');
  await picker.setInputFiles({ name: 'سجل.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-<html><script>alert(1)</script></html>') });
  await expect(row.getByTestId('attach-error')).toHaveText(ar.messages.pdfDamaged);
  await expect(row.getByTestId('attachment')).toHaveCount(0);
  await screen(desk, '71-attachment-refused-by-content-1366');

  await picker.setInputFiles({ name: '\u202Efdp.exe', mimeType: 'image/jpeg', buffer: SAMPLE_JPEG });
  await expect(row.getByTestId('attachment')).toContainText('fdp.jpg');
  await picker.setInputFiles({ name: 'سجل الأسرة كاملاً.pdf', mimeType: 'application/pdf', buffer: await samplePdf(2) });
  await expect(row.getByTestId('attachment').filter({ hasText: 'سجل الأسرة كاملاً.pdf' })).toHaveCount(1);
  await expect(row.getByTestId('attach-error')).toHaveCount(0);
  // The notices would hide the row.
  await dismissNotices(desk);
  await row.scrollIntoViewIfNeeded();
  await screen(desk, '72-attachment-clean-names-1366');
  await desk.close();
});
