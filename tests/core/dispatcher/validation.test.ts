import { afterAll, beforeAll, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { isArabicText, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/** Input is validated by the contract's schema in the dispatcher, before any handler runs (docs/architecture.md#reliability). */
let t: TestCore;
let admin: SignedIn;

beforeAll(async () => {
  t = await openTestCore();
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.cleanup());

const cases: [string, string, unknown, string?][] = [
  ['a visitor with a non-Saudi mobile', 'visits.checkIn', walkInInput('سالم علي', { visitorMobile: '+201001234567' }), ar.messages.mobileInvalid],
  ['a reason that does not exist', 'visits.checkIn', { ...walkInInput(), reason: 'shopping' }],
  ['a channel that is not one of C1–C8', 'visits.checkIn', { ...walkInInput(), channel: 'telegram' }],
  ['a visit id that is text', 'visits.call', { visitId: 'A-001' }],
  ['a negative visit id', 'visits.cancel', { visitId: -1 }],
  ['an outcome that does not exist', 'visits.finish', { visitId: 1, outcome: 'happy' }],
  ['a malformed queue day', 'visits.queue', { day: '14/02/2024' }],
  ['extra fields on a strict input', 'visits.callNext', { desk: 2 }],
  ['a short password for a new user', 'users.create', { username: 'newuser', fullName: 'مستخدم جديد', role: 'receptionist', password: 'short' }, ar.messages.passwordTooShort],
  ['an Arabic username', 'users.create', { username: 'نورة', fullName: 'نورة سعد', role: 'receptionist', password: 'long-enough-1' }, ar.messages.usernameFormat],
  ['a role that does not exist', 'users.create', { username: 'boss', fullName: 'مدير عام', role: 'owner', password: 'long-enough-1' }],
  ['a lock time of zero minutes', 'settings.update', { lockAfterMinutes: 0 }],
  ['null input where fields are required', 'beneficiaries.register', null],
  ['a number as input', 'visits.checkIn', 7],
];

it.each(cases)('%s → validation, Arabic messages, nothing written', async (_label, op, input, message) => {
  const before = await rowCounts(t);
  const env = await admin.call(op, input);
  expect(env.ok).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('validation');
  expect(isArabicText(env.error.message), env.error.message).toBe(true);
  expect(env.error.issues?.length, JSON.stringify(env.error)).toBeGreaterThan(0);
  for (const issue of env.error.issues!) expect(isArabicText(issue.message), issue.message).toBe(true);
  if (message) expect(env.error.issues!.map((i) => i.message)).toContain(message);
  expect(await rowCounts(t)).toEqual(before);
});
