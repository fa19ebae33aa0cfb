import { afterEach, beforeEach, expect, it } from 'vitest';
import { VISIT_STATES } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { normalizeArabic } from '@shared/text/normalize-arabic';
import { checkNationalId } from '@shared/validation/national-id';
import { checkNewPassword } from '../../../electron/core/auth/password-rules';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../electron/core/demo/seed-demo';
import { PASSWORD_MIN_LENGTH } from '@shared/contract/fields';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { anonymous, bind, signedInAs, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let admin: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T08:00:00Z' });
  admin = await signedInAs(t, 'admin');
});
afterEach(() => t.cleanup());

it('fills an empty store with a realistic morning: every visit state today, valid IDs, staff who can sign in', async () => {
  const summary = await admin.ok('demo.seed', {});
  expect(summary.beneficiaries).toBeGreaterThanOrEqual(100);
  expect(summary.visits).toBeGreaterThanOrEqual(20);
  expect(await rowCounts(t)).toMatchObject({ beneficiaries: summary.beneficiaries, visits: summary.visits });
  expect(summary.requests).toBeGreaterThanOrEqual(9);

  const queue = await admin.ok('visits.queue', {});
  expect(queue.day).toBe('2024-02-14');
  for (const state of VISIT_STATES) expect(queue.counts[state], state).toBeGreaterThan(0);
  expect(queue.visits.some((v) => !v.hasFile)).toBe(true);

  const people = await t.db.selectFrom('beneficiaries').select(['full_name', 'name_norm', 'id_type', 'id_number', 'mobile']).execute();
  for (const p of people) {
    expect(checkNationalId(p.id_number!, p.id_type as 'national_id' | 'iqama'), p.id_number).toBeNull();
    expect(p.full_name!.split(' ').length).toBeGreaterThanOrEqual(4);
    expect(p.name_norm).toBe(normalizeArabic(p.full_name!));
    expect(p.mobile).toMatch(/^\+9665\d{8}$/);
  }
  // Some names carry diacritics or alternative spellings, so the search has something to show.
  expect(people.some((p) => /[\u064B-\u0652]/.test(p.full_name!))).toBe(true);
  expect((await admin.ok('beneficiaries.search', { text: 'محمد القحطاني' })).length).toBeGreaterThan(0);

  const staff = anonymous(t);
  await staff.ok('auth.signIn', { username: DEMO_USERS[0].username, password: DEMO_PASSWORD, deskId: 1 });
  expect((await staff.ok('visits.callNext', {}))?.state).toBe('serving');

  // Tickets issued afterwards continue each desk's sequence.
  const next = await staff.ok('visits.checkIn', walkInInput());
  const sameDesk = queue.visits.filter((v) => v.ticket.startsWith('A-')).length;
  expect(next.ticket).toBe(`A-${String(sameDesk + 1).padStart(3, '0')}`);
});

it('refuses a second time, with an Arabic message, writing nothing', async () => {
  await admin.ok('demo.seed', {});
  const before = await rowCounts(t);
  const env = await admin.call('demo.seed', {});
  expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.messages.demoNeedsEmptyStore } });
  expect(await rowCounts(t)).toEqual(before);
});

it('refuses a store that already has real visits', async () => {
  await admin.ok('visits.checkIn', walkInInput());
  const before = await rowCounts(t);
  const env = await admin.call('demo.seed', {});
  expect(!env.ok && env.error.code).toBe('conflict');
  expect(await rowCounts(t)).toEqual(before);
});

it('Training data: refuses a store with a beneficiary but no visit yet — demo data never mixes with real data', async () => {
  await admin.ok('beneficiaries.register', beneficiaryInput(7));
  const before = await rowCounts(t);
  const env = await admin.call('demo.seed', {});
  expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.messages.demoNeedsEmptyStore } });
  expect(await rowCounts(t)).toEqual(before);
});

it('only the administrator may seed', async () => {
  const supervisor = await signedInAs(t, 'supervisor');
  expect(!(await supervisor.call('demo.seed', {})).ok).toBe(true);
  expect((await rowCounts(t)).visits).toBe(0);
});

it('the training password obeys the rules every other password does: long enough, not the username, not a common one', () => {
  expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
  for (const u of [...DEMO_USERS, { username: 'admin' }]) {
    expect(() => checkNewPassword(DEMO_PASSWORD, u.username, 'password', {})).not.toThrow();
  }
});

it('S1: today\'s called demo visits leave their hall calls: the hall display shows the desks serving and the last calls', async () => {
  await admin.ok('demo.seed', {});
  const { sessionId } = await admin.ok('devices.open', { kind: 'display' });
  const display = await bind(t, sessionId).ok('display.calls', {});
  const queue = await admin.ok('visits.queue', {});
  const called = queue.visits.filter((v) => v.calledAt !== null);
  expect(await countRows(t, 'hall_calls')).toBe(called.length);
  // Each serving visitor is a current call, at the desk serving them, by their ticket.
  const serving = queue.visits.filter((v) => v.state === 'serving');
  expect(display.current.map((c) => c.ticket).sort()).toEqual(serving.map((v) => v.ticket).sort());
  expect(display.recent).toHaveLength(5);
  // Newest first, as a hall's calls are made.
  const times = display.recent.map((c) => c.at);
  expect([...times].sort().reverse()).toEqual(times);
  expect(display.waiting).toBe(queue.counts.waiting);
});
