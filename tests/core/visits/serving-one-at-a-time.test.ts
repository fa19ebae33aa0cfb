import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ar, fill } from '@shared/labels/ar';
import { isArabicText, walkInInput } from '../../helpers/fixtures';
import { anonymous, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';
import { unlockAfterClockJump } from '../../helpers/requests';

/**
 * Calling and finishing (S1, docs/design.md#a-visit): one desk ended up serving five visitors at once. While this
 * user serves someone at this desk, calling another is refused naming the ticket being served, unless
 * the receptionist confirmed (`alsoWhileServing`). Real SQLite file, through the dispatcher.
 */
let t: TestCore;
let desk: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist', { deskId: 1, username: 'noura', fullName: 'نورة سعد العتيبي' });
});
afterEach(() => t.cleanup());

const stateOf = async (id: number) => (await t.db.selectFrom('visits').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const servingCount = async () => (await t.db.selectFrom('visits').select('id').where('state', '=', 'serving').execute()).length;

/** Two visitors checked in, the first called by `desk`: it is serving waits. */
async function servingFirstOfTwo() {
  const first = await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
  t.clock.advance({ minutes: 1 });
  const second = await desk.ok('visits.checkIn', walkInInput('منى سعد القرني'));
  expect((await desk.ok('visits.callNext', {}))?.id).toBe(first.id);
  return { first, second };
}

describe('S1: one visitor at a time per desk', () => {
  it('S1: a second call-next while serving is refused naming the ticket, nothing written', async () => {
    const { first, second } = await servingFirstOfTwo();
    const before = await rowCounts(t);

    const env = await desk.call('visits.callNext', {});
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('confirm');
    expect(env.error.message).toBe(fill(ar.visitDesk.servingNow, { ticket: 'A-001', name: 'سالم علي الحربي' }));
    expect(isArabicText(env.error.message)).toBe(true);
    expect(env.error.confirm).toEqual({ flag: 'alsoWhileServing', visitId: first.id, ticket: 'A-001', state: 'serving' });

    expect(await rowCounts(t)).toEqual(before);
    expect(await stateOf(second.id)).toBe('waiting');
  });

  it('S1: calling a chosen waiting visitor while serving is refused naming the ticket, nothing written', async () => {
    const { second } = await servingFirstOfTwo();
    const before = await rowCounts(t);
    const env = await desk.call('visits.call', { visitId: second.id });
    expect(!env.ok && env.error.code).toBe('confirm');
    expect(!env.ok && env.error.message).toContain('A-001');
    expect(!env.ok && env.error.confirm?.ticket).toBe('A-001');
    expect(await rowCounts(t)).toEqual(before);
    expect(await stateOf(second.id)).toBe('waiting');
  });

  it('S1: confirmed with alsoWhileServing, call-next and call go ahead and the desk serves both', async () => {
    const { first, second } = await servingFirstOfTwo();
    expect(await desk.ok('visits.callNext', { alsoWhileServing: true })).toMatchObject({ id: second.id, state: 'serving' });
    expect(await stateOf(first.id)).toBe('serving');

    const third = await desk.ok('visits.checkIn', walkInInput('فهد ناصر الدوسري'));
    expect(await desk.ok('visits.call', { visitId: third.id, alsoWhileServing: true })).toMatchObject({ state: 'serving' });
    expect(await servingCount()).toBe(3);
  });

  it('S1: two quick call-next from one desk serve one visitor; the other is refused naming that ticket', async () => {
    await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await desk.ok('visits.checkIn', walkInInput('منى سعد القرني'));
    const answers = await Promise.all([desk.call('visits.callNext', {}), desk.call('visits.callNext', {})]);

    const called = answers.filter((a) => a.ok);
    const refused = answers.filter((a) => !a.ok);
    expect(called).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const ticket = (called[0] as { value: { ticket: string } }).value.ticket;
    expect(!refused[0]!.ok && refused[0]!.error).toMatchObject({ code: 'confirm', confirm: { ticket } });
    expect(await servingCount()).toBe(1);
  });

  it('S1: once the visitor is finished or referred, the next call needs no confirmation', async () => {
    const researcher = await signedInAs(t, 'researcher', { deskId: 3 });
    const { first, second } = await servingFirstOfTwo();
    await desk.ok('visits.finish', { visitId: first.id, outcome: 'answered', inquiry: 'متى يُصرف الدعم؟', answer: 'خلال أسبوعين' });
    expect((await desk.ok('visits.callNext', {}))?.id).toBe(second.id);

    await desk.ok('visits.refer', { visitId: second.id, researcherId: researcher.user.id, note: 'الإجراءات غير واضحة للمراجع' });
    const third = await desk.ok('visits.checkIn', walkInInput('فهد ناصر الدوسري'));
    expect((await desk.ok('visits.callNext', {}))?.id).toBe(third.id);
  });

  it('S1: nobody waiting answers calmly (null) even while serving: no pointless confirmation', async () => {
    await desk.ok('visits.checkIn', walkInInput());
    await desk.ok('visits.callNext', {});
    expect(await desk.ok('visits.callNext', {})).toBeNull();
  });

  it('S1: another receptionist, or the same one at another desk, is not held by this desk', async () => {
    await servingFirstOfTwo();
    const colleague = await signedInAs(t, 'receptionist', { deskId: 1, username: 'khalid', fullName: 'خالد محمد الشهري' });
    expect(await colleague.ok('visits.callNext', {})).toMatchObject({ ticket: 'A-002', state: 'serving' });

    // Noura signs in at desk 2 as well (a session of her own there): desk 2 serves nobody yet.
    const third = await desk.ok('visits.checkIn', walkInInput('فهد ناصر الدوسري'));
    const elsewhere = anonymous(t);
    await elsewhere.ok('auth.signIn', { username: 'noura', password: STAFF_PASSWORD, deskId: 2 });
    expect(await elsewhere.ok('visits.call', { visitId: third.id })).toMatchObject({ state: 'serving', servedBy: { id: desk.user.id } });
  });

  it('S1: a visitor another desk took is named as taken by them, before this desk\'s own serving', async () => {
    const { second } = await servingFirstOfTwo();
    const deskB = await signedInAs(t, 'receptionist', { deskId: 2, username: 'khalid', fullName: 'خالد محمد الشهري' });
    await deskB.ok('visits.call', { visitId: second.id });
    const env = await desk.call('visits.call', { visitId: second.id, alsoWhileServing: true });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.message).toContain('خالد محمد الشهري');
    const plain = await desk.call('visits.call', { visitId: second.id });
    expect(!plain.ok && plain.error.code).toBe('conflict');
  });

  it("S1: yesterday's unfinished visit does not hold today's desk", async () => {
    await servingFirstOfTwo();
    t.clock.set('2024-02-15T06:30:00Z');
    await unlockAfterClockJump(desk); // a night away signed the desk out
    const today = await desk.ok('visits.checkIn', walkInInput('فهد ناصر الدوسري'));
    expect((await desk.ok('visits.callNext', {}))?.id).toBe(today.id);
  });
});
