import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/domain/channels';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, provideAll, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Role rules in the core (docs/design.md#a-support-request): receptionists open, complete and submit;
 * researchers answer referrals and add study notes (S3); supervisors record the committee's
 * decisions; a decision is never edited silently — a correction is its own audited event.
 */
let t: TestCore;
let desk: SignedIn;
let researcher: SignedIn;
let supervisor: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  researcher = await signedInAs(t, 'researcher', { deskId: 3, fullName: 'منيرة عبدالله الحربي' });
  supervisor = await signedInAs(t, 'supervisor', { deskId: 2, fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(desk);
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(161))).id;
});
afterAll(() => t.cleanup());

const actors = () => ({ desk, committee: supervisor });
const inState = (state: Parameters<typeof requestIn>[0]) => requestIn(state, actors(), { beneficiaryId, serviceTypeId: cat.services.food_basket!.id });

async function expectForbidden(who: SignedIn, operation: string, input: unknown, requestId = 0) {
  const before = await requestSnapshot(t, requestId);
  const env = await who.call(operation, input);
  expect(!env.ok && env.error, `${who.user.role} → ${operation}`).toMatchObject({ code: 'forbidden', message: ar.errors.forbidden });
  expect(await requestSnapshot(t, requestId)).toEqual(before);
}

describe('receptionists: open, complete, submit — not decide', () => {
  it('the whole desk part of the workflow, from a phone call (C2, P5)', async () => {
    const r = await desk.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'phone', description: 'اتصال هاتفي' });
    expect(r).toMatchObject({ state: 'draft', channel: 'phone' });
    const complete = await provideAll(desk, r);
    expect(complete.state).toBe('complete');
    await desk.ok('requests.signDeclaration', { requestId: r.id });
    const submitted = await desk.ok('requests.submit', { requestId: r.id });
    expect(submitted.state).toBe('submitted');
    expect(submitted.events.map((e) => e.user)).toEqual(Array(submitted.events.length).fill('نورة سعد العتيبي'));
  });

  it('opens a request from any of the eight channels (C1–C8, P4, P5), numbered in the Hijri year', async () => {
    const before = await desk.ok('requests.list', { beneficiaryId });
    const opened = [];
    for (const channel of CHANNELS) {
      opened.push(await desk.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.seasonal!.id, channel }));
    }
    expect(opened.map((r) => r.channel)).toEqual([...CHANNELS]);
    // 10 March 2025 is in Ramadan 1446: "1446-" and a sequence with no gaps.
    const seq = opened.map((r) => r.number);
    expect(seq.every((n) => /^1446-\d{5}$/.test(n))).toBe(true);
    expect(seq.map((n) => Number(n.slice(5)))).toEqual(seq.map((_, i) => Number(seq[0]!.slice(5)) + i));
    expect((await desk.ok('requests.list', { beneficiaryId })).length).toBe(before.length + CHANNELS.length);
    expect((await desk.ok('requests.list', { number: seq[3]! })).map((r) => r.id)).toEqual([opened[3]!.id]);
  });

  it('cannot decide, nor correct a decision', async () => {
    const r = await inState('submitted');
    await expectForbidden(desk, 'requests.decide', { requestId: r.id, outcome: 'accepted' }, r.id);
    await expectForbidden(desk, 'requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'غير مستحق' }, r.id);
    const accepted = await supervisor.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 800 });
    await expectForbidden(desk, 'requests.correctDecision', { requestId: accepted.id, correctionReason: 'خطأ في المبلغ', approvedAmount: 10 }, r.id);
  });

  it('cannot edit the catalogue or the declaration text', async () => {
    await expectForbidden(desk, 'catalogue.saveService', { name: 'خدمة جديدة', requiredDocumentTypeIds: [] });
    await expectForbidden(desk, 'catalogue.publishDeclaration', { text: 'نص إقرار جديد يكفي طوله لعشرين حرفاً على الأقل' });
  });
});

describe('researchers: referrals and study notes (S3) — not the desk\'s or the committee\'s work', () => {
  it('cannot open, edit, submit, decide, register or deliver', async () => {
    const r = await inState('complete');
    await desk.ok('requests.signDeclaration', { requestId: r.id });
    await expectForbidden(researcher, 'requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'interview' });
    await expectForbidden(researcher, 'requests.saveDraft', { requestId: r.id, version: r.version + 1, description: 'تعديل' }, r.id);
    await expectForbidden(researcher, 'requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.national_id!.id, version: 0, provided: false }, r.id);
    await expectForbidden(researcher, 'requests.submit', { requestId: r.id }, r.id);
    await desk.ok('requests.submit', { requestId: r.id });
    await expectForbidden(researcher, 'requests.decide', { requestId: r.id, outcome: 'accepted' }, r.id);
    await expectForbidden(researcher, 'requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'غير مستحق' }, r.id);
    const registered = await inState('registered');
    await expectForbidden(researcher, 'requests.register', { requestId: r.id }, r.id);
    await expectForbidden(researcher, 'requests.deliver', { requestId: registered.id, description: 'سلة', deliveredOn: '2025-03-10' }, registered.id);
  });

  it('a referral appears on the researcher\'s list; a study note answering it takes it off', async () => {
    const r = await inState('incomplete');
    const referred = await desk.ok('requests.refer', { requestId: r.id, researcherId: researcher.user.id, question: 'هل دخل الأسرة يستحق المساعدة؟' });
    expect(referred).toMatchObject({ referralQuestion: 'هل دخل الأسرة يستحق المساعدة؟', referredTo: { id: researcher.user.id, fullName: 'منيرة عبدالله الحربي' } });
    expect((await researcher.ok('requests.referrals', {})).map((x) => x.id)).toContain(r.id);

    // A note that does not answer keeps it on the list.
    await researcher.ok('requests.addNote', { requestId: r.id, note: 'تمت زيارة المنزل، بانتظار إثبات الدخل' });
    expect((await researcher.ok('requests.referrals', {})).map((x) => x.id)).toContain(r.id);

    const answered = await researcher.ok('requests.addNote', { requestId: r.id, note: 'الدخل أقل من حد الكفاية، يستحق', answersReferral: true });
    expect(answered.referredTo).toBeNull();
    expect(answered.state).toBe('incomplete');
    expect((await researcher.ok('requests.referrals', {})).map((x) => x.id)).not.toContain(r.id);
    expect(answered.events.slice(-3).map((e) => [e.action, e.user, e.note])).toEqual([
      ['note', 'منيرة عبدالله الحربي', 'تمت زيارة المنزل، بانتظار إثبات الدخل'],
      ['note', 'منيرة عبدالله الحربي', 'الدخل أقل من حد الكفاية، يستحق'],
      ['referral_answered', 'منيرة عبدالله الحربي', ar.messages.referralAnswered],
    ]);
  });

  it('a referral addressed to one researcher is not on another\'s list; one to nobody is on everyone\'s', async () => {
    const other = await signedInAs(t, 'researcher', { deskId: 3, fullName: 'حصة فهد الدوسري' });
    const mine = await inState('draft');
    const anyone = await inState('draft');
    await desk.ok('requests.refer', { requestId: mine.id, researcherId: researcher.user.id, question: 'سؤال عن السكن' });
    await desk.ok('requests.refer', { requestId: anyone.id, question: 'سؤال عام عن الإجراءات' });
    const othersList = (await other.ok('requests.referrals', {})).map((x) => x.id);
    expect(othersList).toContain(anyone.id);
    expect(othersList).not.toContain(mine.id);
    expect((await researcher.ok('requests.referrals', {})).map((x) => x.id)).toEqual(expect.arrayContaining([mine.id, anyone.id]));
  });

  it('a referral to someone who is not a researcher is not_found, nothing written', async () => {
    const r = await inState('draft');
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.refer', { requestId: r.id, researcherId: supervisor.user.id, question: 'سؤال للباحث' });
    expect(!env.ok && env.error.code).toBe('not_found');
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });
});

describe('supervisors: the committee\'s decision, and its audited correction', () => {
  it('decide records who and when; the outcome cannot be changed by a correction', async () => {
    const r = await inState('submitted');
    const accepted = await supervisor.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 1500, aidDescription: 'سلة غذائية' });
    expect(accepted.decision).toEqual({
      outcome: 'accepted',
      reason: null,
      approvedAmount: 1500,
      aidDescription: 'سلة غذائية',
      decidedAt: t.clock.iso(),
      decidedBy: 'فهد ناصر الدوسري',
    });

    const events = accepted.events.length;
    const corrected = await supervisor.ok('requests.correctDecision', {
      requestId: r.id,
      correctionReason: 'خطأ في كتابة المبلغ المعتمد',
      approvedAmount: 1200,
      // Not part of a correction: the outcome stays what the committee decided.
      outcome: 'rejected',
    } as never);
    expect(corrected.state).toBe('accepted');
    expect(corrected.decision).toMatchObject({ outcome: 'accepted', approvedAmount: 1200, aidDescription: 'سلة غذائية', decidedBy: 'فهد ناصر الدوسري' });
    expect(corrected.events).toHaveLength(events + 1);
    expect(corrected.events.at(-1)).toMatchObject({ action: 'decision_corrected', note: 'خطأ في كتابة المبلغ المعتمد', user: 'فهد ناصر الدوسري', fromState: null, toState: null });
    expect(await t.db.selectFrom('requests').select(['decision', 'approved_amount']).where('id', '=', r.id).executeTakeFirst()).toEqual({
      decision: 'accepted',
      approved_amount: 1200,
    });

    const audit = await t.db.selectFrom('audit').selectAll().where('operation', '=', 'requests.correctDecision').where('entity_id', '=', r.id).orderBy('id', 'desc').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'request', user_id: supervisor.user.id });
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ decision: 'accepted', approved_amount: 1500 });
    expect(JSON.parse(audit[0]!.after!).decision).toMatchObject({ outcome: 'accepted', approvedAmount: 1200 });
  });

  it('a correction needs its reason; a request without a decision has none to correct', async () => {
    const decided = await inState('rejected');
    const before = await requestSnapshot(t, decided.id);
    const noReason = await supervisor.call('requests.correctDecision', { requestId: decided.id, correctionReason: '  ', reason: 'سبب آخر' });
    expect(!noReason.ok && noReason.error).toMatchObject({ code: 'validation', issues: [{ path: ['correctionReason'], message: ar.messages.correctionReasonRequired }] });
    expect(await requestSnapshot(t, decided.id)).toEqual(before);

    const undecided = await inState('submitted');
    const env = await supervisor.call('requests.correctDecision', { requestId: undecided.id, correctionReason: 'تصحيح', approvedAmount: 5 });
    expect(!env.ok && env.error.code).toBe('conflict');

    // The rejection's reason can be worded better; it stays a rejection.
    const reworded = await supervisor.ok('requests.correctDecision', { requestId: decided.id, correctionReason: 'توضيح سبب الرفض', reason: 'الدخل الشهري يتجاوز حد الاستحقاق المعتمد' });
    expect(reworded).toMatchObject({ state: 'rejected', decision: { outcome: 'rejected', reason: 'الدخل الشهري يتجاوز حد الاستحقاق المعتمد' } });
  });

  it('a correction cannot turn a rejection into one without a reason, nor give it an amount', async () => {
    const decided = await inState('rejected');
    const before = await requestSnapshot(t, decided.id);
    const cleared = await supervisor.call('requests.correctDecision', { requestId: decided.id, correctionReason: 'حذف السبب', reason: '' });
    expect(!cleared.ok && cleared.error).toMatchObject({ code: 'validation', message: ar.messages.rejectionReasonRequired, issues: [{ path: ['reason'] }] });
    expect(await requestSnapshot(t, decided.id)).toEqual(before);

    const withAmount = await supervisor.ok('requests.correctDecision', {
      requestId: decided.id,
      correctionReason: 'تصحيح بيانات القرار',
      approvedAmount: 5000,
      aidDescription: 'مبلغ نقدي',
    });
    expect(withAmount.decision).toMatchObject({ outcome: 'rejected', reason: 'الدخل يتجاوز حد الاستحقاق', approvedAmount: null, aidDescription: null });
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
