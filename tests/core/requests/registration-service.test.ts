import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, profileInput, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * S6: registering the first accepted request gives the beneficiary a file number (F-1001, F-1002 …),
 * kept for every later request. S7: the service delivered — what, when, by whom — and then closed.
 */
let t: TestCore;
let desk: SignedIn;
let supervisor: SignedIn;
let cat: Catalogue;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  supervisor = await signedInAs(t, 'supervisor', { deskId: 2, fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(desk);
});
afterAll(() => t.cleanup());

const actors = () => ({ desk, committee: supervisor });
const enrol = (serial: number, name: [string, string, string, string]) => desk.ok('beneficiaries.register', beneficiaryInput(serial, name));
const fileNumberOf = async (beneficiaryId: number) => (await desk.ok('beneficiaries.get', { beneficiaryId })).fileNumber;

describe('S6: the file number', () => {
  it('is given at the first registration, F-1001, and kept by the person\'s later requests', async () => {
    const b = await enrol(171, ['عبدالرحمن', 'صالح', 'محمد', 'المطيري']);
    const accepted = await requestIn('accepted', actors(), { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id });
    // Accepted is not yet registered: no number until the desk registers.
    expect(await fileNumberOf(b.id)).toBeNull();

    const registered = await desk.ok('requests.register', { requestId: accepted.id });
    expect(registered).toMatchObject({ state: 'registered', beneficiary: { fileNumber: 'F-1001' } });
    expect(registered.events.at(-1)).toMatchObject({ action: 'register', note: 'F-1001', fromState: 'accepted', toState: 'registered' });
    const profile = await desk.ok('beneficiaries.profile', { beneficiaryId: b.id });
    expect(profile).toMatchObject({ fileNumber: 'F-1001', registeredAt: t.clock.iso() });
    const audit = await t.db
      .selectFrom('audit')
      .select(['before', 'after'])
      .where('entity', '=', 'beneficiary')
      .where('entity_id', '=', b.id)
      .where('kind', '=', 'change')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toEqual({ fileNumber: null });
    expect(JSON.parse(audit.after!)).toEqual({ fileNumber: 'F-1001' });

    t.clock.advance({ minutes: 5 });
    const second = await requestIn('registered', actors(), { beneficiaryId: b.id, serviceTypeId: cat.services.seasonal!.id });
    expect(second.beneficiary.fileNumber).toBe('F-1001');
    expect(second.events.at(-1)!.note).toBe('F-1001');
    expect((await desk.ok('beneficiaries.profile', { beneficiaryId: b.id })).registeredAt).toBe(profile.registeredAt);
    expect(await t.db.selectFrom('beneficiaries').select('id').where('file_number', '=', 'F-1001').execute()).toHaveLength(1);
  });

  it('the next person gets the next number; a rejected or pending person gets none', async () => {
    const next = await enrol(172, ['سلمى', 'عبدالعزيز', 'حمد', 'الرشيدي']);
    const rejected = await enrol(173, ['ماجد', 'سعود', 'فيصل', 'البقمي']);
    const pending = await enrol(174, ['جواهر', 'نايف', 'مساعد', 'العنزي']);
    await requestIn('rejected', actors(), { beneficiaryId: rejected.id, serviceTypeId: cat.services.food_basket!.id });
    await requestIn('submitted', actors(), { beneficiaryId: pending.id, serviceTypeId: cat.services.food_basket!.id });
    const r = await requestIn('registered', actors(), { beneficiaryId: next.id, serviceTypeId: cat.services.food_basket!.id });
    expect(r.beneficiary.fileNumber).toBe('F-1002');
    expect(await fileNumberOf(rejected.id)).toBeNull();
    expect(await fileNumberOf(pending.id)).toBeNull();
  });

  it('a rejected request cannot be registered; nothing is written and no number given', async () => {
    const b = await enrol(175, ['هيفاء', 'منصور', 'زيد', 'السهلي']);
    const r = await requestIn('rejected', actors(), { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id });
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.register', { requestId: r.id });
    expect(!env.ok && env.error).toMatchObject({
      code: 'conflict',
      message: fill(ar.messages.requestWrongState, { action: ar.requestActions.register, state: ar.requestStates.rejected }),
    });
    expect(await requestSnapshot(t, r.id)).toEqual(before);
    expect(await fileNumberOf(b.id)).toBeNull();
  });

  it('a screen opened before the file number was given is stale: saving it is refused, the number kept', async () => {
    const b = await enrol(176, ['بندر', 'ثامر', 'عايض', 'القرني']);
    const before = await desk.ok('beneficiaries.profile', { beneficiaryId: b.id });
    const r = await requestIn('registered', actors(), { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id });
    const env = await supervisor.call('beneficiaries.update', { beneficiaryId: b.id, version: before.version, profile: profileInput(before, { city: 'أبها' }) });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.message).toContain('نورة سعد العتيبي');
    expect(await fileNumberOf(b.id)).toBe(r.beneficiary.fileNumber);
  });
});

describe('S7: the service delivered, then closed', () => {
  it('records what was given, when and by whom; closing completes the timeline', async () => {
    const b = await enrol(181, ['منيرة', 'سالم', 'راشد', 'الهاجري']);
    const r = await requestIn('registered', actors(), { beneficiaryId: b.id, serviceTypeId: cat.services.bills!.id });
    t.clock.advance({ minutes: 3 });
    const served = await desk.ok('requests.deliver', { requestId: r.id, description: 'سداد فاتورة الكهرباء', amount: 640.5, deliveredOn: '2025-03-09' });
    expect(served.state).toBe('served');
    expect(served.service).toEqual({ description: 'سداد فاتورة الكهرباء', amount: 640.5, deliveredOn: '2025-03-09', deliveredBy: 'نورة سعد العتيبي' });
    expect(served.events.at(-1)).toMatchObject({ action: 'deliver', note: 'سداد فاتورة الكهرباء', user: 'نورة سعد العتيبي', at: t.clock.iso() });

    const closed = await desk.ok('requests.close', { requestId: r.id, note: 'استلم المستفيد الإيصال' });
    expect(closed.state).toBe('closed');
    expect(await t.db.selectFrom('requests').select('closed_at').where('id', '=', r.id).executeTakeFirst()).toEqual({ closed_at: t.clock.iso() });
    expect(closed.events.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['open', null, 'draft'],
      ['documents', 'draft', 'incomplete'],
      ['documents', 'incomplete', 'complete'],
      ['declaration', null, null],
      ['submit', 'complete', 'submitted'],
      ['accept', 'submitted', 'accepted'],
      ['register', 'accepted', 'registered'],
      ['deliver', 'registered', 'served'],
      ['close', 'served', 'closed'],
    ]);
    expect(closed.events.at(-1)).toMatchObject({ note: 'استلم المستفيد الإيصال' });

    // The person's file lists the request with its state.
    const profile = await desk.ok('beneficiaries.profile', { beneficiaryId: b.id });
    expect(profile.requests.map((x) => [x.id, x.state, x.serviceName])).toEqual([[r.id, 'closed', cat.services.bills!.name]]);
  });

  it('a delivery can only follow registration: a request still accepted is refused', async () => {
    const b = await enrol(182, ['فهد', 'علي', 'محمد', 'الغامدي']);
    const r = await requestIn('accepted', actors(), { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id });
    const before = await requestSnapshot(t, r.id);
    const env = await desk.call('requests.deliver', { requestId: r.id, description: 'سلة غذائية', deliveredOn: '2025-03-10' });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
