import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@shared/contract/requests';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { paddedTo, SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../../helpers/sample-files';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { keptBytes, keptContents, keptFiles } from '../../helpers/stored-files';
import { openTestCore, storeBytes, type TestCore } from '../../helpers/test-core';
import { refOf } from '../../../electron/core/store/files/file-store';

/**
 * S2 / S4 scans: a PDF, PNG or JPEG up to 10 MB — judged by its bytes, not its name — kept with its
 * SHA-256 recorded, never in a row of the request's tables: a file in <dataDir>/attachments on SQLite,
 * in the database's own files on PostgreSQL (docs/architecture.md#files-filestore). Anything else gets an Arabic message and leaves
 * neither a row nor a file behind.
 */
let t: TestCore;
let desk: SignedIn;
let cat: Catalogue;
let requestId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { fullName: 'ريم خالد الشهري' });
  cat = await loadCatalogue(desk);
  const b = await desk.ok('beneficiaries.register', beneficiaryInput(81));
  requestId = (await requestIn('incomplete', { desk, committee: desk }, { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id })).id;
});
afterAll(() => t.cleanup());

/** The scans the store keeps, where it keeps them. */
const filesOnDisk = () => keptFiles(t, 'attachments');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// Real files, as a scanner or a phone makes them: they open as what they are.
const PNG = SAMPLE_PNG;
const PDF = await samplePdf();
const JPEG = SAMPLE_JPEG;
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00]), Buffer.from('This program cannot be run in DOS mode.')]);

const attach = (fileName: string, bytes: Buffer, extra: { documentTypeId?: number; purpose?: 'document' | 'declaration' } = {}) =>
  desk.call('requests.attach', { requestId, purpose: extra.purpose ?? 'document', documentTypeId: extra.documentTypeId, fileName, dataBase64: bytes.toString('base64') });

describe('refused by content or size: Arabic message, no row, no file', () => {
  it.each([
    ['an .exe renamed to .pdf', 'هوية.pdf', EXE, ar.messages.attachmentType],
    ['an HTML page named .png', 'scan.png', Buffer.from('<html><body>not an image</body></html>'), ar.messages.attachmentType],
    ['a GIF image (not one of the accepted types)', 'scan.jpg', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), ar.messages.attachmentType],
    ['a PDF cut off before its header ends', 'scan.pdf', Buffer.from('%PD'), ar.messages.attachmentType],
    ['a PDF one byte over 10 MB', 'big.pdf', paddedTo(PDF, ATTACHMENT_MAX_BYTES + 1), ar.messages.attachmentTooLarge],
    ['a PDF of 11 MB', 'bigger.pdf', paddedTo(PDF, 11 * 1024 * 1024), ar.messages.attachmentTooLarge],
  ])('%s', async (_label, fileName, bytes, message) => {
    const before = await requestSnapshot(t, requestId);
    const files = await filesOnDisk();
    const env = await attach(fileName, bytes, { documentTypeId: cat.documents.national_id!.id });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.message).toContain(message);
    expect(isArabicText(env.error.message)).toBe(true);
    expect(env.error.issues?.[0]).toMatchObject({ path: ['dataBase64'], message });
    expect(await requestSnapshot(t, requestId)).toEqual(before);
    expect(await filesOnDisk()).toEqual(files);
  });

  it('base64 that is empty or not base64 at all', async () => {
    const before = await requestSnapshot(t, requestId);
    const empty = await desk.call('requests.attach', { requestId, purpose: 'document', fileName: 'a.pdf', dataBase64: '' });
    expect(!empty.ok && empty.error.code).toBe('validation');
    const garbage = await desk.call('requests.attach', { requestId, purpose: 'document', fileName: 'a.pdf', dataBase64: '!!!!' });
    expect(!garbage.ok && garbage.error).toMatchObject({ code: 'validation', message: expect.stringContaining(ar.messages.fileEncoding) });
    expect(await requestSnapshot(t, requestId)).toEqual(before);
  });

  it('a scan for a request that does not exist → not_found, no file', async () => {
    const files = await filesOnDisk();
    const env = await desk.call('requests.attach', { requestId: 424242, purpose: 'document', fileName: 'a.png', dataBase64: PNG.toString('base64') });
    expect(!env.ok && env.error).toMatchObject({ code: 'not_found', message: ar.messages.requestNotFound });
    expect(await filesOnDisk()).toEqual(files);
  });
});

describe('accepted scans are kept by the store, checksummed', () => {
  it.each([
    ['a PNG', 'هوية.png', PNG, 'image/png', 'png', 'هوية.png'],
    ['a PDF', 'سجل الأسرة.pdf', PDF, 'application/pdf', 'pdf', 'سجل الأسرة.pdf'],
    ['a JPEG', 'photo.jpeg', JPEG, 'image/jpeg', 'jpg', 'photo.jpeg'],
    ['a PNG named .pdf (the bytes decide, the kept name too)', 'scan.pdf', Buffer.concat([PNG, Buffer.from('x')]), 'image/png', 'png', 'scan.png'],
  ])('%s', async (_label, given, bytes, mimeType, ext, fileName) => {
    const env = await attach(given, bytes, { documentTypeId: cat.documents.family_register!.id });
    expect(env.ok, JSON.stringify(env)).toBe(true);
    if (!env.ok) return;
    const view = env.value as { id: number; sha256: string; size: number; mimeType: string; fileName: string; uploadedBy: string };
    expect(view).toMatchObject({ fileName, mimeType, size: bytes.length, sha256: sha256(bytes), uploadedBy: 'ريم خالد الشهري' });

    const row = await t.db.selectFrom('attachments').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(row.stored_name).toBe(join(String(requestId), `${view.sha256}.${ext}`));
    const onDisk = (await keptBytes(t, refOf('attachments', row.stored_name)))!;
    expect(sha256(onDisk)).toBe(view.sha256);
    expect(onDisk.equals(bytes)).toBe(true);
    // Nothing of the scan itself in the row: short text columns only.
    for (const [column, value] of Object.entries(row)) {
      expect(Buffer.isBuffer(value), column).toBe(false);
      if (typeof value === 'string') expect(value.length, column).toBeLessThan(300);
    }

    const back = await desk.ok('requests.attachment', { attachmentId: view.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(bytes)).toBe(true);
    const request = await desk.ok('requests.get', { requestId });
    const docs = request.documents.find((d) => d.documentTypeId === cat.documents.family_register!.id)!;
    expect(docs.attachments.map((a) => a.id)).toContain(view.id);
    expect(request.events.at(-1)).toMatchObject({ action: 'attach', note: fileName });
  });

  it('exactly 10 MB is accepted: outside the SQLite file (which does not grow by it), inside PostgreSQL (which does)', async () => {
    const bytes = paddedTo(PDF, ATTACHMENT_MAX_BYTES);
    const before = await storeBytes(t);
    const env = await attach('تقرير طبي كامل.pdf', bytes);
    expect(env.ok, JSON.stringify(!env.ok && env.error)).toBe(true);
    const growth = (await storeBytes(t)) - before;
    if (t.store.kind === 'sqlite') expect(growth).toBeLessThan(1024 * 1024);
    else expect(growth).toBeGreaterThan(ATTACHMENT_MAX_BYTES);
    expect((env as { value: { size: number } }).value.size).toBe(ATTACHMENT_MAX_BYTES);
  });

  it('the same scan twice is one file, two rows', async () => {
    const bytes = Buffer.concat([PNG, Buffer.from('same scan')]);
    const a = await attach('one.png', bytes);
    const filesAfterFirst = await filesOnDisk();
    const contentsAfterFirst = await keptContents(t);
    const b = await attach('two.png', bytes);
    expect(a.ok && b.ok).toBe(true);
    expect(await filesOnDisk()).toEqual(filesAfterFirst);
    expect(await keptContents(t)).toBe(contentsAfterFirst);
    const rows = await t.db.selectFrom('attachments').select('stored_name').where('sha256', '=', sha256(bytes)).execute();
    expect(rows).toHaveLength(2);
  });

  it('the signed declaration\'s scan is listed with the declaration, not with a document (S4)', async () => {
    const env = await attach('الإقرار الموقع.pdf', PDF, { purpose: 'declaration', documentTypeId: cat.documents.national_id!.id });
    expect(env.ok).toBe(true);
    const request = await desk.ok('requests.get', { requestId });
    const id = (env as { value: { id: number } }).value.id;
    expect(request.declarationScans.map((a) => a.id)).toContain(id);
    expect(request.documents.flatMap((d) => d.attachments).map((a) => a.id)).not.toContain(id);
  });

  it('no table of rows holds a file: no BLOB column, and on PostgreSQL bytea only in its files\' contents', async () => {
    const tables = await t.db.introspection.getTables();
    expect(tables.map((x) => x.name)).toContain('attachments');
    // SQLite's FTS5 name index keeps its own blocks as BLOBs: the engine's, not ours.
    const binary = tables
      .filter((x) => !x.name.includes('fts'))
      .flatMap(({ name, columns }) => columns.filter((c) => /^(BLOB|bytea)$/i.test(c.dataType)).map((c) => `${name}.${c.name}`));
    expect(binary).toEqual(t.store.kind === 'postgres' ? ['file_contents.content'] : []);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
