import { documentExpiredMessage } from '../../../electron/core/requests/documents-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { FAR_EXPIRY, loadCatalogue, requestSnapshot, unlockAfterClockJump, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * S2: each required document is provided, missing, or expired as of the submission day (the desk's
 * day in Asia/Riyadh); a request does not go to the committee while one is missing or expired, nor
 * before the applicant signed the declaration (S4), and the refusal names what is wrong in Arabic.
 */
let t: TestCore;
let desk: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

/** 09:00 in Riyadh on 10 March 2025, the submission day of most cases below. */
const MORNING = '2025-03-10T06:00:00Z';

beforeAll(async () => {
  t = await openTestCore({ now: MORNING });
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  cat = await loadCatalogue(desk);
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(51))).id;
});
afterAll(() => t.cleanup());

async function setClock(instant: string) {
  t.clock.set(instant);
  await unlockAfterClockJump(desk);
}

const doc = (code: string) => cat.documents[code]!;
const statusOf = (r: RequestView, code: string) => r.documents.find((d) => d.documentTypeId === doc(code).id);

/** A food-basket request (national ID with an expiry, family register) with its ID expiring on `idExpiry`. */
async function foodBasketRequest(idExpiry: string, options: { sign?: boolean; familyRegister?: boolean } = {}): Promise<RequestView> {
  const r = await desk.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'interview' });
  let view = await desk.ok('requests.setDocument', {
    requestId: r.id,
    documentTypeId: doc('national_id').id,
    version: 0,
    provided: true,
    issueDate: '2020-01-01',
    expiryDate: idExpiry,
  });
  if (options.familyRegister !== false) {
    view = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('family_register').id, version: 0, provided: true });
  }
  if (options.sign !== false) view = await desk.ok('requests.signDeclaration', { requestId: r.id });
  return view;
}

describe('S2: a document expiring the day before, of, or after the submission day', () => {
  it.each([
    { label: 'the day before → expired, blocks submission', expiry: '2025-03-09', goes: false },
    { label: 'the submission day itself → still valid', expiry: '2025-03-10', goes: true },
    { label: 'the day after → valid', expiry: '2025-03-11', goes: true },
  ])('$label', async ({ expiry, goes }) => {
    await setClock(MORNING);
    const r = await foodBasketRequest(expiry);
    expect(statusOf(r, 'national_id')).toMatchObject({ provided: true, expiryDate: expiry, status: goes ? 'provided' : 'expired' });
    expect(r.state).toBe(goes ? 'complete' : 'incomplete');

    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.submit', { requestId: r.id });
    if (goes) {
      expect(env.ok, JSON.stringify(env)).toBe(true);
      const row = await t.db.selectFrom('requests').select(['state', 'submission_day']).where('id', '=', r.id).executeTakeFirst();
      expect(row).toEqual({ state: 'submitted', submission_day: '2025-03-10' });
      return;
    }
    const expired = documentExpiredMessage(doc('national_id').name, expiry);
    expect(r.blockers).toEqual([expired]);
    expect(!env.ok && env.error).toMatchObject({
      code: 'validation',
      message: fill(ar.messages.cannotSubmit, { reasons: expired }),
      issues: [{ path: ['documents'], message: expired }],
    });
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('the submission day turns at midnight in Riyadh (21:00 UTC), not at UTC midnight', async () => {
    await setClock(MORNING);
    const beforeMidnight = await foodBasketRequest('2025-03-10');
    const afterMidnight = await foodBasketRequest('2025-03-10');

    // 23:59:59 in Riyadh on the 10th: the ID expires today, still valid.
    await setClock('2025-03-10T20:59:59Z');
    const sent = await desk.ok('requests.submit', { requestId: beforeMidnight.id });
    expect(sent).toMatchObject({ state: 'submitted', expectedAnswerDate: '2025-03-24' });

    // One second later it is 00:00 on the 11th in Riyadh, though still the 10th in UTC.
    t.clock.set('2025-03-10T21:00:00Z');
    const before = await requestSnapshot(t, afterMidnight.id);
    const env = await desk.call('requests.submit', { requestId: afterMidnight.id });
    expect(!env.ok && env.error.code).toBe('validation');
    expect(!env.ok && env.error.message).toContain(documentExpiredMessage(doc('national_id').name, '2025-03-10'));
    expect(await requestSnapshot(t, afterMidnight.id)).toEqual(before);
    // The open request's checklist is judged today, so the screen already shows it expired.
    const view = await desk.ok('requests.get', { requestId: afterMidnight.id });
    expect(statusOf(view, 'national_id')!.status).toBe('expired');
    expect(view.blockers).toHaveLength(1);
  });

  it('after submission a document stays judged as of the submission day, however far the clock moves', async () => {
    await setClock(MORNING);
    const r = await foodBasketRequest('2025-03-10');
    await desk.ok('requests.submit', { requestId: r.id });
    const open = await foodBasketRequest('2025-03-10');

    await setClock('2025-06-01T06:00:00Z');
    const submitted = await desk.ok('requests.get', { requestId: r.id });
    expect(statusOf(submitted, 'national_id')).toMatchObject({ status: 'provided', expiryDate: '2025-03-10' });
    expect(submitted.blockers).toEqual([]);
    expect(submitted.documents.every((d) => d.status === 'provided')).toBe(true);
    // The committee's list shows it too, overdue but with its documents as they were.
    expect((await desk.ok('requests.committee', {})).find((x) => x.id === r.id)).toMatchObject({ overdue: true });
    // The same ID on a request still at the desk is expired today.
    expect(statusOf(await desk.ok('requests.get', { requestId: open.id }), 'national_id')!.status).toBe('expired');
  });
});

describe('S2 / S4: submitting with something missing is refused, naming it in Arabic, and writes nothing', () => {
  it('a required document not provided', async () => {
    await setClock(MORNING);
    const r = await foodBasketRequest(FAR_EXPIRY, { familyRegister: false });
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.submit', { requestId: r.id });
    const missing = fill(ar.messages.documentMissing, { name: doc('family_register').name });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', issues: [{ path: ['documents'], message: missing }] });
    expect(!env.ok && env.error.message).toContain(missing);
    expect(!env.ok && isArabicText(env.error.message)).toBe(true);
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('a document marked "not provided" again after being ticked', async () => {
    await setClock(MORNING);
    const r = await foodBasketRequest(FAR_EXPIRY);
    const undone = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('national_id').id, version: statusOf(r, 'national_id')!.version, provided: false, expiryDate: FAR_EXPIRY });
    expect(statusOf(undone, 'national_id')).toMatchObject({ provided: false, expiryDate: null, status: 'missing' });
    const env = await desk.call('requests.submit', { requestId: r.id });
    expect(!env.ok && env.error.message).toContain(fill(ar.messages.documentMissing, { name: doc('national_id').name }));
  });

  it('every missing document of a larger checklist is listed, with the unsigned declaration', async () => {
    await setClock(MORNING);
    const rent = cat.services.rent!;
    // A file with no ID expiry yet, so the identity line is not pre-filled from it.
    const newcomer = await desk.ok('beneficiaries.register', beneficiaryInput(52, ['هند', 'سالم', 'علي', 'الشمري']));
    const r = await desk.ok('requests.open', { beneficiaryId: newcomer.id, serviceTypeId: rent.id, channel: 'branch_delegate' });
    expect(r.blockers).toEqual([
      ...rent.requiredDocuments.map((d) => fill(ar.messages.documentMissing, { name: d.name })),
      ar.messages.declarationNotSigned,
    ]);
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.submit', { requestId: r.id });
    expect(!env.ok && env.error.issues?.map((i) => i.message)).toEqual(r.blockers);
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('S4: an unsigned declaration blocks a request whose documents are all valid; signing records version, witness and time', async () => {
    await setClock(MORNING);
    const r = await foodBasketRequest(FAR_EXPIRY, { sign: false });
    expect(r).toMatchObject({ state: 'complete', declaration: null, blockers: [ar.messages.declarationNotSigned] });
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.submit', { requestId: r.id });
    expect(!env.ok && env.error).toMatchObject({
      code: 'validation',
      message: fill(ar.messages.cannotSubmit, { reasons: ar.messages.declarationNotSigned }),
      issues: [{ path: ['documents'], message: ar.messages.declarationNotSigned }],
    });
    expect(await requestSnapshot(t, r.id)).toEqual(before);

    t.clock.advance({ minutes: 3 });
    const signed = await desk.ok('requests.signDeclaration', { requestId: r.id });
    expect(signed.declaration).toEqual({ version: 1, witness: 'نورة سعد العتيبي', signedAt: t.clock.iso() });
    expect(signed.blockers).toEqual([]);
    expect(signed.events.at(-1)).toMatchObject({ action: 'declaration', note: 'v1', user: 'نورة سعد العتيبي' });
    expect((await desk.ok('requests.submit', { requestId: r.id })).state).toBe('submitted');
  });
});

describe('S2: what the checklist counts', () => {
  it('an expired document the service does not require is shown expired but does not block', async () => {
    await setClock(MORNING);
    const r = await foodBasketRequest(FAR_EXPIRY);
    const extra = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('medical_report').id, version: 0, provided: true, expiryDate: '2025-01-01' });
    expect(statusOf(extra, 'medical_report')).toMatchObject({ required: false, status: 'expired' });
    expect(extra.blockers).toEqual([]);
    expect((await desk.ok('requests.submit', { requestId: r.id })).state).toBe('submitted');
  });

  it('a document type without an expiry never expires (an expiry typed for it is not kept)', async () => {
    await setClock(MORNING);
    const r = await foodBasketRequest(FAR_EXPIRY);
    const v = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: doc('family_register').id, version: statusOf(r, 'family_register')!.version, provided: true, expiryDate: '2020-01-01' });
    expect(statusOf(v, 'family_register')).toMatchObject({ hasExpiry: false, expiryDate: null, status: 'provided' });
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
