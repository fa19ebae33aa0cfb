import { afterEach, beforeEach, expect, it } from 'vitest';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Call-next answers the visit it called without reading it back (call-next.ts: the claimed row with the
 * call's change): what the desk shows must be what any later read shows, names included, and what the
 * audit trail keeps must be the row as it stood and that same view.
 */
let t: TestCore;
let desk: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist', { deskId: 2, username: 'noura', fullName: 'نورة سعد العتيبي' });
});
afterEach(() => t.cleanup());

it('S1: the visit call-next answers is the visit as then read, with this desk and this receptionist named; its audit row keeps the row before and that view', async () => {
  const admin = await signedInAs(t, 'admin');
  const person = await admin.ok('beneficiaries.register', beneficiaryInput(17));
  // Checked in at another desk: the visit's desk and the desk that serves it differ.
  const elsewhere = await signedInAs(t, 'receptionist', { deskId: 1, username: 'salma' });
  const withFile = await elsewhere.ok('visits.checkIn', { beneficiaryId: person.id, reason: 'inquiry' });
  t.clock.advance({ minutes: 1 });
  const walkIn = await elsewhere.ok('visits.checkIn', walkInInput('منى سعد القرني'));
  const rowBefore = await t.db.selectFrom('visits').selectAll().where('id', '=', withFile.id).executeTakeFirstOrThrow();

  t.clock.advance({ minutes: 4 });
  const called = (await desk.ok('visits.callNext', {}))!;
  expect(called).toEqual(await desk.ok('visits.get', { visitId: withFile.id }));
  expect(called).toMatchObject({
    id: withFile.id,
    state: 'serving',
    name: person.fullName,
    hasFile: true,
    deskName: withFile.deskName,
    servedBy: { id: desk.user.id, fullName: 'نورة سعد العتيبي' },
    calledAt: '2024-02-14T06:35:00.000Z',
    version: rowBefore.version + 1,
  });
  expect(called.servingDeskName).not.toBe(withFile.deskName);
  expect(called.servingDeskName).toBeTruthy();

  const audit = await t.db.selectFrom('audit').selectAll().where('entity', '=', 'visit').where('entity_id', '=', withFile.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  expect(audit).toMatchObject({ operation: 'visits.callNext', user_id: desk.user.id });
  expect(JSON.parse(audit.before!)).toEqual(JSON.parse(JSON.stringify(rowBefore)));
  expect(JSON.parse(audit.after!)).toEqual(JSON.parse(JSON.stringify(called)));
  const events = await t.db.selectFrom('visit_events').selectAll().where('visit_id', '=', withFile.id).orderBy('id').execute();
  expect(events.map((e) => `${e.from_state ?? ''}→${e.to_state}`)).toEqual(['→waiting', 'waiting→serving']);

  // The walk-in next (confirmed, the first still served): named by the name typed at the desk.
  const second = (await desk.ok('visits.callNext', { alsoWhileServing: true }))!;
  expect(second).toEqual(await desk.ok('visits.get', { visitId: walkIn.id }));
  expect(second).toMatchObject({ name: 'منى سعد القرني', hasFile: false, mobile: '+966551234567' });
});
