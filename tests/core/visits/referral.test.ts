import { afterEach, beforeEach, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/** S3: the desk refers a visitor to the social researcher with a note; the researcher takes and finishes it. */
let t: TestCore;
let desk: SignedIn;
let researcher: SignedIn;
let otherResearcher: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist');
  researcher = await signedInAs(t, 'researcher', { deskId: 3, username: 'muneera', fullName: 'منيرة عبدالله الحربي' });
  otherResearcher = await signedInAs(t, 'researcher', { deskId: 3, username: 'hessa', fullName: 'حصة فهد الدوسري' });
});
afterEach(() => t.cleanup());

async function servedVisit() {
  const b = await desk.ok('beneficiaries.register', beneficiaryInput(5));
  const v = await desk.ok('visits.checkIn', { beneficiaryId: b.id, reason: 'new_request' });
  await desk.ok('visits.call', { visitId: v.id });
  return v.id;
}

it('S3: refer → appears in the researcher\'s list → take → finish → leaves the list', async () => {
  const visitId = await servedVisit();
  expect((await desk.ok('users.researchers', {})).map((u) => u.fullName)).toContain('منيرة عبدالله الحربي');

  const referred = await desk.ok('visits.refer', { visitId, researcherId: researcher.user.id, note: 'الإجراءات غير واضحة للمراجع' });
  expect(referred).toMatchObject({ state: 'referred', referralNote: 'الإجراءات غير واضحة للمراجع', referredTo: { fullName: 'منيرة عبدالله الحربي' } });

  const list = await researcher.ok('visits.referrals', {});
  expect(list.map((v) => v.id)).toEqual([visitId]);
  expect(list[0]!.name).toBe('محمد عبدالله سعد القحطاني');

  // Another researcher sees the hall's referrals but cannot take one addressed to a colleague.
  const grab = await otherResearcher.call('visits.take', { visitId });
  expect(!grab.ok && grab.error).toMatchObject({ code: 'forbidden', message: ar.messages.notYourReferral });

  t.clock.advance({ minutes: 7 });
  const taken = await researcher.ok('visits.take', { visitId });
  expect(taken).toMatchObject({ state: 'serving', servedBy: { id: researcher.user.id }, servingDeskName: 'مكتب الباحث الاجتماعي' });
  // Still on the researcher's list while being served, so it can be finished from there.
  expect((await researcher.ok('visits.referrals', {})).map((v) => v.id)).toEqual([visitId]);
  expect(await otherResearcher.ok('visits.referrals', {})).toEqual([]);

  const done = await researcher.ok('visits.finish', { visitId, outcome: 'request_opened', outcomeNote: 'شُرحت إجراءات الدراسة' });
  expect(done).toMatchObject({ state: 'done', outcome: 'request_opened', endedAt: t.clock.iso() });
  expect(await researcher.ok('visits.referrals', {})).toEqual([]);

  const events = await t.db.selectFrom('visit_events').select(['action', 'user_id']).where('visit_id', '=', visitId).orderBy('id').execute();
  expect(events).toEqual([
    { action: 'checkIn', user_id: desk.user.id },
    { action: 'call', user_id: desk.user.id },
    { action: 'refer', user_id: desk.user.id },
    { action: 'take', user_id: researcher.user.id },
    { action: 'finish', user_id: researcher.user.id },
  ]);
});

it('a referral to no one in particular can be taken by any researcher', async () => {
  const visitId = await servedVisit();
  await desk.ok('visits.refer', { visitId, note: 'يحتاج شرحاً للإجراءات' });
  expect((await otherResearcher.ok('visits.referrals', {})).map((v) => v.id)).toEqual([visitId]);
  const taken = await otherResearcher.ok('visits.take', { visitId });
  expect(taken.referredTo?.id).toBe(otherResearcher.user.id);
});

it('a referral needs a note, and a real researcher; otherwise nothing changes', async () => {
  const visitId = await servedVisit();
  const before = await rowCounts(t);
  const noNote = await desk.call('visits.refer', { visitId, note: ' ' });
  expect(!noNote.ok && noNote.error).toMatchObject({ code: 'validation', issues: [{ path: ['note'], message: ar.messages.referNoteRequired }] });
  const notResearcher = await desk.call('visits.refer', { visitId, researcherId: desk.user.id, note: 'سبب الإحالة' });
  expect(!notResearcher.ok && notResearcher.error.code).toBe('not_found');
  expect(await rowCounts(t)).toEqual(before);
  expect((await desk.ok('visits.get', { visitId })).state).toBe('serving');
});

it('the receptionist cannot take a referral (it is the researcher\'s work)', async () => {
  const visitId = await servedVisit();
  await desk.ok('visits.refer', { visitId, note: 'يحتاج شرحاً للإجراءات' });
  const env = await desk.call('visits.take', { visitId });
  expect(!env.ok && env.error.code).toBe('forbidden');
});
