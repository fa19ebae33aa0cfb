import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, profileInput, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Decisions (S5, docs/design.md#a-support-request): the committee chooses its outcome (there is no default),
 * an acceptance grants an amount above zero or a described aid, and a negative amount is refused
 * with an Arabic message wherever an amount is taken — never stored as 0.
 */
let t: TestCore;
let desk: SignedIn;
let committee: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  committee = await signedInAs(t, 'supervisor', { deskId: 2, fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(desk);
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(801))).id;
});
afterAll(() => t.cleanup());

const inState = (state: Parameters<typeof requestIn>[0]) =>
  requestIn(state, { desk, committee }, { beneficiaryId, serviceTypeId: cat.services.food_basket!.id });

/** Refused as validation with `message` on `path`, in Arabic, and nothing written (request rows, events, audit, files). */
async function expectRefused(who: SignedIn, requestId: number, operation: string, input: unknown, path: string, message: string) {
  const before = await requestSnapshot(t, requestId);
  const env = await who.call(operation, input);
  expect(env.ok, JSON.stringify(env)).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('validation');
  expect(isArabicText(env.error.message), env.error.message).toBe(true);
  expect(env.error.message).toContain(message);
  expect(env.error.issues?.find((i) => i.path.join('.') === path)?.message).toBe(message);
  expect(await requestSnapshot(t, requestId)).toEqual(before);
}

describe('S5: the committee chooses its decision', () => {
  it('a decision with no outcome is refused with an Arabic message on the outcome, nothing written', async () => {
    const r = await inState('submitted');
    await expectRefused(committee, r.id, 'requests.decide', { requestId: r.id, approvedAmount: 500 }, 'outcome', ar.messages.decisionOutcomeRequired);
    expect((await committee.ok('requests.get', { requestId: r.id })).state).toBe('submitted');
  });

  it.each([
    { label: 'no amount and no aid', input: {} },
    { label: 'an amount of 0 and no aid', input: { approvedAmount: 0 } },
    { label: 'an amount of 0 and an aid of spaces only', input: { approvedAmount: 0, aidDescription: '   ' } },
  ])('an acceptance with $label is refused, naming what it lacks', async ({ input }) => {
    const r = await inState('submitted');
    await expectRefused(committee, r.id, 'requests.decide', { requestId: r.id, outcome: 'accepted', ...input }, 'approvedAmount', ar.messages.acceptanceNeedsAid);
  });

  it.each([
    { label: 'an amount above zero', input: { approvedAmount: 0.5 }, stored: { approvedAmount: 0.5, aidDescription: null } },
    { label: 'a description of the aid', input: { aidDescription: 'سلة غذائية شهرية' }, stored: { approvedAmount: null, aidDescription: 'سلة غذائية شهرية' } },
    { label: 'an amount of 0 with a description of the aid', input: { approvedAmount: 0, aidDescription: 'كسوة العيد' }, stored: { approvedAmount: 0, aidDescription: 'كسوة العيد' } },
  ])('an acceptance with $label is recorded as given', async ({ input, stored }) => {
    const r = await inState('submitted');
    const v = await committee.ok('requests.decide', { requestId: r.id, outcome: 'accepted', ...input });
    expect(v.state).toBe('accepted');
    expect(v.decision).toMatchObject({ outcome: 'accepted', ...stored });
  });

  it('a correction cannot leave an acceptance granting nothing; one that keeps the aid may clear the amount', async () => {
    const r = await inState('submitted');
    await committee.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 1200 });
    await expectRefused(committee, r.id, 'requests.correctDecision', { requestId: r.id, correctionReason: 'خطأ في المبلغ', approvedAmount: 0 }, 'approvedAmount', ar.messages.acceptanceNeedsAid);
    await expectRefused(committee, r.id, 'requests.correctDecision', { requestId: r.id, correctionReason: 'خطأ في المبلغ', approvedAmount: null }, 'approvedAmount', ar.messages.acceptanceNeedsAid);
    const fixed = await committee.ok('requests.correctDecision', { requestId: r.id, correctionReason: 'المساعدة عينية', approvedAmount: null, aidDescription: 'سلة غذائية' });
    expect(fixed.decision).toMatchObject({ approvedAmount: null, aidDescription: 'سلة غذائية' });
  });
});

describe('S5: a negative amount is refused with an Arabic message everywhere an amount is taken, and nothing is written', () => {
  it('requests.decide: −50 approved', async () => {
    const r = await inState('submitted');
    await expectRefused(committee, r.id, 'requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: -50, aidDescription: 'نقداً' }, 'approvedAmount', ar.messages.amountNegative);
  });

  it('requests.correctDecision: −50 approved', async () => {
    const r = await inState('accepted');
    await expectRefused(committee, r.id, 'requests.correctDecision', { requestId: r.id, correctionReason: 'تصحيح المبلغ', approvedAmount: -50 }, 'approvedAmount', ar.messages.amountNegative);
  });

  it('requests.deliver: −50 given', async () => {
    const r = await inState('registered');
    await expectRefused(desk, r.id, 'requests.deliver', { requestId: r.id, description: 'سُلّمت سلة غذائية', amount: -50, deliveredOn: '2025-03-10' }, 'amount', ar.messages.amountNegative);
  });

  it('requests.saveDraft and requests.open: −50 requested', async () => {
    const r = await inState('draft');
    await expectRefused(desk, r.id, 'requests.saveDraft', { requestId: r.id, version: r.version, requestedAmount: -50 }, 'requestedAmount', ar.messages.amountNegative);
    const before = await countRows(t, 'requests');
    const env = await desk.call('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'phone', requestedAmount: -50 });
    expect(!env.ok && env.error.issues).toContainEqual({ path: ['requestedAmount'], message: ar.messages.amountNegative });
    expect(await countRows(t, 'requests')).toBe(before);
  });

  it.each([
    { field: 'monthlyIncome' as const, changes: { monthlyIncome: -50 } },
    { field: 'rentAmount' as const, changes: { housingType: 'rented' as const, rentAmount: -50 } },
  ])('beneficiaries.update: −50 as the file\'s $field', async ({ field, changes }) => {
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId });
    const file = () => t.db.selectFrom('beneficiaries').selectAll().where('id', '=', beneficiaryId).executeTakeFirst();
    const before = { file: await file(), audit: await countRows(t, 'audit') };
    const env = await desk.call('beneficiaries.update', { beneficiaryId, version: p.version, profile: profileInput(p, changes) });
    expect(env.ok).toBe(false);
    expect(!env.ok && env.error.issues).toContainEqual({ path: ['profile', field], message: ar.messages.amountNegative });
    expect({ file: await file(), audit: await countRows(t, 'audit') }).toEqual(before);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
