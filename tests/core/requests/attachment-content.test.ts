import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@shared/contract/requests';
import { ar } from '@shared/labels/ar';
import { checkPdf, PDF_CHECK_BUDGET } from '../../../electron/core/uploads/pdf-check';
import { inspectUpload } from '../../../electron/core/uploads/inspect-upload';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../../helpers/sample-files';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { keptFiles } from '../../helpers/stored-files';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { holdWriteLock } from '../../helpers/write-lock';

/**
 * Attachments checked by content (docs/architecture.md#security): a file is taken as what it is, not as what its first bytes
 * or its name claim. Strict base64 only; a PDF must open in pdf.js (within a budget of time and pages),
 * a PNG or JPEG must have a header a decoder reads; the name kept is cleaned of folders, control and
 * bidi characters and ends with the real type's extension. Every refusal is in Arabic and writes nothing.
 */
let t: TestCore;
let desk: SignedIn;
let cat: Catalogue;
let requestId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { fullName: 'ريم خالد الشهري' });
  cat = await loadCatalogue(desk);
  const b = await desk.ok('beneficiaries.register', beneficiaryInput(8_801));
  requestId = (await requestIn('incomplete', { desk, committee: desk }, { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id })).id;
});
afterAll(() => t.cleanup());

const PDF = await samplePdf();
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

/** The scans the store keeps, where it keeps them (the data folder, or the database on PostgreSQL). */
const filesOnDisk = () => keptFiles(t, 'attachments');

const attachText = (fileName: string, dataBase64: string) =>
  desk.call('requests.attach', { requestId, purpose: 'document', documentTypeId: cat.documents.family_register!.id, fileName, dataBase64 });

/** A PNG with its IHDR changed by `edit`, its checksum made right again unless `keepCrc`. */
function pngWith(edit: (ihdr: Buffer) => void, keepCrc = false): Buffer {
  const png = Buffer.from(SAMPLE_PNG);
  edit(png.subarray(16, 29));
  if (!keepCrc) png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** The real JPEG with its frame header (SOF0) turned into an application segment: a scan with no frame. */
function jpegWithoutFrame(): Buffer {
  const jpeg = Buffer.from(SAMPLE_JPEG);
  const at = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg[at + 1] = 0xe1;
  return jpeg;
}

/** Two pages, the second a page-tree node that is its own child: fine to page 1, a loop at page 2. */
const LOOPING_PDF = Buffer.from(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
4 0 obj << /Type /Pages /Kids [4 0 R] /Count 1 >> endobj
trailer << /Root 1 0 R /Size 5 >>
%%EOF
`);

const NO_PAGES_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

describe('refused for what the file is, in Arabic, with nothing written', () => {
  const cases: [label: string, fileName: string, dataBase64: string, message: string][] = [
    ['%PDF-<html>…: starts like a PDF, does not open as one', 'هوية.pdf', b64('%PDF-<html><body><script>alert(1)</script></body></html>'), ar.messages.pdfDamaged],
    ['six bytes that only start like a PDF («%PDF-1»)', 'scan.pdf', 'JVBERi0x', ar.messages.pdfDamaged],
    ['lenient base64: «JVBERi0», five bytes without their padding', 'scan.pdf', 'JVBERi0', ar.messages.fileEncoding],
    ['lenient base64: unused bits set («JVBERi0xLjR=» for «%PDF-1.4»)', 'scan.pdf', 'JVBERi0xLjR=', ar.messages.fileEncoding],
    ['lenient base64: padding in the middle', 'scan.pdf', 'JVBE=i0xLjQ=', ar.messages.fileEncoding],
    ['lenient base64: a space inside', 'scan.pdf', 'JVBE Ri0xLjQ', ar.messages.fileEncoding],
    ['lenient base64: broken into lines of 76', 'scan.pdf', b64(PDF).replace(/.{76}/g, '$&\n'), ar.messages.fileEncoding],
    ['lenient base64: the URL alphabet', 'scan.png', b64(SAMPLE_PNG).replaceAll('/', '_').replaceAll('+', '-'), ar.messages.fileEncoding],
    ['a PDF with no page', 'scan.pdf', b64(NO_PAGES_PDF), ar.messages.pdfNoPages],
    ['a PDF cut in half', 'scan.pdf', b64(PDF.subarray(0, PDF.length >> 1)), ar.messages.pdfDamaged],
    ['a PDF whose page tree loops on itself', 'scan.pdf', b64(LOOPING_PDF), ar.messages.pdfDamaged],
    ['a PNG whose header fails its checksum', 'scan.png', b64(pngWith((h) => h.writeUInt32BE(5, 0), true)), ar.messages.pngDamaged],
    ['a PNG with an impossible colour depth', 'scan.png', b64(pngWith((h) => (h[8] = 7))), ar.messages.pngDamaged],
    ['a PNG cut off before its end', 'scan.png', b64(SAMPLE_PNG.subarray(0, SAMPLE_PNG.length - 12)), ar.messages.pngDamaged],
    ['a PNG claiming 20,000 × 20,000 pixels', 'scan.png', b64(pngWith((h) => (h.writeUInt32BE(20_000, 0), h.writeUInt32BE(20_000, 4)))), ar.messages.imageTooLarge],
    ['a JPEG whose scan comes with no frame header', 'scan.jpg', b64(jpegWithoutFrame()), ar.messages.jpegDamaged],
    ['a JPEG cut inside its header', 'scan.jpg', b64(SAMPLE_JPEG.subarray(0, 300)), ar.messages.jpegDamaged],
    ['a JPEG start followed by filler', 'scan.jpg', b64(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 7)])), ar.messages.jpegDamaged],
  ];

  it.each(cases)('%s', async (_label, fileName, dataBase64, message) => {
    const before = await requestSnapshot(t, requestId);
    const files = await filesOnDisk();
    const env = await attachText(fileName, dataBase64);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.message).toContain(message);
    expect(isArabicText(env.error.message)).toBe(true);
    expect(env.error.issues?.[0]).toMatchObject({ path: ['dataBase64'], message });
    expect(await requestSnapshot(t, requestId)).toEqual(before);
    expect(await filesOnDisk()).toEqual(files);
  });

  it('a PDF locked with a password is refused, saying so', async () => {
    const env = await attachText('scan.pdf', b64(await samplePdf(1, 'secret')));
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: ar.messages.pdfEncrypted });
  });

  it('the reference shelf takes a PDF only if it opens: %PDF-<html>… is refused there too', async () => {
    const admin = await signedInAs(t, 'admin');
    const before = await requestSnapshot(t, requestId);
    const env = await admin.call('documents.replaceReference', { shelf: 'T1', pdfBase64: b64('%PDF-<html></html>') });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: ar.messages.pdfDamaged, issues: [{ path: ['pdfBase64'] }] });
    const lenient = await admin.call('documents.replaceReference', { shelf: 'T1', pdfBase64: 'JVBERi0' });
    expect(!lenient.ok && lenient.error.message).toContain(ar.messages.fileEncoding);
    expect(await requestSnapshot(t, requestId)).toEqual(before);
    expect(await keptFiles(t, 'reference')).toEqual([]);
  });

  it('the file is opened before the write transaction: a refusal comes back while another desk holds the write lock', async () => {
    // Another desk's process in the middle of a write, as during a long check-in.
    const other = await holdWriteLock(t);
    try {
      const env = await attachText('scan.pdf', b64('%PDF-<html></html>'));
      expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: ar.messages.pdfDamaged });
    } finally {
      await other.release();
    }
  });
});

describe('the name a scan is kept under', () => {
  const cases: [given: string, bytes: Buffer, kept: string][] = [
    ['../../etc/passwd', PDF, 'passwd.pdf'],
    ['\u202Efdp.exe', PDF, 'fdp.pdf'],
    ['a\u0000b.pdf', PDF, 'ab.pdf'],
    ['..\\..\\Windows\\سجل الأسرة.pdf', PDF, 'سجل الأسرة.pdf'],
    ['\u2067هوية المستفيد\u2069.png', SAMPLE_PNG, 'هوية المستفيد.png'],
    ['صورة الهوية.JPEG', SAMPLE_JPEG, 'صورة الهوية.JPEG'],
    ['scan\r\n\t.pdf', SAMPLE_JPEG, 'scan.jpg'],
    ['..', SAMPLE_PNG, `${ar.requests.attachmentFallbackName}.png`],
  ];

  it.each(cases)('%j → %s', async (given, bytes, kept) => {
    const env = await attachText(given, b64(bytes));
    expect(env.ok, JSON.stringify(env)).toBe(true);
    if (!env.ok) return;
    const view = env.value;
    expect(view.fileName).toBe(kept);
    const row = await t.db.selectFrom('attachments').select(['file_name', 'stored_name']).where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(row.file_name).toBe(kept);
    // On disk the scan is named by its checksum, inside its request's folder: nothing of the given name.
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(row.stored_name).toMatch(new RegExp(`^${requestId}[/\\\\]${sha}\\.(pdf|png|jpg)$`));
    const request = await desk.ok('requests.get', { requestId });
    expect(request.events.at(-1)).toMatchObject({ action: 'attach', note: kept });
  });

  it('nothing named after what was given exists anywhere in the data folder or among the kept files', async () => {
    const all = [...(readdirSync(t.dataDir, { recursive: true }) as string[]), ...(await keptFiles(t, 'attachments'))];
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((p) => /passwd|fdp|exe|etc|Windows/.test(p))).toEqual([]);
  });
});

describe('a PDF is opened within a budget (pdf.js in a worker thread)', () => {
  it('pages: only the first pages are loaded — a loop at page 2 passes a one-page budget and fails a two-page one', async () => {
    expect(await checkPdf(LOOPING_PDF, { ...PDF_CHECK_BUDGET, pages: 1 })).toEqual({ ok: true, pages: 2 });
    expect(await checkPdf(LOOPING_PDF, { ...PDF_CHECK_BUDGET, pages: 2 })).toEqual({ ok: false, reason: 'damaged' });
  });

  it('time: a check over its budget is ended and refused as too complex, in Arabic, and the next check still answers', async () => {
    const rule = { field: 'dataBase64', kinds: ['pdf'] as const, maxBytes: ATTACHMENT_MAX_BYTES, tooLarge: 'x', wrongKind: 'y' };
    // Another memory budget takes a worker of its own, which must load pdf.js before it can answer: far
    // beyond 1 ms however busy the machine (a warm worker could answer a one-page file in a blink).
    await expect(inspectUpload(b64(PDF), rule, { ...PDF_CHECK_BUDGET, timeMs: 1, memoryMb: PDF_CHECK_BUDGET.memoryMb + 1 })).rejects.toMatchObject({ code: 'validation', message: ar.messages.pdfTooComplex });
    expect(await checkPdf(PDF)).toEqual({ ok: true, pages: 1 });
  });

  it('several scans at once all get their answer', async () => {
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => samplePdf(n)));
    const verdicts = await Promise.all([...pdfs.map((p) => checkPdf(p)), checkPdf(Buffer.from('%PDF-<html>'))]);
    expect(verdicts).toEqual([1, 2, 3, 4, 5].map((pages) => ({ ok: true, pages })).concat([{ ok: false, reason: 'damaged' } as never]));
  });
});

it('no internal errors were logged', () => {
  expect(t.internalErrors).toEqual([]);
});
