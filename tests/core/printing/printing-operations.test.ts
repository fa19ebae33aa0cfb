import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, requestIn } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { keptFiles } from '../../helpers/stored-files';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { pdfText } from './pdf-text';

/** The printed documents as the desk asks for them (T4, S4, S5), read back through pdf.js. */
describe('documents.* operations on a real store', () => {
  let core: TestCore;
  let desk: SignedIn;
  let supervisor: SignedIn;
  let beneficiaryId: number;
  let serviceTypeId: number;
  const bytes = (v: { pdfBase64: string }) => Buffer.from(v.pdfBase64, 'base64');

  beforeAll(async () => {
    core = await openTestCore({ now: '2026-03-05T06:30:00Z' });
    desk = await signedInAs(core, 'receptionist');
    supervisor = await signedInAs(core, 'supervisor');
    beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(901, ['خالد', 'ناصر', 'سعد', 'الدوسري']))).id;
    serviceTypeId = (await loadCatalogue(desk)).services.food_basket!.id;
  }, 60_000);
  afterAll(() => core.close());

  it('a queue ticket holds its number and reason; a failed printing shows on the visit as not printed', async () => {
    const visit = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry' });
    const pdf = await desk.ok('documents.ticket', { visitId: visit.id });
    expect(bytes(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes(pdf));
    expect(text.text).toContain(visit.ticket);
    expect(text.text).toContain('استفسار');
    expect((await desk.ok('visits.get', { visitId: visit.id })).ticketPrinted).toBeNull();
    await desk.ok('documents.ticketPrinted', { visitId: visit.id, printed: false, failure: 'الطابعة غير متصلة' });
    expect((await desk.ok('visits.get', { visitId: visit.id })).ticketPrinted).toBe(false);
    await desk.ok('documents.ticketPrinted', { visitId: visit.id, printed: true });
    expect((await desk.ok('visits.get', { visitId: visit.id })).ticketPrinted).toBe(true);
  });

  it('printing the declaration twice records two printings of the same version, not a new version (S4)', async () => {
    const request = await requestIn('complete', { desk, committee: supervisor }, { beneficiaryId, serviceTypeId });
    const first = await desk.ok('documents.declaration', { requestId: request.id });
    await desk.ok('documents.declaration', { requestId: request.id });
    const text = await pdfText(bytes(first));
    expect(text.text).toContain('خالدناصرسعدالدوسري');
    const view = await desk.ok('requests.get', { requestId: request.id });
    expect(view.declarationPrintings.map((p) => p.version)).toEqual([1, 1]);
    expect((await desk.ok('catalogue.declaration', {})).version).toBe(1);
  });

  it('the receipt exists only once the request went to the committee, with its number (S5)', async () => {
    const open = await requestIn('complete', { desk, committee: supervisor }, { beneficiaryId, serviceTypeId });
    const early = await desk.call('documents.receipt', { requestId: open.id });
    expect(!early.ok && early.error.message).toBe('يُطبع الإيصال بعد رفع الطلب للجنة.');
    const submitted = await requestIn('submitted', { desk, committee: supervisor }, { beneficiaryId, serviceTypeId });
    const text = await pdfText(bytes(await desk.ok('documents.receipt', { requestId: submitted.id })));
    expect(text.text).toContain(submitted.number);
  });

  it('the pre-filled form carries the applicant and the request; the blank one carries neither', async () => {
    const request = await requestIn('incomplete', { desk, committee: supervisor }, { beneficiaryId, serviceTypeId });
    const filled = await pdfText(bytes(await desk.ok('documents.requestForm', { requestId: request.id })));
    expect(filled.text).toContain(request.number);
    expect(filled.text).toContain('خالدناصرسعدالدوسري');
    const blank = await pdfText(bytes(await desk.ok('documents.requestForm', {})));
    expect(blank.text).not.toContain('خالدناصرسعدالدوسري');
    expect(blank.text).not.toMatch(/undefined|null|NaN/);
  });

  it('the daily register is the supervisors\', and lists the day\'s tickets', async () => {
    const refused = await desk.call('documents.dailyRegister', {});
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const queue = await supervisor.ok('visits.queue', {});
    const text = await pdfText(bytes(await supervisor.ok('documents.dailyRegister', { day: queue.day })));
    for (const v of queue.visits) expect(text.text).toContain(v.ticket);
  });

  it('the reference shelf ships placeholders; an administrator replaces one with a PDF, and only a PDF', async () => {
    const admin = await signedInAs(core, 'admin');
    const shelf = await desk.ok('documents.referenceShelf', {});
    expect(shelf.map((s) => [s.shelf, s.isPlaceholder])).toEqual([['T1', true], ['T2', true], ['T3', true], ['T4', false]]);
    const placeholder = await pdfText(bytes(await desk.ok('documents.reference', { shelf: 'T1' })));
    expect(placeholder.text).toContain('اللائحةالأساسيةللجمعية');

    const notPdf = await admin.call('documents.replaceReference', { shelf: 'T2', pdfBase64: Buffer.from('MZ not a pdf').toString('base64') });
    expect(!notPdf.ok && notPdf.error.message).toBe('يُقبل ملف PDF فقط للمراجع.');
    const own = bytes(await desk.ok('documents.requestForm', {}));
    const replaced = await admin.ok('documents.replaceReference', { shelf: 'T2', pdfBase64: own.toString('base64') });
    expect(replaced.isPlaceholder).toBe(false);
    expect(bytes(await desk.ok('documents.reference', { shelf: 'T2' }))).toEqual(own);
    expect(await keptFiles(core, 'reference')).toHaveLength(1);
    const byDesk = await desk.call('documents.replaceReference', { shelf: 'T3', pdfBase64: own.toString('base64') });
    expect(!byDesk.ok && byDesk.error.code).toBe('forbidden');
  });
});
