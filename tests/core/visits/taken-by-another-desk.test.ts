import { afterEach, beforeEach, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { isArabicText, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, type TestCore } from '../../helpers/test-core';

/** Two desks, one visitor: the second desk learns who took the visitor, and nothing changes (docs/architecture.md#reliability). */
let t: TestCore;
let deskA: SignedIn;
let deskB: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  deskA = await signedInAs(t, 'receptionist', { deskId: 1, username: 'noura', fullName: 'نورة سعد العتيبي' });
  deskB = await signedInAs(t, 'receptionist', { deskId: 2, username: 'khalid', fullName: 'خالد محمد الشهري' });
});
afterEach(() => t.cleanup());

const snapshot = async (id: number) => ({
  visit: await t.db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst(),
  audit: await countRows(t, 'audit'),
  events: await countRows(t, 'visit_events'),
});

it('calling a visitor another desk already called → conflict naming that employee, nothing written', async () => {
  const v = await deskA.ok('visits.checkIn', walkInInput());
  const called = await deskA.ok('visits.call', { visitId: v.id });
  expect(called.servedBy?.fullName).toBe('نورة سعد العتيبي');
  expect(called.servingDeskName).toBe('مكتب الاستقبال 1');

  const before = await snapshot(v.id);
  const env = await deskB.call('visits.call', { visitId: v.id });
  expect(env.ok).toBe(false);
  if (!env.ok) {
    expect(env.error.code).toBe('conflict');
    expect(env.error.message).toContain('نورة سعد العتيبي');
    expect(env.error.message).toContain(ar.visitStates.serving);
    expect(isArabicText(env.error.message)).toBe(true);
  }
  expect(await snapshot(v.id)).toEqual(before);
});

it('referring a visitor another desk already finished names that desk\'s employee too', async () => {
  const v = await deskA.ok('visits.checkIn', walkInInput());
  await deskA.ok('visits.call', { visitId: v.id });
  await deskA.ok('visits.finish', { visitId: v.id, outcome: 'answered', inquiry: 'سؤال عن الدعم', answer: 'أجيب' });

  const before = await snapshot(v.id);
  const env = await deskB.call('visits.refer', { visitId: v.id, note: 'شرح إجراءات الدراسة' });
  expect(!env.ok && env.error.code).toBe('conflict');
  expect(!env.ok && env.error.message).toContain('نورة سعد العتيبي');
  expect(await snapshot(v.id)).toEqual(before);
});

it('a second click on "call" by the same desk does not call twice', async () => {
  const v = await deskA.ok('visits.checkIn', walkInInput());
  await deskA.ok('visits.call', { visitId: v.id });
  const before = await snapshot(v.id);
  const again = await deskA.call('visits.call', { visitId: v.id });
  expect(!again.ok && again.error.code).toBe('conflict');
  expect(await snapshot(v.id)).toEqual(before);
});

it('call-next after the other desk took the only visitor answers "nobody waits" (null), nothing written', async () => {
  const v = await deskA.ok('visits.checkIn', walkInInput());
  expect((await deskA.ok('visits.callNext', {}))?.id).toBe(v.id);
  const before = await snapshot(v.id);
  expect(await deskB.ok('visits.callNext', {})).toBeNull();
  expect((await snapshot(v.id)).visit).toEqual(before.visit);
});

it('call-next takes the oldest waiting visitor first, across desks', async () => {
  const first = await deskB.ok('visits.checkIn', walkInInput('أول الواصلين'));
  t.clock.advance({ minutes: 1 });
  const second = await deskA.ok('visits.checkIn', walkInInput('ثاني الواصلين'));
  expect((await deskA.ok('visits.callNext', {}))?.id).toBe(first.id);
  await deskA.ok('visits.finish', { visitId: first.id, outcome: 'answered', inquiry: 'متى يبدأ الدوام؟', answer: 'الساعة الثامنة' });
  expect((await deskA.ok('visits.callNext', {}))?.id).toBe(second.id);
});
