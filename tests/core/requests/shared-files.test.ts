import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { keepPrintedCopy } from '../../../electron/core/printing/printed-copies';
import { refOf, sha256Of } from '../../../electron/core/store/files/file-store';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, type Catalogue } from '../../helpers/requests';
import { SAMPLE_PNG, samplePdf } from '../../helpers/sample-files';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { keptBytes, keptContents, keptFiles, removeKeptFile, tamperWithKeptFile } from '../../helpers/stored-files';
import { auditCount, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Scans, reference PDFs and printed copies are kept by the store's file store — files in the
 * data folder on SQLite, the database itself on PostgreSQL — so every desk's process on the store reads
 * them: desk B is another process on desk A's store (on PostgreSQL another PC, with a data folder of its
 * own that never holds them). The same bytes are kept once, and a file gone or changed since it was
 * kept answers in Arabic instead of showing something else.
 */
let a: TestCore;
let b: TestCore;
let deskA: SignedIn;
let deskB: SignedIn;
let adminB: SignedIn;
let cat: Catalogue;
let requestId: number;
let otherRequestId: number;

beforeAll(async () => {
  a = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  deskA = await signedInAs(a, 'receptionist', { fullName: 'ريم خالد الشهري' });
  b = await openTestCore({ sameStoreAs: a, now: a.clock });
  deskB = await signedInAs(b, 'receptionist', { deskId: 2 });
  adminB = await signedInAs(b, 'admin', { deskId: 2 });
  cat = await loadCatalogue(deskA);
  const one = await deskA.ok('beneficiaries.register', beneficiaryInput(9_101));
  const two = await deskA.ok('beneficiaries.register', beneficiaryInput(9_102));
  requestId = (await requestIn('incomplete', { desk: deskA, committee: deskA }, { beneficiaryId: one.id, serviceTypeId: cat.services.food_basket!.id })).id;
  otherRequestId = (await requestIn('incomplete', { desk: deskA, committee: deskA }, { beneficiaryId: two.id, serviceTypeId: cat.services.food_basket!.id })).id;
});
afterAll(async () => {
  await b?.cleanup();
  await a?.cleanup();
});

const PDF = await samplePdf();
/** A scan of its own per test, so what one test does to its kept copy touches no other. */
const scan = (tag: string) => Buffer.concat([SAMPLE_PNG, Buffer.from(tag)]);
const attach = (s: SignedIn, onRequest: number, bytes: Buffer, fileName = 'هوية.png') =>
  s.ok('requests.attach', { requestId: onRequest, purpose: 'document', documentTypeId: cat.documents.national_id!.id, fileName, dataBase64: bytes.toString('base64') });
const storedNameOf = async (attachmentId: number) =>
  (await a.db.selectFrom('attachments').select('stored_name').where('id', '=', attachmentId).executeTakeFirstOrThrow()).stored_name;

describe('files: a hall of desks reads the same files', () => {
  it('a scan attached at desk A is opened at desk B, byte for byte', async () => {
    const bytes = scan('desk A');
    const view = await attach(deskA, requestId, bytes);
    const opened = await deskB.ok('requests.attachment', { attachmentId: view.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(opened.sha256).toBe(sha256Of(bytes));
    expect(await keptBytes(b, refOf('attachments', await storedNameOf(view.id)))).toEqual(bytes);
    if (a.store.kind === 'postgres') {
      // In the database: neither PC's data folder holds it.
      expect(b.dataDir).not.toBe(a.dataDir);
      expect(existsSync(join(a.dataDir, 'attachments'))).toBe(false);
      expect(existsSync(join(b.dataDir, 'attachments'))).toBe(false);
    }
  });

  it('a reference PDF replaced at desk B is the one desk A opens', async () => {
    await adminB.ok('documents.replaceReference', { shelf: 'T3', pdfBase64: PDF.toString('base64') });
    const opened = await deskA.ok('documents.reference', { shelf: 'T3' });
    expect(Buffer.from(opened.pdfBase64, 'base64').equals(PDF)).toBe(true);
    expect(await keptFiles(a, 'reference')).toEqual([`T3-${sha256Of(PDF).slice(0, 16)}.pdf`]);
  });

  it('a printed copy kept by desk B\'s shell is in the store, and a preview file is handed out and let go', async () => {
    const copy = await keepPrintedCopy(b, 'receipt-1446-00042.pdf', PDF);
    expect(await keptBytes(a, { shelf: 'printed', name: 'receipt-1446-00042.pdf' })).toEqual(PDF);
    expect(existsSync(copy.local.file)).toBe(true);
    await copy.local.release();
    if (b.store.kind === 'postgres') {
      // The preview's file was a private temporary copy; the kept copy stays in the database.
      expect(existsSync(copy.local.file)).toBe(false);
      expect(copy.savedTo).toContain('printed/receipt-1446-00042.pdf');
      expect(isArabicText(copy.savedTo.replace('printed/receipt-1446-00042.pdf', ''))).toBe(true);
    } else {
      expect(copy.savedTo).toBe(join(b.dataDir, 'printed', 'receipt-1446-00042.pdf'));
    }
    // Printed again under the same name: the newer document replaces the older.
    const again = await samplePdf(2);
    await keepPrintedCopy(a, 'receipt-1446-00042.pdf', again).then((c) => c.local.release());
    expect(await keptBytes(b, { shelf: 'printed', name: 'receipt-1446-00042.pdf' })).toEqual(again);
  });
});

describe('files: the same content is kept once', () => {
  it('the same scan attached twice to a request, from two desks, is one kept file and two rows', async () => {
    const bytes = scan('twice');
    const files = (await keptFiles(a, 'attachments')).length;
    const contents = await keptContents(a);
    const first = await attach(deskA, requestId, bytes, 'one.png');
    const second = await attach(deskB, requestId, bytes, 'two.png');
    expect(await keptFiles(a, 'attachments')).toHaveLength(files + 1);
    expect(await keptContents(a)).toBe(contents + 1);
    expect(await storedNameOf(first.id)).toBe(await storedNameOf(second.id));
  });

  it('the same bytes on two requests: one content under two names on PostgreSQL, a file in each request\'s folder on SQLite', async () => {
    const bytes = scan('two requests');
    const contents = await keptContents(a);
    const first = await attach(deskA, requestId, bytes);
    const second = await attach(deskB, otherRequestId, bytes);
    expect(await storedNameOf(first.id)).not.toBe(await storedNameOf(second.id));
    // SQLite keeps a scan in its request's folder (a file per request); PostgreSQL by content alone.
    expect(await keptContents(a)).toBe(contents + (a.store.kind === 'postgres' ? 1 : 2));
  });
});

describe('files: a kept file gone or changed answers in Arabic, at every desk', () => {
  it('a scan whose bytes changed since it was kept is refused, naming what happened; nothing is shown or recorded as read', async () => {
    const view = await attach(deskA, requestId, scan('tampered'));
    await tamperWithKeptFile(a, refOf('attachments', await storedNameOf(view.id)));
    const changes = await auditCount(a);
    const reads = await readsOf(view.id);
    for (const desk of [deskA, deskB]) {
      const env = await desk.call('requests.attachment', { attachmentId: view.id });
      expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.files.changed } });
    }
    expect(isArabicText(ar.files.changed)).toBe(true);
    expect(await auditCount(a)).toBe(changes);
    expect(await readsOf(view.id)).toBe(reads);
  });

  it('a scan gone from the store answers that it is not there', async () => {
    const view = await attach(deskA, requestId, scan('gone'));
    await removeKeptFile(a, refOf('attachments', await storedNameOf(view.id)));
    for (const desk of [deskA, deskB]) {
      expect(await desk.call('requests.attachment', { attachmentId: view.id })).toEqual({ ok: false, error: { code: 'not_found', message: ar.files.missing } });
    }
    expect(isArabicText(ar.files.missing)).toBe(true);
  });

  it('a reference PDF changed since it was kept is refused too', async () => {
    const own = await samplePdf(3);
    await adminB.ok('documents.replaceReference', { shelf: 'T1', pdfBase64: own.toString('base64') });
    await tamperWithKeptFile(a, { shelf: 'reference', name: `T1-${sha256Of(own).slice(0, 16)}.pdf` });
    expect(await deskA.call('documents.reference', { shelf: 'T1' })).toEqual({ ok: false, error: { code: 'conflict', message: ar.files.changed } });
  });

  it('the same scan attached again makes its damaged kept copy whole', async () => {
    const bytes = scan('mended');
    const view = await attach(deskA, requestId, bytes);
    await tamperWithKeptFile(a, refOf('attachments', await storedNameOf(view.id)));
    await attach(deskB, requestId, bytes);
    const opened = await deskA.ok('requests.attachment', { attachmentId: view.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(bytes)).toBe(true);
  });
});

/** The audit trail's reads of one scan. */
async function readsOf(attachmentId: number): Promise<number> {
  const rows = await a.db.selectFrom('audit').select('id').where('kind', '=', 'read').where('entity', '=', 'attachment').where('entity_id', '=', attachmentId).execute();
  return rows.length;
}
