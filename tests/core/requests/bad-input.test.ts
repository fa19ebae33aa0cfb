import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateInput } from '@shared/dates/hijri';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { FAR_EXPIRY, loadCatalogue, profileInput, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Bad input and faults (docs/architecture.md#reliability): impossible dates, an expiry before its issue date, a rejection
 * without a reason, a double-clicked submit — each answered with a clear Arabic message, changing
 * nothing. (Attachments: attachments.test.ts; two people saving at once: concurrent-edits.test.ts.)
 */
const submits = async (requestId: number) =>
  (
    await t.db
      .selectFrom('request_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', requestId)
      .where('action', '=', 'submit')
      .executeTakeFirstOrThrow()
  ).n;
let t: TestCore;
let admin: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  cat = await loadCatalogue(admin);
  beneficiaryId = (await admin.ok('beneficiaries.register', beneficiaryInput(71))).id;
});
afterAll(() => t.cleanup());

const actors = () => ({ desk: admin, committee: admin });
const inState = (state: Parameters<typeof requestIn>[0]) => requestIn(state, actors(), { beneficiaryId, serviceTypeId: cat.services.food_basket!.id });
const nationalId = () => cat.documents.national_id!.id;

/** A refused call: validation, an Arabic message (and issue at `path` with `message` when given), and no write. */
async function expectRefused(requestId: number, operation: string, input: unknown, expected: { path?: (string | number)[]; message?: string } = {}) {
  const before = await requestSnapshot(t, requestId);
  const env = await admin.call(operation, input);
  expect(env.ok, JSON.stringify(env)).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('validation');
  expect(isArabicText(env.error.message), env.error.message).toBe(true);
  for (const issue of env.error.issues ?? []) expect(isArabicText(issue.message), issue.message).toBe(true);
  if (expected.path) {
    const hit = env.error.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(expected.path));
    expect(hit, JSON.stringify(env.error.issues)).toBeDefined();
    if (expected.message) expect(hit!.message).toBe(expected.message);
  }
  if (expected.message) expect(env.error.message).toContain(expected.message);
  expect(await requestSnapshot(t, requestId)).toEqual(before);
}

describe('dates that do not exist', () => {
  it('a Hijri 30 Sha\'ban 1445 (a 29-day month) is no date, so the screen has nothing to send', () => {
    expect(parseDateInput('1445/08/30', 'hijri')).toBeNull();
    expect(parseDateInput('30/08/1445', 'hijri')).toBeNull();
    expect(parseDateInput('1445/08/29', 'hijri')).toBe('2024-03-10');
    expect(parseDateInput('1445/09/01', 'hijri')).toBe('2024-03-11');
  });

  it.each([
    ['an expiry of 30 February', { expiryDate: '2025-02-30' }, ['expiryDate']],
    ['an issue date of 31 April', { issueDate: '2025-04-31' }, ['issueDate']],
    ['29 February of a common year', { expiryDate: '2027-02-29' }, ['expiryDate']],
    ['a date typed day-first instead of ISO', { expiryDate: '10/03/2026' }, ['expiryDate']],
    ['month 13', { expiryDate: '2026-13-01' }, ['expiryDate']],
  ])('requests.setDocument: %s → dateInvalid', async (_label, dates, path) => {
    const r = await inState('draft');
    await expectRefused(r.id, 'requests.setDocument', { requestId: r.id, documentTypeId: nationalId(), version: 0, provided: true, ...dates }, { path, message: ar.messages.dateInvalid });
  });

  it('29 February of a leap year is a real day', async () => {
    const r = await inState('draft');
    const v = await admin.ok('requests.setDocument', { requestId: r.id, documentTypeId: nationalId(), version: 0, provided: true, expiryDate: '2028-02-29' });
    expect(v.documents.find((d) => d.documentTypeId === nationalId())!.expiryDate).toBe('2028-02-29');
  });

  it('requests.deliver on 2025-02-30 → dateInvalid, the request stays registered', async () => {
    const r = await inState('registered');
    await expectRefused(r.id, 'requests.deliver', { requestId: r.id, description: 'سلة غذائية', deliveredOn: '2025-02-30' }, { path: ['deliveredOn'], message: ar.messages.dateInvalid });
  });

  it('beneficiaries.update with a birth date or ID expiry of 2025-02-30 → dateInvalid, the file unchanged', async () => {
    const profile = await admin.ok('beneficiaries.profile', { beneficiaryId });
    for (const [field, changes] of [
      ['birthDate', { birthDate: '1990-02-30' }],
      ['idExpiry', { idExpiry: '2025-02-30' }],
    ] as const) {
      await expectRefused(
        0,
        'beneficiaries.update',
        { beneficiaryId, version: profile.version, profile: profileInput(profile, changes) },
        { path: ['profile', field], message: ar.messages.dateInvalid },
      );
    }
    const family = [{ name: 'سارة محمد', relation: 'daughter', birthDate: '2015-02-29' }];
    await expectRefused(
      0,
      'beneficiaries.update',
      { beneficiaryId, version: profile.version, profile: profileInput(profile, { family } as never) },
      { path: ['profile', 'family', 0, 'birthDate'], message: ar.messages.dateInvalid },
    );
  });
});

describe('an expiry date before the issue date', () => {
  it('is refused with an Arabic message and nothing is written', async () => {
    const r = await inState('draft');
    await expectRefused(
      r.id,
      'requests.setDocument',
      { requestId: r.id, documentTypeId: nationalId(), version: 0, provided: true, issueDate: '2025-03-10', expiryDate: '2025-03-09' },
      { path: ['expiryDate'], message: ar.messages.expiryBeforeIssue },
    );
  });

  it('the same day for both is accepted', async () => {
    const r = await inState('draft');
    const v = await admin.ok('requests.setDocument', { requestId: r.id, documentTypeId: nationalId(), version: 0, provided: true, issueDate: '2025-03-10', expiryDate: '2025-03-10' });
    expect(v.documents.find((d) => d.documentTypeId === nationalId())).toMatchObject({ issueDate: '2025-03-10', expiryDate: '2025-03-10', status: 'provided' });
  });
});

describe('a committee decision', () => {
  it.each([
    ['no reason at all', {}],
    ['a reason of spaces only', { reason: '    ' }],
    ['an empty reason', { reason: '' }],
  ])('a rejection with %s → rejectionReasonRequired, still submitted', async (_label, reason) => {
    const r = await inState('submitted');
    await expectRefused(r.id, 'requests.decide', { requestId: r.id, outcome: 'rejected', ...reason }, { path: ['reason'], message: ar.messages.rejectionReasonRequired });
    expect((await admin.ok('requests.get', { requestId: r.id })).state).toBe('submitted');
  });

  it('an acceptance needs no reason; a negative amount is refused', async () => {
    const r = await inState('submitted');
    await expectRefused(r.id, 'requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: -50 }, { path: ['approvedAmount'], message: ar.messages.amountNegative });
    expect((await admin.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 900 })).decision).toMatchObject({ outcome: 'accepted', reason: null });
  });

  it('a decision nobody can take: an unknown outcome', async () => {
    const r = await inState('submitted');
    await expectRefused(r.id, 'requests.decide', { requestId: r.id, outcome: 'postponed', reason: 'لاحقاً' }, { path: ['outcome'] });
  });
});

describe('submitting twice (a double click)', () => {
  it('one after the other: the second is a conflict, one submit event only', async () => {
    const r = await inState('complete');
    await admin.ok('requests.signDeclaration', { requestId: r.id });
    const first = await admin.ok('requests.submit', { requestId: r.id });
    const before = await requestSnapshot(t, r.id);
    const second = await admin.call('requests.submit', { requestId: r.id });
    expect(!second.ok && second.error).toMatchObject({
      code: 'conflict',
      message: fill(ar.messages.requestWrongState, { action: ar.requestActions.submit, state: ar.requestStates.submitted }),
    });
    expect(await requestSnapshot(t, r.id)).toEqual(before);
    expect(first.events.filter((e) => e.action === 'submit')).toHaveLength(1);
    expect(await submits(r.id)).toBe(1);
  });

  it('both clicks in flight at once: exactly one goes through', async () => {
    const r = await inState('complete');
    await admin.ok('requests.signDeclaration', { requestId: r.id });
    const results = await Promise.all([admin.call('requests.submit', { requestId: r.id }), admin.call('requests.submit', { requestId: r.id })]);
    expect(results.filter((e) => e.ok)).toHaveLength(1);
    expect(results.filter((e) => !e.ok).map((e) => !e.ok && e.error.code)).toEqual(['conflict']);
    expect(await submits(r.id)).toBe(1);
  });

  it('deciding twice: the second decision is a conflict, the first one stands', async () => {
    const r = await inState('submitted');
    await admin.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 700 });
    const before = await requestSnapshot(t, r.id);
    const env = await admin.call('requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'تغيير الرأي' });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(await requestSnapshot(t, r.id)).toEqual(before);
    expect((await admin.ok('requests.get', { requestId: r.id })).decision).toMatchObject({ outcome: 'accepted', approvedAmount: 700 });
  });
});

describe('other required words', () => {
  it('a delivery without saying what was given → serviceDescriptionRequired', async () => {
    const r = await inState('registered');
    await expectRefused(r.id, 'requests.deliver', { requestId: r.id, description: ' ', deliveredOn: '2025-03-10' }, { path: ['description'], message: ar.messages.serviceDescriptionRequired });
  });

  it('a referral without a question → referNoteRequired', async () => {
    const r = await inState('incomplete');
    await expectRefused(r.id, 'requests.refer', { requestId: r.id, question: '  ' }, { path: ['question'], message: ar.messages.referNoteRequired });
  });

  it('a request for a person or a service that does not exist', async () => {
    const before = await requestSnapshot(t, 0);
    const noPerson = await admin.call('requests.open', { beneficiaryId: 99999, serviceTypeId: cat.services.food_basket!.id, channel: 'interview' });
    expect(!noPerson.ok && noPerson.error).toMatchObject({ code: 'not_found', message: ar.messages.beneficiaryNotFound });
    const noService = await admin.call('requests.open', { beneficiaryId, serviceTypeId: 99999, channel: 'interview' });
    expect(!noService.ok && noService.error).toMatchObject({ code: 'validation', message: ar.messages.serviceNotFound });
    const noChannel = await admin.call('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'fax' });
    expect(!noChannel.ok && noChannel.error.code).toBe('validation');
    expect(await requestSnapshot(t, 0)).toEqual(before);
  });

  it('opened from a visit at the desk (C1): the person\'s own visit is linked; someone else\'s is refused', async () => {
    const visit = await admin.ok('visits.checkIn', { beneficiaryId, reason: 'new_request' });
    const r = await admin.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'interview', visitId: visit.id });
    expect(r.visitId).toBe(visit.id);

    const other = await admin.ok('beneficiaries.register', beneficiaryInput(72, ['سالم', 'علي', 'حسن', 'الحربي']));
    const before = await requestSnapshot(t, 0);
    const env = await admin.call('requests.open', { beneficiaryId: other.id, serviceTypeId: cat.services.food_basket!.id, channel: 'interview', visitId: visit.id });
    expect(!env.ok && env.error).toMatchObject({ code: 'not_found', message: ar.messages.visitNotFound });
    const none = await admin.call('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'interview', visitId: 99999 });
    expect(!none.ok && none.error.code).toBe('not_found');
    expect(await requestSnapshot(t, 0)).toEqual(before);
  });

  it('a document with an expiry far ahead is fine (FAR_EXPIRY is a real date)', async () => {
    const r = await inState('draft');
    const v = await admin.ok('requests.setDocument', { requestId: r.id, documentTypeId: nationalId(), version: 0, provided: true, expiryDate: FAR_EXPIRY });
    expect(v.state).toBe('incomplete');
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
