import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/** S1: inquiries are recorded with their answer — an inquiry visit cannot be finished without both. */
let t: TestCore;
let desk: SignedIn;
let visitId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist');
});
afterAll(() => t.cleanup());

beforeEach(async () => {
  visitId = (await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي', { reason: 'inquiry' }))).id;
  await desk.ok('visits.call', { visitId });
});
// The desk serves one visitor at a time: a visit a test left unfinished is cancelled before the next call.
afterEach(async () => {
  if ((await desk.ok('visits.get', { visitId })).state === 'serving') await desk.ok('visits.cancel', { visitId });
});

it.each([
  ['neither', {}],
  ['no answer', { inquiry: 'متى يُصرف الدعم؟' }],
  ['no question', { answer: 'خلال أسبوعين' }],
  ['blank answer', { inquiry: 'متى يُصرف الدعم؟', answer: '   ' }],
])('refused with %s, nothing written', async (_label, extra) => {
  const before = await rowCounts(t);
  const env = await desk.call('visits.finish', { visitId, outcome: 'answered', ...extra });
  expect(env.ok).toBe(false);
  if (!env.ok) {
    expect(env.error.code).toBe('validation');
    expect(env.error.message).toBe(ar.messages.inquiryRequired);
  }
  expect(await rowCounts(t)).toEqual(before);
  expect((await desk.ok('visits.get', { visitId })).state).toBe('serving');
});

it('finishes with the question and the answer recorded', async () => {
  const done = await desk.ok('visits.finish', {
    visitId,
    outcome: 'answered',
    inquiry: 'ما المستندات المطلوبة لطلب مساعدة الإيجار؟',
    answer: 'عقد الإيجار والهوية وتعريف بالدخل',
  });
  expect(done).toMatchObject({
    state: 'done',
    inquiry: 'ما المستندات المطلوبة لطلب مساعدة الإيجار؟',
    answer: 'عقد الإيجار والهوية وتعريف بالدخل',
    outcome: 'answered',
  });
});

it('a visit for another reason finishes without them', async () => {
  await desk.ok('visits.cancel', { visitId });
  const other = await desk.ok('visits.checkIn', walkInInput('منى سعد القرني', { reason: 'receive_aid' }));
  await desk.ok('visits.call', { visitId: other.id });
  expect((await desk.ok('visits.finish', { visitId: other.id, outcome: 'aid_delivered' })).state).toBe('done');
});
