import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * P8: a complaint visit at the desk creates its entry in the complaints log when it is finished,
 * in the same transaction, linked to the visit and its beneficiary; the receptionist gets its number.
 */
let t: TestCore;
let desk: SignedIn;
let sup: SignedIn;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-09T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist');
  sup = await signedInAs(t, 'supervisor');
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(52))).id;
});
afterAll(() => t.cleanup());

const complaints = () => t.db.selectFrom('complaints').selectAll().orderBy('id').execute();

async function servingComplaint(): Promise<number> {
  const { id } = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'complaint', again: true });
  await desk.ok('visits.call', { visitId: id, alsoWhileServing: true });
  return id;
}

describe('finishing a complaint visit', () => {
  it('P8: the finish records the complaint with the visit, the beneficiary and the channel, and answers its number', async () => {
    const visitId = await servingComplaint();
    const done = await desk.ok('visits.finish', {
      visitId,
      outcome: 'complaint_recorded',
      outcomeNote: 'انتظرت أكثر من ساعة ولم يُنادَ رقمي',
      complaintCategory: 'waiting_time',
    });
    expect(done.state).toBe('done');
    expect(done.complaint).toMatchObject({ number: expect.stringMatching(/^ش-1446-00001$/), dueDate: '2025-03-16' });
    const [row] = await complaints();
    expect(row).toMatchObject({
      id: done.complaint!.id,
      visit_id: visitId,
      beneficiary_id: beneficiaryId,
      channel: 'interview',
      category: 'waiting_time',
      text: 'انتظرت أكثر من ساعة ولم يُنادَ رقمي',
      state: 'new',
    });
    const list = await sup.ok('complaints.list', {});
    expect(list.rows[0]).toMatchObject({ visitId, visitTicket: done.ticket, beneficiaryName: done.name });
  });

  it('P8: without its text the finish is refused and neither the visit nor the log changes', async () => {
    const visitId = await servingComplaint();
    const before = await rowCounts(t);
    const logged = (await complaints()).length;
    const env = await desk.call('visits.finish', { visitId, outcome: 'complaint_recorded', outcomeNote: '  ' });
    expect(!env.ok && env.error.message).toBe(ar.visitDesk.complaintTextRequired);
    expect((await complaints()).length).toBe(logged);
    expect(await rowCounts(t)).toEqual(before);
    expect((await desk.ok('visits.get', { visitId })).state).toBe('serving');
  });

  it('P8: finishing the same visit twice (a double press, a second desk) records no second complaint', async () => {
    const visitId = await servingComplaint();
    await desk.ok('visits.finish', { visitId, outcome: 'complaint_recorded', outcomeNote: 'الأولى' });
    const logged = (await complaints()).length;
    const again = await desk.call('visits.finish', { visitId, outcome: 'complaint_recorded', outcomeNote: 'الثانية' });
    expect(again.ok).toBe(false);
    expect((await complaints()).length).toBe(logged);
  });

  it('P8: other visits record no complaint', async () => {
    const logged = (await complaints()).length;
    const { id } = await desk.ok('visits.checkIn', { beneficiaryId, reason: 'receive_aid', again: true });
    await desk.ok('visits.call', { visitId: id, alsoWhileServing: true });
    expect((await desk.ok('visits.finish', { visitId: id, outcome: 'aid_delivered' })).complaint).toBeNull();
    expect((await complaints()).length).toBe(logged);
  });

  it('P8: a complaint received later for a visit of another beneficiary is refused', async () => {
    const visitId = await servingComplaint();
    const other = (await desk.ok('beneficiaries.register', beneficiaryInput(53, ['سارة', 'محمد', 'علي', 'الغامدي']))).id;
    const env = await desk.call('complaints.create', { channel: 'interview', text: 'نص', visitId, beneficiaryId: other });
    expect(!env.ok && env.error.message).toBe(ar.complaints.visitOtherPerson);
  });
});
