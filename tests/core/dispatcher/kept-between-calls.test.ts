import { afterAll, beforeAll, expect, it } from 'vitest';
import { unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Speed (docs/performance.md): the dispatcher keeps the signed-in user and the settings every call needs between
 * calls instead of reading them each time. What it keeps must never outlive a change: another desk's
 * process (its own connection to the same store) or anything written here makes it read them again.
 */
let desk: TestCore;
let office: TestCore;
let admin: SignedIn;

beforeAll(async () => {
  desk = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  // The administrator's desk: another process on the same data folder, with the same clock.
  office = await openTestCore({ now: desk.clock, dataDir: desk.dataDir });
  admin = await signedInAs(office, 'admin');
});
afterAll(async () => {
  await office.cleanup();
  await desk.cleanup();
});

it('Speed: a user deactivated from another desk\'s process is signed out at this desk\'s very next call', async () => {
  const me = await signedInAs(desk, 'receptionist', { username: 'leaver.a' });
  expect((await me.call('visits.queue', {})).ok).toBe(true);
  expect((await me.call('visits.queue', {})).ok).toBe(true);
  await admin.ok('users.setActive', { userId: me.user.id, active: false });
  const env = await me.call('visits.queue', {});
  expect(!env.ok && env.error.code).toBe('unauthenticated');
});

it('Speed: a shorter lock period set from another desk\'s process locks this desk at its next call', async () => {
  const me = await signedInAs(desk, 'receptionist', { username: 'stays.a' });
  desk.clock.advance({ minutes: 3 });
  expect((await me.call('visits.queue', {})).ok).toBe(true);
  await admin.ok('settings.update', { lockAfterMinutes: 2 });
  desk.clock.advance({ minutes: 3 });
  const env = await me.call('visits.queue', {});
  expect(!env.ok && env.error.code).toBe('locked');
  await unlockAfterClockJump(admin);
  await admin.ok('settings.update', { lockAfterMinutes: 10 });
});

it('Speed: a change written on this connection outside any operation is seen at the next call too', async () => {
  const me = await signedInAs(desk, 'receptionist', { username: 'leaver.b' });
  expect((await me.call('visits.queue', {})).ok).toBe(true);
  await desk.store.write((trx) => trx.updateTable('users').set({ active: 0 }).where('id', '=', me.user.id).execute());
  const env = await me.call('visits.queue', {});
  expect(!env.ok && env.error.code).toBe('unauthenticated');
});

it.each([
  ['after', false],
  ['before', true],
])("Speed: a user deactivated in this process while another window's check-in runs (%s it) is signed out at the next call", async (_when, deactivateFirst) => {
  const window = await signedInAs(desk, 'receptionist', { username: `busy.${_when}` });
  const leaver = await signedInAs(desk, 'receptionist', { username: `leaver.${_when}` });
  const admin = await signedInAs(desk, 'admin');
  expect((await leaver.call('visits.queue', {})).ok).toBe(true);
  const checkIn = () => window.call('visits.checkIn', { visitorName: 'سالم علي الحربي', visitorMobile: '0551234567', reason: 'inquiry' });
  const deactivate = () => admin.call('users.setActive', { userId: leaver.user.id, active: false });
  const results = await Promise.all(deactivateFirst ? [deactivate(), checkIn()] : [checkIn(), deactivate()]);
  for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(true);
  const env = await leaver.call('visits.queue', {});
  expect(!env.ok && env.error.code).toBe('unauthenticated');
});
