import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText, newClientKey, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let desk: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist');
});
afterEach(() => t.cleanup());

describe('check-in (S1)', () => {
  it('a returning beneficiary gets a ticket with their name, C1 المقابلة by default', async () => {
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(11));
    const v = await desk.ok('visits.checkIn', { beneficiaryId: b.id, reason: 'follow_up' });
    expect(v).toMatchObject({
      ticket: 'A-001',
      state: 'waiting',
      name: 'محمد عبدالله سعد القحطاني',
      hasFile: true,
      channel: 'interview',
      reason: 'follow_up',
      arrivedAt: '2024-02-14T06:30:00.000Z',
      day: '2024-02-14',
    });
    const queue = await desk.ok('visits.queue', {});
    expect(queue.visits.map((x) => x.id)).toEqual([v.id]);
    expect(queue.counts).toMatchObject({ waiting: 1, serving: 0, done: 0 });
  });

  it('a visitor without a file needs at least two names; mobile normalised', async () => {
    const v = await desk.ok('visits.checkIn', walkInInput('سالم  الحربي', { visitorMobile: '٠٥٥ ١٢٣ ٤٥٦٧' }));
    expect(v).toMatchObject({ name: 'سالم الحربي', mobile: '+966551234567', hasFile: false, beneficiaryId: null });

    const before = await rowCounts(t);
    const one = await desk.call('visits.checkIn', walkInInput('سالم'));
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.error.code).toBe('validation');
      expect(one.error.issues).toContainEqual({ path: ['visitorName'], message: ar.messages.fullNameTooShort });
    }
    const none = await desk.call('visits.checkIn', { reason: 'inquiry' });
    expect(!none.ok && none.error.issues?.[0]?.message).toBe(ar.messages.visitorNameOrFile);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('S1: the ticket a check-in answers with is the visit as the store keeps it, and its audit row records the same', async () => {
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(12));
    const withFile = await desk.ok('visits.checkIn', { beneficiaryId: b.id, reason: 'new_request', again: true });
    t.clock.advance({ minutes: 1 });
    const walkIn = await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي', { visitorMobile: '0551234567' }));
    for (const v of [withFile, walkIn]) {
      expect(await desk.ok('visits.get', { visitId: v.id })).toEqual(v);
      const audit = await t.db.selectFrom('audit').select(['after', 'beneficiary_id']).where('operation', '=', 'visits.checkIn').where('entity_id', '=', v.id).execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.after!)).toEqual(v);
      expect(audit[0]!.beneficiary_id).toBe(v.beneficiaryId);
    }
    expect(withFile).toMatchObject({ deskName: expect.any(String), name: b.fullName, mobile: b.mobile, hasFile: true, servedBy: null, referredTo: null });
    expect(walkIn.deskName).toBe(withFile.deskName);
  });

  it('a beneficiary id that does not exist is not_found, nothing written', async () => {
    const before = await rowCounts(t);
    const env = await desk.call('visits.checkIn', { beneficiaryId: 4242, reason: 'inquiry' });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('not_found');
      expect(isArabicText(env.error.message)).toBe(true);
    }
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('S1: a second click never issues a second ticket', () => {
  it('the same clientKey twice returns the first ticket', async () => {
    const key = newClientKey();
    const first = await desk.ok('visits.checkIn', walkInInput(undefined, { clientKey: key }));
    t.clock.advance({ seconds: 2 });
    const again = await desk.ok('visits.checkIn', walkInInput(undefined, { clientKey: key }));
    expect(again.id).toBe(first.id);
    expect(again.ticket).toBe('A-001');
    expect((await rowCounts(t)).visits).toBe(1);
    expect(await t.db.selectFrom('visit_events').select('id').where('action', '=', 'checkIn').execute()).toHaveLength(1);

    // A different key is a different visitor.
    const other = await desk.ok('visits.checkIn', walkInInput(undefined, { clientKey: newClientKey() }));
    expect(other.ticket).toBe('A-002');
  });

  it('the same clientKey sent twice at once (double click) still makes one ticket', async () => {
    const key = newClientKey();
    const [a, b] = await Promise.all([
      desk.ok('visits.checkIn', walkInInput(undefined, { clientKey: key })),
      desk.ok('visits.checkIn', walkInInput(undefined, { clientKey: key })),
    ]);
    expect(a.id).toBe(b.id);
    expect((await rowCounts(t)).visits).toBe(1);
  });

  it('without a clientKey two check-ins are two visitors (the key is what makes a retry safe)', async () => {
    await desk.ok('visits.checkIn', walkInInput());
    await desk.ok('visits.checkIn', walkInInput());
    expect((await rowCounts(t)).visits).toBe(2);
  });

  it('a malformed clientKey is refused, not ignored', async () => {
    const env = await desk.call('visits.checkIn', walkInInput(undefined, { clientKey: 'click-1' }));
    expect(!env.ok && env.error.code).toBe('validation');
    expect((await rowCounts(t)).visits).toBe(0);
  });
});

describe('S1: call-next claims the oldest waiting visitor and answers with it', () => {
  it('the called visitor is answered as the store keeps it; the audit row has the row as it was waiting and the called view', async () => {
    const first = await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    t.clock.advance({ minutes: 1 });
    await desk.ok('visits.checkIn', walkInInput('خالد سعد الحربي'));
    t.clock.advance({ minutes: 1 });
    const called = await desk.ok('visits.callNext', {});
    expect(called).toMatchObject({ id: first.id, state: 'serving', version: first.version + 1, servedBy: { id: desk.user.id } });
    expect(await desk.ok('visits.get', { visitId: first.id })).toEqual(called);
    const [audit, ...more] = await t.db.selectFrom('audit').select(['before', 'after']).where('operation', '=', 'visits.callNext').execute();
    expect(more).toEqual([]);
    expect(JSON.parse(audit!.before!)).toMatchObject({ id: first.id, state: 'waiting', version: first.version, served_by: null, ticket: first.ticket });
    expect(JSON.parse(audit!.after!)).toEqual(called);
  });
});
