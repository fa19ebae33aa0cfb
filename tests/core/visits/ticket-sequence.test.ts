import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Tickets (S1): a per-desk sequence with the desk's prefix, restarting at the desk's LOCAL midnight
 * (Asia/Riyadh, UTC+3 → 21:00 UTC), not at UTC midnight.
 */
let t: TestCore;
let deskA: SignedIn;
let deskB: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T20:50:00Z' }); // 23:50 in Riyadh
  // The clock jumps here are about tickets, not about the inactivity lock.
  await (await signedInAs(t, 'admin')).ok('settings.update', { lockAfterMinutes: 240 });
  deskA = await signedInAs(t, 'receptionist', { deskId: 1 });
  deskB = await signedInAs(t, 'receptionist', { deskId: 2 });
});
afterEach(() => t.cleanup());

const checkIn = async (desk: SignedIn) => {
  const v = await desk.ok('visits.checkIn', walkInInput());
  return `${v.day} ${v.ticket}`;
};

describe('ticket sequence per desk per day', () => {
  it('counts per desk with its prefix', async () => {
    expect(await checkIn(deskA)).toBe('2024-02-14 A-001');
    expect(await checkIn(deskA)).toBe('2024-02-14 A-002');
    expect(await checkIn(deskB)).toBe('2024-02-14 B-001');
    expect(await checkIn(deskA)).toBe('2024-02-14 A-003');
    expect(await checkIn(deskB)).toBe('2024-02-14 B-002');
  });

  it('restarts at the desk\'s local midnight (21:00 UTC), not before', async () => {
    expect(await checkIn(deskA)).toBe('2024-02-14 A-001');
    expect(await checkIn(deskB)).toBe('2024-02-14 B-001');
    t.clock.set('2024-02-14T20:59:59.999Z'); // 23:59:59.999 in Riyadh
    expect(await checkIn(deskA)).toBe('2024-02-14 A-002');

    t.clock.set('2024-02-14T21:00:00.000Z'); // 00:00 in Riyadh
    expect(await checkIn(deskA)).toBe('2024-02-15 A-001');
    expect(await checkIn(deskB)).toBe('2024-02-15 B-001');
    expect(await checkIn(deskA)).toBe('2024-02-15 A-002');
  });

  it('does not restart at UTC midnight (03:00 in Riyadh)', async () => {
    t.clock.set('2024-02-14T23:59:00Z');
    expect(await checkIn(deskA)).toBe('2024-02-15 A-001');
    t.clock.set('2024-02-15T00:00:30Z');
    expect(await checkIn(deskA)).toBe('2024-02-15 A-002');
  });

  it('the new day\'s queue starts empty; yesterday\'s visitors stay on yesterday\'s register and are not called today', async () => {
    await checkIn(deskA);
    await checkIn(deskB);
    t.clock.set('2024-02-14T21:05:00Z');
    await checkIn(deskA);

    const today = await deskA.ok('visits.queue', {});
    expect(today.day).toBe('2024-02-15');
    expect(today.visits.map((v) => v.ticket)).toEqual(['A-001']);
    expect(today.counts.waiting).toBe(1);

    const yesterday = await deskA.ok('visits.queue', { day: '2024-02-14' });
    expect(yesterday.visits.map((v) => v.ticket).sort()).toEqual(['A-001', 'B-001']);

    const first = await deskB.ok('visits.callNext', {});
    expect(first?.day).toBe('2024-02-15');
    expect(await deskB.ok('visits.callNext', {})).toBeNull();
  });
});
