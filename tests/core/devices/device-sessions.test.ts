import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type OperationName } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { anonymous, bind, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/** Device screens (S1's hall display, P6's kiosk): a screen with nobody at it, opened from a desk. */
let t: TestCore;
let desk: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist', { username: 'noura', deskId: 2 });
});
afterEach(() => t.cleanup());

const forbidden = { ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } };

async function openDevice(kind: 'display' | 'kiosk', by: SignedIn = desk) {
  const opened = await by.ok('devices.open', { kind });
  return { ...opened, ...bind(t, opened.sessionId) };
}

const auditRows = (operation: string) =>
  t.db.selectFrom('audit').select(['kind', 'user_id', 'desk_id', 'reason', 'after']).where('operation', '=', operation).orderBy('id').execute();

describe('opening a device screen', () => {
  it('S1: a staff member at a signed-in desk opens a hall display of that desk, audited with who and where', async () => {
    const display = await openDevice('display');
    expect(display).toMatchObject({ kind: 'display', deskId: 2 });
    expect(await display.ok('devices.current', {})).toMatchObject({ kind: 'display', desk: { id: 2 }, associationName: 'جمعية البر الخيرية' });
    expect(await auditRows('devices.open')).toEqual([
      { kind: 'change', user_id: desk.user.id, desk_id: 2, reason: null, after: JSON.stringify({ opened: 'display', deskId: 2 }) },
    ]);
  });

  it('P6: a kiosk belongs to the desk it was opened at', async () => {
    const other = await signedInAs(t, 'receptionist', { username: 'khalid', deskId: 1 });
    expect((await (await openDevice('kiosk', other)).ok('devices.current', {})).desk.id).toBe(1);
    expect((await (await openDevice('kiosk')).ok('devices.current', {})).desk.id).toBe(2);
  });

  it('S1: nobody signed in opens no device screen, and nothing is written', async () => {
    const before = await rowCounts(t);
    const env = await anonymous(t).call('devices.open', { kind: 'display' });
    expect(!env.ok && env.error.code).toBe('unauthenticated');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('S1: an unknown kind of screen is refused in Arabic', async () => {
    const env = await desk.call('devices.open', { kind: 'television' });
    expect(!env.ok && env.error.code).toBe('validation');
  });
});

describe('a device screen outlives the desk that opened it', () => {
  it('S1: it keeps working after the desk locks, past the inactivity lock, and after the receptionist signs out', async () => {
    const display = await openDevice('display');
    await desk.ok('auth.lock', {});
    t.clock.advance({ hours: 3 });
    expect((await display.ok('devices.current', {})).kind).toBe('display');
    await desk.ok('auth.unlock', { password: STAFF_PASSWORD });
    await desk.ok('auth.signOut', {});
    expect((await display.ok('devices.current', {})).kind).toBe('display');
    expect(typeof (await display.ok('settings.revision', {})).revision).toBe('number');
  });
});

describe('a device screen calls only its own operations', () => {
  const granted = (kind: 'display' | 'kiosk') =>
    (Object.keys(contract) as OperationName[]).filter((op) => (contract[op] as { devices?: readonly string[] }).devices?.includes(kind));
  const refused = (kind: 'display' | 'kiosk') =>
    (Object.keys(contract) as OperationName[]).filter((op) => !(contract[op] as { devices?: readonly string[] }).devices?.includes(kind));

  it('S1: the display is granted only reading its own state, the change counter and what the display shows', () => {
    expect(granted('display')).toEqual(expect.arrayContaining(['devices.current', 'devices.close', 'settings.revision']));
    for (const op of granted('display')) expect(op).toMatch(/^(devices|settings\.revision|display)\b/);
  });

  it.each(['display', 'kiosk'] as const)('S1: a %s session is refused every other operation, public ones and sign-in included, and nothing runs', async (kind) => {
    const device = await openDevice(kind);
    const before = await rowCounts(t);
    for (const op of refused(kind)) {
      expect(await device.call(op, {}), op).toEqual(forbidden);
    }
    const stillRefused = await device.call('auth.signIn', { username: 'noura', password: STAFF_PASSWORD, deskId: 1 });
    expect(stillRefused).toEqual(forbidden);
    expect((await device.ok('devices.current', {})).kind).toBe(kind);
    // Only the refusals' own audit rows were written (no sign-in, no queue, no search).
    const after = await rowCounts(t);
    expect({ ...after, audit: before.audit }).toEqual(before);
  });

  it('S1: a refused call from a device is in the audit trail, naming who opened it and the desk', async () => {
    const display = await openDevice('display');
    expect(await display.call('visits.queue', {})).toEqual(forbidden);
    const rows = await auditRows('visits.queue');
    expect(rows).toEqual([{ kind: 'refused', user_id: desk.user.id, desk_id: 2, reason: 'forbidden', after: null }]);
  });

  it('S1: staff never call a device screen\'s own operations as if they were one', async () => {
    expect(await desk.call('devices.current', {})).toEqual(forbidden);
    expect(await desk.call('devices.close', { username: 'noura', password: STAFF_PASSWORD })).toEqual(forbidden);
  });
});

describe('closing a device screen', () => {
  it('S1: a wrong password closes nothing, is counted like a failed sign-in and recorded as refused', async () => {
    const display = await openDevice('display');
    const env = await display.call('devices.close', { username: 'noura', password: 'not-the-password' });
    expect(!env.ok && env.error.message).toBe(ar.messages.badCredentials);
    const failures = await t.db.selectFrom('sign_in_failures').select('failures').where('username', '=', 'noura').executeTakeFirst();
    expect(failures?.failures).toBe(1);
    expect((await display.ok('devices.current', {})).kind).toBe('display');
    const [row] = await auditRows('devices.close');
    expect(row).toMatchObject({ kind: 'refused', reason: 'credentials' });
    expect(row!.after).not.toContain('not-the-password');
  });

  it('S1: an unknown username gets the same answer as a wrong password', async () => {
    const kiosk = await openDevice('kiosk');
    const env = await kiosk.call('devices.close', { username: 'nobody', password: STAFF_PASSWORD });
    expect(!env.ok && env.error.message).toBe(ar.messages.badCredentials);
  });

  it('S1: any active staff member\'s password closes it, audited; the page then may call nothing a device could', async () => {
    const display = await openDevice('display');
    await signedInAs(t, 'supervisor', { username: 'fahad' });
    expect(await display.ok('devices.close', { username: 'fahad', password: STAFF_PASSWORD })).toEqual({ closed: true });
    const rows = await auditRows('devices.close');
    expect(rows.map((r) => r.kind)).toEqual(['change']);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ closed: 'display', deskId: 2 });
    const after = await display.call('devices.current', {});
    expect(!after.ok && after.error.code).toBe('unauthenticated');
    expect(await display.call('settings.revision', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('S1: a stopped account\'s password does not close it', async () => {
    const admin = await signedInAs(t, 'admin');
    const leaver = await signedInAs(t, 'receptionist', { username: 'leaver' });
    await admin.ok('users.setActive', { userId: leaver.user.id, active: false });
    const display = await openDevice('display');
    const env = await display.call('devices.close', { username: 'leaver', password: STAFF_PASSWORD });
    expect(!env.ok && env.error.message).toBe(ar.messages.userInactive);
    expect((await display.ok('devices.current', {})).kind).toBe('display');
  });
});
