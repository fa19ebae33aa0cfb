import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitState } from '@shared/domain/visit';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText, newClientKey, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';
import { unlockAfterClockJump } from '../../helpers/requests';

/**
 * Check-in (docs/design.md#a-visit): a beneficiary already waiting or being served today got a second ticket with no
 * hint. A second check-in the same business day is refused with code 'confirm' naming the ticket and
 * its state, unless confirmed (`again: true`); the search shows today's ticket beside the person.
 */
let t: TestCore;
let desk: SignedIn;
let researcher: SignedIn;
let beneficiaryId: number;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist');
  researcher = await signedInAs(t, 'researcher', { deskId: 3 });
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(21))).id;
});
afterEach(() => t.cleanup());

/** The beneficiary's first ticket of the day, moved to `state` through the desk's own operations. */
async function firstTicketIn(state: VisitState) {
  const v = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'follow_up' });
  const id = { visitId: v.id };
  if (state !== 'waiting' && state !== 'left' && state !== 'cancelled') await desk.ok('visits.call', id);
  if (state === 'referred') await desk.ok('visits.refer', { ...id, researcherId: researcher.user.id, note: 'يحتاج شرح الإجراءات' });
  if (state === 'done') await desk.ok('visits.finish', { ...id, outcome: 'documents_received' });
  if (state === 'left') await desk.ok('visits.markLeft', id);
  if (state === 'cancelled') await desk.ok('visits.cancel', id);
  return v;
}

describe('check-in: a second ticket the same day', () => {
  it.each(['waiting', 'serving', 'referred', 'done', 'left'] as const)(
    'a second check-in while the first ticket is %s is refused naming it and its state, nothing written',
    async (state) => {
      const first = await firstTicketIn(state);
      const before = await rowCounts(t);
      const env = await desk.call('visits.checkIn', { beneficiaryId, reason: 'inquiry', clientKey: newClientKey() });
      expect(env.ok).toBe(false);
      if (env.ok) return;
      expect(env.error.code).toBe('confirm');
      expect(env.error.message).toBe(fill(ar.visitDesk.ticketToday, { ticket: 'A-001', state: ar.visitStates[state] }));
      expect(isArabicText(env.error.message)).toBe(true);
      expect(env.error.confirm).toEqual({ flag: 'again', visitId: first.id, ticket: 'A-001', state });
      expect(await rowCounts(t)).toEqual(before);
    },
  );

  it('confirmed with again: true, the second ticket is issued', async () => {
    await firstTicketIn('waiting');
    const second = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'missing_documents', again: true });
    expect(second).toMatchObject({ ticket: 'A-002', state: 'waiting', beneficiaryId });
  });

  it('the refused key, resent confirmed, issues one ticket; that key again returns it with no refusal', async () => {
    await firstTicketIn('waiting');
    const key = newClientKey();
    expect((await desk.call('visits.checkIn', { beneficiaryId, reason: 'inquiry', clientKey: key })).ok).toBe(false);
    const issued = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry', clientKey: key, again: true });
    const retried = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry', clientKey: key });
    expect(retried.id).toBe(issued.id);
    expect(retried.ticket).toBe('A-002');
  });

  it('the same client key twice (a double press) returns the first ticket, never a refusal', async () => {
    const key = newClientKey();
    const first = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry', clientKey: key });
    const again = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry', clientKey: key });
    expect(again.id).toBe(first.id);
  });

  it('an open ticket is named before a finished one of the same day', async () => {
    const done = await firstTicketIn('done');
    expect(done.ticket).toBe('A-001');
    await desk.ok('visits.checkIn', { beneficiaryId, reason: 'receive_aid', again: true });
    const env = await desk.call('visits.checkIn', { beneficiaryId, reason: 'inquiry' });
    expect(!env.ok && env.error.confirm).toMatchObject({ ticket: 'A-002', state: 'waiting' });
  });

  it('a cancelled ticket is void: no refusal', async () => {
    await firstTicketIn('cancelled');
    expect((await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry' })).ticket).toBe('A-002');
  });

  it("yesterday's ticket does not count", async () => {
    await firstTicketIn('waiting');
    t.clock.set('2024-02-15T06:30:00Z');
    await unlockAfterClockJump(desk);
    expect((await desk.ok('visits.checkIn', { beneficiaryId, reason: 'inquiry' })).ticket).toBe('A-001');
  });

  it('a visitor without a file is never held (there is no file to match)', async () => {
    await desk.ok('visits.checkIn', walkInInput());
    expect((await desk.ok('visits.checkIn', walkInInput())).ticket).toBe('A-002');
  });
});

describe("check-in: the search result carries today's ticket", () => {
  it("a search hit shows today's ticket and its state, following the visit; others show none", async () => {
    const namesake = (await desk.ok('beneficiaries.register', beneficiaryInput(22, ['محمد', 'عبدالله', 'فهد', 'القحطاني']))).id;
    const search = async () => {
      const hits = await desk.ok('beneficiaries.search', { text: 'محمد القحطاني' });
      return Object.fromEntries(hits.map((h) => [h.id, h.todayVisit]));
    };
    expect(await search()).toEqual({ [beneficiaryId]: null, [namesake]: null });

    const v = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'follow_up' });
    expect(await search()).toEqual({ [beneficiaryId]: { visitId: v.id, ticket: 'A-001', state: 'waiting' }, [namesake]: null });

    await desk.ok('visits.call', { visitId: v.id });
    expect((await search())[beneficiaryId]).toEqual({ visitId: v.id, ticket: 'A-001', state: 'serving' });

    // Found by ID or mobile, the same.
    const byId = await desk.ok('beneficiaries.search', { text: beneficiaryInput(21).identity.idNumber });
    expect(byId[0]).toMatchObject({ id: beneficiaryId, match: 'id', todayVisit: { ticket: 'A-001', state: 'serving' } });

    t.clock.set('2024-02-15T06:30:00Z');
    await unlockAfterClockJump(desk);
    expect((await search())[beneficiaryId]).toBeNull();
  });
});
