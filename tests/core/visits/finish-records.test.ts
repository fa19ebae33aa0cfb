import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitReason } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * What a visit's end records (docs/design.md#a-visit): a complaint or suggestion visit could be finished with its text
 * empty. It needs the text (what was said), as an inquiry needs its question and its answer; each
 * missing field is named on its own, next to it on screen.
 */
let t: TestCore;
let desk: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist');
});
afterAll(() => t.cleanup());

/** A visit for `reason`, being served by the desk (which serves one at a time: the previous one is cancelled). */
async function serving(reason: VisitReason): Promise<number> {
  for (const v of (await desk.ok('visits.queue', {})).visits) if (v.state === 'serving') await desk.ok('visits.cancel', { visitId: v.id });
  const { id } = await desk.ok('visits.checkIn', walkInInput('ريم فهد الشهري', { reason }));
  await desk.ok('visits.call', { visitId: id });
  return id;
}

describe('finishing a complaint or suggestion', () => {
  it.each([
    ['no text', {}],
    ['blank text', { outcomeNote: '   ' }],
  ])('S1: a complaint finished with %s is refused next to its text, nothing written', async (_label, extra) => {
    const visitId = await serving('complaint');
    const before = await rowCounts(t);
    const env = await desk.call('visits.finish', { visitId, outcome: 'complaint_recorded', ...extra });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error).toMatchObject({
      code: 'validation',
      message: ar.visitDesk.complaintTextRequired,
      issues: [{ path: ['outcomeNote'], message: ar.visitDesk.complaintTextRequired }],
    });
    expect(await rowCounts(t)).toEqual(before);
    expect((await desk.ok('visits.get', { visitId })).state).toBe('serving');
  });

  it('S1: a complaint finishes with its text kept', async () => {
    const visitId = await serving('complaint');
    const done = await desk.ok('visits.finish', { visitId, outcome: 'complaint_recorded', outcomeNote: 'طال الانتظار أكثر من ساعة دون إبلاغ بالسبب' });
    expect(done).toMatchObject({ state: 'done', outcomeNote: 'طال الانتظار أكثر من ساعة دون إبلاغ بالسبب' });
  });
});

describe('finishing an inquiry', () => {
  it('S1: each missing part of an inquiry is named next to its own field', async () => {
    const visitId = await serving('inquiry');
    const neither = await desk.call('visits.finish', { visitId, outcome: 'answered' });
    expect(!neither.ok && neither.error.issues).toEqual([
      { path: ['inquiry'], message: ar.visitDesk.inquiryQuestionRequired },
      { path: ['answer'], message: ar.visitDesk.inquiryAnswerRequired },
    ]);
    const noAnswer = await desk.call('visits.finish', { visitId, outcome: 'answered', inquiry: 'متى يُصرف الدعم؟' });
    expect(!noAnswer.ok && noAnswer.error.issues).toEqual([{ path: ['answer'], message: ar.visitDesk.inquiryAnswerRequired }]);
  });

  it('other reasons finish without text', async () => {
    const visitId = await serving('receive_aid');
    expect((await desk.ok('visits.finish', { visitId, outcome: 'aid_delivered' })).state).toBe('done');
  });
});
