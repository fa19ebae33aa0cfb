import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentExpiredMessage } from '../../../electron/core/requests/documents-check';
import type { RequestView } from '@shared/contract';
import { formatGregorian } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { normaliseText, pdfText } from '../printing/pdf-text';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { FAR_EXPIRY, loadCatalogue, profileInput, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Documents' dates (S2, docs/design.md#a-support-request): validity on the submission day cannot be skipped by
 * leaving a date empty. A provided document whose type expires needs its expiry; an issue date
 * after today is refused; the identity line is the file's identity — pre-filled from it, and an
 * expired ID saved in the file blocks submission like any other expired document.
 */
let t: TestCore;
let desk: SignedIn;
let cat: Catalogue;
let serial = 700;

/** 09:00 in Riyadh on 10 March 2025. */
const MORNING = '2025-03-10T06:00:00Z';
const TODAY = '2025-03-10';

beforeAll(async () => {
  t = await openTestCore({ now: MORNING });
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  cat = await loadCatalogue(desk);
});
afterAll(() => t.cleanup());

const doc = (code: string) => cat.documents[code]!;
const line = (r: RequestView, code: string) => r.documents.find((d) => d.documentTypeId === doc(code).id)!;

/** A new file; with `idExpiry` the whole file is saved once more with the ID's expiry, as the file page does. */
async function newFile(idExpiry?: string, identity?: { idType: 'passport'; idNumber: string }) {
  const b = await desk.ok('beneficiaries.register', beneficiaryInput(++serial, undefined, identity ? { identity } : {}));
  if (!idExpiry) return b.id;
  const p = await desk.ok('beneficiaries.profile', { beneficiaryId: b.id });
  await desk.ok('beneficiaries.update', { beneficiaryId: b.id, version: p.version, profile: profileInput(p, { idExpiry }) });
  return b.id;
}

const open = (beneficiaryId: number, service = 'food_basket') =>
  desk.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services[service]!.id, channel: 'interview' });

/** A refused setDocument: validation, Arabic message on `path`, nothing written (the file included). */
async function expectRefused(requestId: number, input: Record<string, unknown>, path: string, message: string) {
  const before = await requestSnapshot(t, requestId);
  const env = await desk.call('requests.setDocument', { requestId, version: 0, ...input });
  expect(env.ok, JSON.stringify(env)).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('validation');
  expect(isArabicText(env.error.message), env.error.message).toBe(true);
  expect(env.error.message).toContain(message);
  expect(env.error.issues).toContainEqual({ path: [path], message });
  expect(await requestSnapshot(t, requestId)).toEqual(before);
}

describe('S2: a provided document whose type has an expiry needs its expiry date', () => {
  it('every document type with an expiry is refused «مُقدَّم» without one, the message on the expiry field, nothing written', async () => {
    const withExpiry = Object.values(cat.documents).filter((d) => d.hasExpiry);
    expect(withExpiry.map((d) => d.code).sort()).toEqual(['lease_contract', 'medical_report', 'national_id']);
    const r = await open(await newFile(), 'rent');
    for (const d of withExpiry) {
      await expectRefused(r.id, { documentTypeId: d.id, provided: true }, 'expiryDate', ar.messages.expiryRequired);
      await expectRefused(r.id, { documentTypeId: d.id, provided: true, issueDate: '2024-01-01', expiryDate: '' }, 'expiryDate', ar.messages.expiryRequired);
    }
  });

  it('a document type without an expiry is accepted provided with no date at all', async () => {
    const r = await open(await newFile(), 'rent');
    for (const code of ['family_register', 'income_proof', 'bank_iban']) {
      const v = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc(code).id, version: 0, provided: true });
      expect(line(v, code)).toMatchObject({ provided: true, expiryDate: null, status: 'provided' });
    }
  });

  it('with its expiry the same document is accepted; unticking it needs no date', async () => {
    const r = await open(await newFile(), 'rent');
    const v = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('lease_contract').id, version: 0, provided: true, expiryDate: '2026-01-31' });
    expect(line(v, 'lease_contract')).toMatchObject({ provided: true, expiryDate: '2026-01-31', status: 'provided' });
    const off = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('lease_contract').id, version: line(v, 'lease_contract').version, provided: false });
    expect(line(off, 'lease_contract')).toMatchObject({ provided: false, expiryDate: null, status: 'missing' });
  });

  it('a line provided without its expiry before this rule (an older store) blocks submission, named in Arabic', async () => {
    const r = await open(await newFile(), 'rent');
    await t.store.write((trx) =>
      trx.insertInto('request_documents').values({ request_id: r.id, document_type_id: doc('lease_contract').id, provided: 1, issue_date: null, expiry_date: null, note: null, updated_at: MORNING }).execute(),
    );
    const v = await desk.ok('requests.get', { requestId: r.id });
    expect(line(v, 'lease_contract')).toMatchObject({ provided: true, expiryDate: null, status: 'missing' });
    const undated = fill(ar.messages.documentUndated, { name: doc('lease_contract').name });
    expect(v.blockers).toContain(undated);
    const env = await desk.call('requests.submit', { requestId: r.id });
    expect(!env.ok && env.error.issues?.map((i) => i.message)).toContain(undated);
  });
});

describe('S2: dates that cannot be true', () => {
  it('an issue date after today (in Riyadh) is refused on its field; today itself is accepted', async () => {
    const r = await open(await newFile());
    const familyRegister = doc('family_register').id;
    await expectRefused(r.id, { documentTypeId: familyRegister, provided: true, issueDate: '2025-03-11' }, 'issueDate', ar.messages.issueDateFuture);
    await expectRefused(
      r.id,
      { documentTypeId: doc('national_id').id, provided: true, issueDate: '2030-01-01', expiryDate: '2040-01-01' },
      'issueDate',
      ar.messages.issueDateFuture,
    );
    const v = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: familyRegister, version: 0, provided: true, issueDate: TODAY });
    expect(line(v, 'family_register')).toMatchObject({ issueDate: TODAY, status: 'provided' });
  });

  it('an expiry before the issue date is refused, also when the expiry is the one pre-filled from the file', async () => {
    const r = await open(await newFile('2024-06-01'));
    await expectRefused(
      r.id,
      { documentTypeId: doc('lease_contract').id, provided: true, issueDate: '2025-01-01', expiryDate: '2024-12-31' },
      'expiryDate',
      ar.messages.expiryBeforeIssue,
    );
    // The ID's expiry (1 June 2024) comes from the file; an issue date after it cannot be.
    await expectRefused(r.id, { documentTypeId: doc('national_id').id, provided: true, issueDate: '2025-01-01' }, 'expiryDate', ar.messages.expiryBeforeIssue);
  });
});

describe('S2: the identity line is pre-filled from the beneficiary\'s file', () => {
  it('a file with its ID expiry: the request opens with the ID line provided, with that expiry', async () => {
    const beneficiaryId = await newFile('2027-05-20');
    const r = await open(beneficiaryId);
    expect(line(r, 'national_id')).toMatchObject({ provided: true, expiryDate: '2027-05-20', fromFile: true, status: 'provided' });
    expect(line(r, 'family_register')).toMatchObject({ provided: false, fromFile: false });
    expect(r.blockers).toEqual([fill(ar.messages.documentMissing, { name: doc('family_register').name }), ar.messages.declarationNotSigned]);
    // What the printed form says of the applicant's ID and of the ID line is the same date.
    const profile = await desk.ok('beneficiaries.profile', { beneficiaryId });
    expect(profile.idExpiry).toBe(line(r, 'national_id').expiryDate);
  });

  it('a file with no ID expiry: the ID line stays missing until it is given; once the file has it, the line follows', async () => {
    const beneficiaryId = await newFile();
    const r = await open(beneficiaryId);
    expect(line(r, 'national_id')).toMatchObject({ provided: false, expiryDate: null, fromFile: true, status: 'missing' });
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId });
    await desk.ok('beneficiaries.update', { beneficiaryId, version: p.version, profile: profileInput(p, { idExpiry: '2028-01-01' }) });
    const after = await desk.ok('requests.get', { requestId: r.id });
    expect(line(after, 'national_id')).toMatchObject({ provided: true, expiryDate: '2028-01-01', status: 'provided' });
  });

  it('ticked with no date typed, the ID line takes the file\'s expiry; a new expiry typed on it is saved in the file, audited', async () => {
    const beneficiaryId = await newFile('2026-02-01');
    const r = await open(beneficiaryId);
    const off = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: 0, provided: false });
    expect(line(off, 'national_id')).toMatchObject({ provided: false, status: 'missing' });
    const on = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: line(off, 'national_id').version, provided: true });
    expect(line(on, 'national_id')).toMatchObject({ provided: true, expiryDate: '2026-02-01', status: 'provided' });

    const before = await desk.ok('beneficiaries.profile', { beneficiaryId });
    const fileAudits = async () =>
      (
        await t.db
          .selectFrom('audit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity', '=', 'beneficiary')
          .where('entity_id', '=', beneficiaryId)
          .where('kind', '=', 'change')
          .executeTakeFirstOrThrow()
      ).n;
    const audits = await fileAudits();
    const renewed = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: line(on, 'national_id').version, provided: true, expiryDate: '2035-02-01' });
    expect(line(renewed, 'national_id')).toMatchObject({ expiryDate: '2035-02-01', status: 'provided' });
    const file = await desk.ok('beneficiaries.profile', { beneficiaryId });
    expect(file).toMatchObject({ idExpiry: '2035-02-01', version: before.version + 1, updatedBy: 'نورة سعد العتيبي' });
    expect(Number(await fileAudits())).toBe(Number(audits) + 1);
  });

  it('the printed request form gives the same ID expiry in the applicant\'s section and on the ID line, before and after a renewal on the line', async () => {
    const beneficiaryId = await newFile('2027-05-20');
    const r = await open(beneficiaryId);
    const printed = async () => (await pdfText(Buffer.from((await desk.ok('documents.requestForm', { requestId: r.id })).pdfBase64, 'base64'))).text;
    const times = (text: string, iso: string) => text.split(normaliseText(formatGregorian(iso, 'Asia/Riyadh'))).length - 1;
    expect(times(await printed(), '2027-05-20')).toBe(2);
    await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: 0, provided: true, expiryDate: '2036-11-02' });
    const after = await printed();
    expect(times(after, '2036-11-02')).toBe(2);
    expect(times(after, '2027-05-20')).toBe(0);
  });

  it('a passport file is not the national ID / iqama line: that line is not pre-filled and does not touch the file', async () => {
    const beneficiaryId = await newFile(undefined, { idType: 'passport', idNumber: 'P1234567' });
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId });
    await desk.ok('beneficiaries.update', { beneficiaryId, version: p.version, profile: profileInput(p, { idExpiry: '2029-01-01' }) });
    const r = await open(beneficiaryId);
    expect(line(r, 'national_id')).toMatchObject({ provided: false, fromFile: false });
    await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: 0, provided: true, expiryDate: '2031-01-01' });
    expect((await desk.ok('beneficiaries.profile', { beneficiaryId })).idExpiry).toBe('2029-01-01');
  });
});

describe('S2: an expired ID saved in the file blocks submission like any other expired document', () => {
  /** A food-basket request ready but for its ID: family register provided, declaration signed. */
  async function readyButTheId(beneficiaryId: number) {
    const r = await open(beneficiaryId);
    await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('family_register').id, version: 0, provided: true });
    return desk.ok('requests.signDeclaration', { requestId: r.id });
  }

  it('the file\'s ID expired yesterday: the line is expired and submission is refused naming it, nothing written', async () => {
    const r = await readyButTheId(await newFile('2025-03-09'));
    expect(line(r, 'national_id')).toMatchObject({ provided: true, expiryDate: '2025-03-09', status: 'expired' });
    const expired = documentExpiredMessage(doc('national_id').name, '2025-03-09');
    expect(r.blockers).toEqual([expired]);
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.submit', { requestId: r.id });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: fill(ar.messages.cannotSubmit, { reasons: expired }) });
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('the file\'s ID valid on the submission day: the request submits, and keeps that expiry after the file is renewed', async () => {
    const beneficiaryId = await newFile(TODAY);
    const r = await readyButTheId(beneficiaryId);
    expect(r.blockers).toEqual([]);
    const sent = await desk.ok('requests.submit', { requestId: r.id });
    expect(sent.state).toBe('submitted');
    expect(line(sent, 'national_id')).toMatchObject({ provided: true, expiryDate: TODAY, fromFile: false, status: 'provided' });

    const p = await desk.ok('beneficiaries.profile', { beneficiaryId });
    await desk.ok('beneficiaries.update', { beneficiaryId, version: p.version, profile: profileInput(p, { idExpiry: FAR_EXPIRY }) });
    expect(line(await desk.ok('requests.get', { requestId: r.id }), 'national_id')).toMatchObject({ expiryDate: TODAY, status: 'provided' });
  });

  it('renewing the ID on the line (or in the file) lifts the block', async () => {
    const r = await readyButTheId(await newFile('2024-12-31'));
    expect(r.blockers).toHaveLength(1);
    await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: 0, provided: true, expiryDate: '2030-12-31' });
    expect((await desk.ok('requests.submit', { requestId: r.id })).state).toBe('submitted');
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
