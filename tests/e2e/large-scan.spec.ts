import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { SAMPLE_JPEG } from '../helpers/sample-files';
import { addStaff, ADMIN_PASSWORD, adminApi, apiSession, openDesk, screen, signIn } from './support/desk';

/**
 * A normal scan through the browser desk (README "HTTP API"): the loopback shell once cut every
 * body at 1 MB, so a phone photo of an ID failed with a generic error or a dropped connection. A 9 MB
 * scan now goes from the file picker through the shell into the request, byte for byte.
 * Independent of the other specs: it makes its own users and data.
 */
const PASSWORD = 'staff-pass-7';
const run = Date.now() % 1_000_000;
const receptionist = { username: `scn${run}`, fullName: 'لمى عبدالله الشمري' };
const ID_DOCUMENT = 'صورة الهوية الوطنية / الإقامة';

let requestNumber: string;
let requestId: number;
let call: Awaited<ReturnType<typeof apiSession>>;

test.beforeAll(async () => {
  call = await adminApi(ADMIN_PASSWORD);
  await addStaff(PASSWORD, { ...receptionist, role: 'receptionist' });
  const person = (await call('beneficiaries.register', {
    firstName: 'نوف',
    fatherName: 'سعد',
    grandfatherName: 'مبارك',
    familyName: 'العتيبي',
    identity: { idType: 'national_id', idNumber: nationalIdFor(4_600_000 + (run % 99_999)) },
    mobile: `05${String(run).padStart(8, '5')}`,
  })) as { id: number };
  const services = (await call('catalogue.services', {})) as { id: number; name: string }[];
  const rent = services.find((s) => s.name === 'مساعدة إيجار') ?? services[0]!;
  const request = (await call('requests.open', { beneficiaryId: person.id, serviceTypeId: rent.id, channel: 'interview' })) as { id: number; number: string };
  requestId = request.id;
  requestNumber = request.number;
});

test('HTTP API: a 9 MB scan of the ID attaches from the browser desk through the loopback shell, byte for byte', async ({ browser }) => {
  // Reading, encoding and sending 9 MB takes a while on a busy two-core machine.
  test.setTimeout(120_000);
  const desk = await openDesk(browser);
  await desk.setViewportSize({ width: 1366, height: 768 });
  await signIn(desk, receptionist.username, PASSWORD, 'مكتب الاستقبال 1 (A)');
  // The request number typed into the search box opens the request (as a scanned receipt does).
  await desk.getByTestId('search-input').fill(requestNumber);
  await desk.getByTestId('search-input').press('Enter');
  await expect(desk.getByTestId('request-number')).toHaveText(requestNumber);

  // A phone photo of an ID: a JPEG of 9 MB that does not compress (a real JPEG's header, then noise).
  const scan = Buffer.concat([SAMPLE_JPEG, randomBytes(9 * 1024 * 1024 - SAMPLE_JPEG.length)]);
  const row = desk.locator(`[data-testid="document-row"][data-document="${ID_DOCUMENT}"]`);
  // The picker's own input: no native dialog to wait for (one that did not show under load failed a run).
  await row.locator('input[type="file"]').setInputFiles({ name: 'hawiya-scan.jpg', mimeType: 'image/jpeg', buffer: scan });
  await expect(row.getByTestId('attachment')).toContainText('hawiya-scan.jpg', { timeout: 60_000 });
  await expect(row.getByTestId('attach-error')).toHaveCount(0);
  await expect(desk.getByText('تعذّر الاتصال بالخادم المحلي.')).toHaveCount(0);
  await screen(desk, '70-request-9mb-scan-attached-1366');

  const view = (await call('requests.get', { requestId })) as { documents: { name: string; attachments: { id: number; size: number; sha256: string }[] }[] };
  const [kept] = view.documents.find((d) => d.name === ID_DOCUMENT)!.attachments;
  expect(kept).toMatchObject({ size: scan.length, sha256: createHash('sha256').update(scan).digest('hex') });
  const back = (await call('requests.attachment', { attachmentId: kept!.id })) as { dataBase64: string };
  expect(Buffer.from(back.dataBase64, 'base64').equals(scan)).toBe(true);
  await desk.close();
});
