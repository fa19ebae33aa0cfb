import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The catalogue (docs/design.md#a-support-request): service types with their required documents (S2) and
 * the declaration's versioned text (S4), seeded with sensible Arabic defaults, edited by
 * administrators only; what it requires is what the desk's checklist asks for.
 */
let t: TestCore;
let admin: SignedIn;
let desk: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  desk = await signedInAs(t, 'receptionist');
  cat = await loadCatalogue(admin);
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(301))).id;
});
afterAll(() => t.cleanup());

describe('seeded defaults', () => {
  it('Arabic service types, each requiring the applicant\'s ID', () => {
    const services = Object.values(cat.services);
    expect(Object.keys(cat.services).sort()).toEqual(['bills', 'education', 'financial_aid', 'food_basket', 'medical', 'orphans', 'rent', 'seasonal']);
    for (const s of services) {
      expect(isArabicText(s.name) || /[\u0621-\u064A]{3,}/.test(s.name), s.name).toBe(true);
      expect(s.active).toBe(true);
      expect(s.requiredDocuments.map((d) => d.code)).toContain('national_id');
    }
    expect(cat.services.rent!.requiredDocuments.map((d) => d.code).sort()).toEqual(['bank_iban', 'family_register', 'income_proof', 'lease_contract', 'national_id']);
  });

  it('document types: the ID, the lease and the medical report expire; the others do not', () => {
    const expiring = Object.values(cat.documents).filter((d) => d.hasExpiry).map((d) => d.code).sort();
    expect(expiring).toEqual(['lease_contract', 'medical_report', 'national_id']);
  });

  it('declaration version 1, in Arabic, saying the applicant answers for the data (S4)', async () => {
    const d = await desk.ok('catalogue.declaration', {});
    expect(d.version).toBe(1);
    expect(isArabicText(d.text)).toBe(true);
    expect(d.text).toContain('المسؤولية');
  });
});

describe('administrators edit the catalogue', () => {
  it('a new document type and a service requiring it; the desk\'s checklist follows', async () => {
    const doc = await admin.ok('catalogue.saveDocumentType', { name: 'صك الإعالة', hasExpiry: true });
    expect(doc).toMatchObject({ name: 'صك الإعالة', hasExpiry: true, active: true });
    const service = await admin.ok('catalogue.saveService', { name: 'مساعدة الأرامل', requiredDocumentTypeIds: [cat.documents.national_id!.id, doc.id, doc.id] });
    expect(service.requiredDocuments.map((d) => d.id).sort()).toEqual([cat.documents.national_id!.id, doc.id].sort());

    const r = await desk.ok('requests.open', { beneficiaryId, serviceTypeId: service.id, channel: 'letters' });
    expect(r.documents.map((d) => d.name).sort()).toEqual([cat.documents.national_id!.name, 'صك الإعالة'].sort());
  });

  it('a document newly required by a service blocks its requests still at the desk, naming it', async () => {
    const lease = cat.services.food_basket!;
    const r = await requestIn('complete', { desk, committee: admin }, { beneficiaryId, serviceTypeId: lease.id });
    await desk.ok('requests.signDeclaration', { requestId: r.id });
    const submitted = await requestIn('submitted', { desk, committee: admin }, { beneficiaryId, serviceTypeId: lease.id });

    const iban = cat.documents.bank_iban!;
    await admin.ok('catalogue.saveService', { serviceTypeId: lease.id, name: lease.name, requiredDocumentTypeIds: [...lease.requiredDocuments.map((d) => d.id), iban.id] });
    try {
      const missing = fill(ar.messages.documentMissing, { name: iban.name });
      expect((await desk.ok('requests.get', { requestId: r.id })).blockers).toEqual([missing]);
      const before = await requestSnapshot(t, r.id);
      const env = await desk.call('requests.submit', { requestId: r.id });
      expect(!env.ok && env.error).toMatchObject({ code: 'validation', issues: [{ message: missing }] });
      expect(await requestSnapshot(t, r.id)).toEqual(before);

      // A request already with the committee keeps the checklist it was submitted with (S2).
      const sent = await admin.ok('requests.get', { requestId: submitted.id });
      expect(sent.documents.map((d) => [d.documentTypeId, d.status])).toEqual(submitted.documents.map((d) => [d.documentTypeId, d.status]));
    } finally {
      await admin.ok('catalogue.saveService', { serviceTypeId: lease.id, name: lease.name, requiredDocumentTypeIds: lease.requiredDocuments.map((d) => d.id) });
    }
  });

  it('an inactive service is not offered and cannot be used for a new request', async () => {
    const s = await admin.ok('catalogue.saveService', { name: 'خدمة موسمية قديمة', active: false, requiredDocumentTypeIds: [] });
    expect((await desk.ok('catalogue.services', {})).map((x) => x.id)).not.toContain(s.id);
    expect((await desk.ok('catalogue.services', { includeInactive: true })).map((x) => x.id)).toContain(s.id);
    const env = await desk.call('requests.open', { beneficiaryId, serviceTypeId: s.id, channel: 'interview' });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: ar.messages.serviceNotFound });
  });

  it('a service that requires no document goes to the committee on the signature alone', async () => {
    const s = await admin.ok('catalogue.saveService', { name: 'استشارة أسرية', requiredDocumentTypeIds: [] });
    const r = await desk.ok('requests.open', { beneficiaryId, serviceTypeId: s.id, channel: 'website' });
    expect(r).toMatchObject({ state: 'draft', documents: [], blockers: [ar.messages.declarationNotSigned] });
    await desk.ok('requests.signDeclaration', { requestId: r.id });
    const submitted = await desk.ok('requests.submit', { requestId: r.id });
    expect(submitted.state).toBe('submitted');
    // Every move is on the timeline: draft → complete (nothing to provide) → submitted.
    expect(submitted.events.filter((e) => e.toState).map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['open', null, 'draft'],
      ['documents', 'draft', 'complete'],
      ['submit', 'complete', 'submitted'],
    ]);
  });

  it('bad names and unknown ids are refused; nothing written', async () => {
    const audits = await auditCount(t);
    const short = await admin.call('catalogue.saveService', { name: 'أ', requiredDocumentTypeIds: [] });
    expect(!short.ok && short.error).toMatchObject({ code: 'validation', issues: [{ path: ['name'], message: ar.messages.nameTooShort }] });
    const unknownDoc = await admin.call('catalogue.saveService', { name: 'خدمة تجريبية', requiredDocumentTypeIds: [99999] });
    expect(!unknownDoc.ok && unknownDoc.error.code).toBe('not_found');
    const unknownService = await admin.call('catalogue.saveService', { serviceTypeId: 99999, name: 'خدمة تجريبية', requiredDocumentTypeIds: [] });
    expect(!unknownService.ok && unknownService.error.code).toBe('not_found');
    expect(await auditCount(t)).toBe(audits);
  });

  it('only administrators: a receptionist or supervisor is forbidden', async () => {
    const supervisor = await signedInAs(t, 'supervisor');
    for (const who of [desk, supervisor]) {
      const env = await who.call('catalogue.saveDocumentType', { name: 'مستند جديد', hasExpiry: false });
      expect(!env.ok && env.error.code).toBe('forbidden');
    }
  });
});

describe('the declaration text is versioned (S4)', () => {
  it('a new text is a new version; a signature keeps the version it was made on', async () => {
    const before = await requestIn('draft', { desk, committee: admin }, { beneficiaryId, serviceTypeId: cat.services.seasonal!.id });
    const signedOnV1 = await desk.ok('requests.signDeclaration', { requestId: before.id });
    expect(signedOnV1.declaration!.version).toBe(1);

    const text = 'أقر بصحة جميع البيانات والمستندات المقدمة في هذا الطلب، وأتحمل المسؤولية الكاملة عنها، وأوافق على التحقق منها.';
    const v2 = await admin.ok('catalogue.publishDeclaration', { text });
    expect(v2).toMatchObject({ version: 2, text });
    // Publishing the same text again is not a new version, and writes nothing.
    const audits = await auditCount(t);
    expect((await admin.ok('catalogue.publishDeclaration', { text })).version).toBe(2);
    expect(await auditCount(t)).toBe(audits);

    expect((await desk.ok('requests.get', { requestId: before.id })).declaration!.version).toBe(1);
    const after = await requestIn('draft', { desk, committee: admin }, { beneficiaryId, serviceTypeId: cat.services.seasonal!.id });
    expect((await desk.ok('requests.signDeclaration', { requestId: after.id })).declaration!.version).toBe(2);

    const short = await admin.call('catalogue.publishDeclaration', { text: 'أقر' });
    expect(!short.ok && short.error).toMatchObject({ code: 'validation', issues: [{ message: ar.messages.declarationTooShort }] });
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
