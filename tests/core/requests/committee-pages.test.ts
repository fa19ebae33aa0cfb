import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { COMMITTEE_PAGE } from '@shared/contract/requests';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, provideAll, unlockAfterClockJump, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Speed (docs/performance.md), S5: the committee's list comes a page at a time — at ten-year scale ~900 requests
 * await, more than the desk's 2 ms can read whole — oldest (so overdue) first; requests.committeeCounts
 * counts all of them. Paging must lose nothing and repeat nothing.
 */
let t: TestCore;
let admin: SignedIn;
let supervisor: SignedIn;
let cat: Catalogue;
const submitted: number[] = [];

async function submitNow(serial: number) {
  const person = await admin.ok('beneficiaries.register', beneficiaryInput(8_100 + serial));
  const r = await admin.ok('requests.open', { beneficiaryId: person.id, serviceTypeId: cat.services.seasonal!.id, channel: 'interview' });
  await provideAll(admin, r);
  await admin.ok('requests.signDeclaration', { requestId: r.id });
  submitted.push((await admin.ok('requests.submit', { requestId: r.id })).id);
}

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-02T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  supervisor = await signedInAs(t, 'supervisor');
  cat = await loadCatalogue(admin);
  // Two submitted 20 days before "now" (overdue: 14 days), three 10 days before, one still a draft.
  for (let i = 0; i < 2; i++) await submitNow(i);
  t.clock.advance({ days: 10 });
  await unlockAfterClockJump(admin, supervisor);
  for (let i = 2; i < 5; i++) await submitNow(i);
  await admin.ok('requests.open', { beneficiaryId: (await admin.ok('beneficiaries.register', beneficiaryInput(8_199))).id, serviceTypeId: cat.services.seasonal!.id, channel: 'interview' });
  t.clock.advance({ days: 10 });
  await unlockAfterClockJump(admin, supervisor);
});
afterAll(() => t.cleanup());

it('Speed: pages of the committee\'s list join up into the whole list, oldest first, nothing lost or repeated', async () => {
  const pages = [];
  for (let offset = 0; offset < 6; offset += 2) pages.push(await supervisor.ok('requests.committee', { offset, limit: 2 }));
  expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
  expect(pages.flat().map((r) => r.id)).toEqual(submitted);
  expect(pages.flat().map((r) => r.overdue)).toEqual([true, true, false, false, false]);
  expect(await supervisor.ok('requests.committee', { offset: 6, limit: 2 })).toEqual([]);
  // Without paging input: the first page, of COMMITTEE_PAGE requests.
  expect((await supervisor.ok('requests.committee', {})).map((r) => r.id)).toEqual(submitted);
  expect(contract['requests.committee'].input.parse({})).toEqual({ offset: 0, limit: COMMITTEE_PAGE });
});

it('Speed: requests.committeeCounts counts every awaiting request and the overdue among them (S5)', async () => {
  expect(await supervisor.ok('requests.committeeCounts', {})).toEqual({ awaiting: 5, overdue: 2 });
  await supervisor.ok('requests.decide', { requestId: submitted[0]!, outcome: 'rejected', reason: 'الدخل يتجاوز حد الاستحقاق' });
  expect(await supervisor.ok('requests.committeeCounts', {})).toEqual({ awaiting: 4, overdue: 1 });
  expect((await supervisor.ok('requests.committee', {})).map((r) => r.id)).toEqual(submitted.slice(1));
});

it.each([
  ['a negative offset', { offset: -1 }],
  ['an empty page', { limit: 0 }],
  ['a page larger than allowed', { limit: 501 }],
  ['a page size in words', { limit: 'عشرة' }],
  ['a fraction', { offset: 1.5 }],
])('Speed: the committee\'s list refuses %s in Arabic and writes nothing', async (_name, input) => {
  const before = await auditCount(t);
  const res = await supervisor.call('requests.committee', input);
  expect(res.ok).toBe(false);
  expect(!res.ok && res.error).toMatchObject({ code: 'validation' });
  expect(!res.ok && res.error.issues?.map((i) => i.message)).toEqual([ar.messages.listPage]);
  expect(await auditCount(t)).toBe(before);
});
