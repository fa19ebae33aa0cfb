import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, refusedCount, rowCounts, type TestCore } from '../../helpers/test-core';

/** The session locks after inactivity (a setting) and unlocks with the password. */
let t: TestCore;
let admin: SignedIn;
let desk: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  await admin.ok('settings.update', { lockAfterMinutes: 5 });
  desk = await signedInAs(t, 'receptionist');
});
afterEach(() => t.cleanup());

const locked = { ok: false, error: { code: 'locked', message: ar.errors.locked } };

describe('lock after inactivity', () => {
  it('the setting is what the session reports', async () => {
    expect((await desk.ok('auth.session', {})).lockAfterMinutes).toBe(5);
  });

  it('stays open while the user works, locks once the setting\'s minutes pass without activity', async () => {
    t.clock.advance({ minutes: 4 });
    await desk.ok('visits.checkIn', walkInInput()); // activity: the clock starts again
    t.clock.advance({ minutes: 4 });
    expect((await desk.call('visits.queue', {})).ok).toBe(true);
    t.clock.advance({ minutes: 1, seconds: 1 }); // 5:01 since the check-in
    expect(await desk.call('visits.queue', {})).toEqual(locked);
    expect(await desk.call('visits.checkIn', walkInInput())).toEqual(locked);
    const session = await desk.ok('auth.session', {});
    expect(session).toMatchObject({ locked: true, user: { id: desk.user.id } });
  });

  it('polling the queue is not activity; the renderer\'s touch is', async () => {
    for (let i = 0; i < 4; i++) {
      t.clock.advance({ minutes: 1 });
      await desk.ok('visits.queue', {});
    }
    t.clock.advance({ minutes: 1 });
    await desk.ok('auth.touch', {}); // typing in the search box
    t.clock.advance({ minutes: 4, seconds: 59 });
    expect((await desk.call('visits.queue', {})).ok).toBe(true);
    t.clock.advance({ minutes: 2 });
    expect(await desk.call('visits.queue', {})).toEqual(locked);
  });

  it('a wrong password is refused and the session stays locked; the right one unlocks it', async () => {
    t.clock.advance({ minutes: 6 });
    expect(await desk.call('visits.queue', {})).toEqual(locked);

    const before = await rowCounts(t);
    const refusedBefore = await refusedCount(t);
    const wrong = await desk.call('auth.unlock', { password: 'not-my-password' });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'validation', message: ar.messages.badPassword });
    // Only the failure's audit row, as refused (tests/core/auth/sign-in-guessing.test.ts).
    expect(await rowCounts(t)).toEqual(before);
    expect(await refusedCount(t)).toBe(refusedBefore + 1);
    expect(await desk.call('visits.queue', {})).toEqual(locked);

    // Someone else's password does not open this session either.
    const adminsPassword = await desk.call('auth.unlock', { password: admin.password });
    expect(adminsPassword.ok).toBe(false);

    const view = await desk.ok('auth.unlock', { password: desk.password });
    expect(view).toMatchObject({ locked: false, user: { id: desk.user.id } });
    // Same user, same desk, same session: the screen underneath carries on.
    expect(view.desk?.id).toBe(1);
    expect((await desk.ok('visits.checkIn', walkInInput())).ticket).toBe('A-001');
  });

  it('locking by hand works at once, and only the unlock screen\'s operations answer', async () => {
    await desk.ok('auth.lock', {});
    expect(await desk.call('visits.queue', {})).toEqual(locked);
    expect(await desk.call('beneficiaries.search', { text: 'محمد' })).toEqual(locked);
    expect((await desk.call('settings.desks', {})).ok).toBe(true);
    expect((await desk.ok('auth.session', {})).locked).toBe(true);
    await desk.ok('auth.unlock', { password: desk.password });
    expect((await desk.call('visits.queue', {})).ok).toBe(true);
  });

  it('a locked session can still sign out', async () => {
    t.clock.advance({ minutes: 10 });
    await desk.ok('auth.signOut', {});
    const view = await desk.ok('auth.session', {});
    expect(view).toMatchObject({ user: null, locked: false });
  });

  it('one desk\'s lock does not lock another window', async () => {
    const other = await signedInAs(t, 'receptionist', { deskId: 2 });
    await desk.ok('auth.lock', {});
    expect((await other.call('visits.queue', {})).ok).toBe(true);
  });
});
