import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { MAX_SESSIONS, SessionStore } from '../../../electron/core/sessions';
import { bind, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/** Sessions (docs/architecture.md#security): idle ones expire (a setting, 12 hours by default), are removed, and a shell keeps at most MAX_SESSIONS. */
let t: TestCore;
let admin: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  await signedInAs(t, 'receptionist', { username: 'noura' });
});
afterEach(() => t.cleanup());

const unauthenticated = { ok: false, error: { code: 'unauthenticated', message: ar.errors.unauthenticated } };

/** A browser tab on the loopback shell (or a script): a session no window holds. */
async function tab(username?: string) {
  const s = bind(t, t.createSession());
  if (username) await s.ok('auth.signIn', { username, password: STAFF_PASSWORD, deskId: 1 });
  return s;
}

describe('idle sessions expire', () => {
  it('Sessions: the expiry is a setting, 12 hours unless the administrator changes it, within 1 to 168 hours', async () => {
    expect((await admin.ok('settings.get', {})).sessionExpiryHours).toBe(12);
    expect((await admin.ok('settings.update', { sessionExpiryHours: 2 })).sessionExpiryHours).toBe(2);
    for (const hours of [0, 169]) {
      const env = await admin.call('settings.update', { sessionExpiryHours: hours });
      expect(!env.ok && env.error.issues?.[0]?.path).toEqual(['sessionExpiryHours']);
    }
  });

  it('Sessions: a desk window signed in and idle past the expiry is signed out at its next call; activity keeps it signed in', async () => {
    await admin.ok('settings.update', { lockAfterMinutes: 240 });
    const desk = await signedInAs(t, 'receptionist', { username: 'khalid' });
    for (let i = 0; i < 5; i++) {
      t.clock.advance({ hours: 3 });
      await desk.ok('auth.touch', {}); // at work all day: typing, clicking
    }
    expect((await desk.ok('auth.session', {})).user?.username).toBe('khalid');
    t.clock.advance({ hours: 11, minutes: 59 });
    expect((await desk.ok('auth.session', {})).user?.username).toBe('khalid');
    t.clock.advance({ minutes: 2 });
    expect(await desk.ok('auth.session', {})).toMatchObject({ user: null, desk: null, locked: false });
    expect(await desk.call('visits.queue', {})).toEqual(unauthenticated);
    // The window itself stays usable: its sign-in screen signs in again.
    await desk.ok('auth.signIn', { username: 'khalid', password: STAFF_PASSWORD, deskId: 1 });
  });

  it('Sessions: a shorter expiry set by the administrator applies to every session', async () => {
    const desk = await signedInAs(t, 'receptionist', { username: 'khalid' });
    await admin.ok('settings.update', { sessionExpiryHours: 2 });
    t.clock.advance({ hours: 2, seconds: 1 });
    expect((await desk.ok('auth.session', {})).user).toBeNull();
  });

  it('Sessions: a tab nobody calls any more (closed) is gone once the expiry passes; an open one polling stays, signed out', async () => {
    const closed = await tab('noura');
    const open = await tab('noura');
    for (let h = 0; h < 13; h++) {
      t.clock.advance({ hours: 1 });
      await open.ok('auth.session', {}); // an open tab polls, nobody works at it
    }
    expect(await closed.call('auth.session', {})).toEqual(unauthenticated);
    expect((await open.ok('auth.session', {})).user).toBeNull();
  });

  it('Sessions: the sweep removes idle tabs and signs out idle desk windows without waiting for their next call', async () => {
    const tabs = await Promise.all([tab(), tab('noura'), tab()]);
    const desk = await signedInAs(t, 'receptionist', { username: 'khalid' });
    t.clock.advance({ hours: 6 });
    const fresh = await tab();
    t.clock.advance({ hours: 6, seconds: 1 });
    const swept = await t.sweepSessions();
    // The three tabs go; the desk windows of the administrator, noura and khalid, idle as long, are signed out.
    expect(swept).toEqual({ removed: 3, signedOut: 3 });
    for (const s of tabs) expect(await s.call('auth.session', {})).toEqual(unauthenticated);
    expect((await desk.ok('auth.session', {})).user).toBeNull();
    expect((await fresh.ok('auth.session', {})).needsSetup).toBe(false);
  });
});

describe('a cap on the sessions a shell keeps', () => {
  it(`Sessions: past ${MAX_SESSIONS} sessions the oldest idle anonymous ones go first; signed-in tabs and desk windows stay`, async () => {
    const signedInTab = await tab('noura');
    const window = await signedInAs(t, 'receptionist', { username: 'khalid' });
    const first = await tab();
    t.clock.advance({ seconds: 1 });
    for (let i = 0; i < MAX_SESSIONS; i++) t.createSession();
    expect(await first.call('auth.session', {})).toEqual(unauthenticated);
    expect((await signedInTab.ok('auth.session', {})).user?.username).toBe('noura');
    expect((await window.ok('auth.session', {})).user?.username).toBe('khalid');
  });

  it('Sessions: when every kept session is signed in, the one seen longest ago makes room; a desk window is never the one', () => {
    const store = new SessionStore(3);
    const [a, b, c] = [store.create(0), store.create(0), store.create(0)];
    for (const s of [a, b, c]) s.userId = 1;
    expect(store.use(a, 1_000, 3_600_000)).toBe(true); // a is seen again: b is now the one seen longest ago
    store.create(2_000);
    expect([store.get(a.id), store.get(b.id), store.get(c.id)]).toEqual([a, undefined, c]);

    const windows = new SessionStore(2);
    const held = [windows.create(0, { heldByWindow: true }), windows.create(0, { heldByWindow: true })];
    windows.create(1_000);
    expect(held.map((s) => windows.get(s.id))).toEqual(held);
    expect(windows.size).toBe(3);
  });
});
