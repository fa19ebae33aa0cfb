import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryView } from '@shared/contract';
import { beneficiaryInput } from '../../helpers/fixtures';
import { unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { TEST_STORE, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * P2 name search, one table of queries and the hits each must give, in order, run on both stores (the
 * core-sqlite and core-postgres projects): SQLite's FTS5 index and PostgreSQL's word index give the
 * same answers. The people are those of search.test.ts and search-finding.test.ts's ranking.
 */
const PEOPLE: [key: string, name: [string, string, string, string]][] = [
  ['qahtani', ['مُحمّد', 'عبدالله', 'سعد', 'القحطانى']],
  ['ghamdi', ['عبد الله', 'أحمد', 'إبراهيم', 'الغامدي']],
  ['zahrani', ['فاطمة', 'علي', 'حسن', 'الزهراني']],
  ['mustafa', ['مصطفى', 'يحيى', 'موسى', 'المالكي']],
  ['qahtani2', ['سارة', 'محمد', 'فهد', 'القحطاني']],
  ['sibling', ['نورة', 'عبدالله', 'سعد', 'القحطاني']],
  ['oldFile', ['سلمان', 'راشد', 'مطلق', 'الرويلي']],
  ['visitedLongAgo', ['سلمان', 'عايد', 'مطلق', 'الرويلي']],
  ['visitedToday', ['سلمان', 'حمود', 'مطلق', 'الرويلي']],
  ['prefixOnly', ['سلمانه', 'راشد', 'مطلق', 'الرويلي']],
  ['newFile', ['سلمان', 'فواز', 'مطلق', 'الرويلي']],
  ['prefixOlderVisit', ['سلماني', 'فواز', 'مطلق', 'الرويلي']],
];

/**
 * What is typed, the limit, and who is found in order. Visits (below) rank prefixOnly, visitedToday,
 * prefixOlderVisit, visitedLongAgo in that order; the others were never seen (newest file first).
 */
const TABLE: [text: string, limit: number, hits: string[]][] = [
  ['محمد القحطاني', 20, ['qahtani2', 'qahtani']],
  ['عبد الله', 20, ['sibling', 'ghamdi', 'qahtani']],
  ['سلمان', 20, ['visitedToday', 'visitedLongAgo', 'newFile', 'oldFile', 'prefixOnly', 'prefixOlderVisit']],
  ['سلمان فو', 20, ['prefixOlderVisit', 'newFile']],
  ['راشد سلمان', 20, ['oldFile', 'prefixOnly']],
  ['مطلق', 3, ['prefixOnly', 'visitedToday', 'prefixOlderVisit']],
  ['الرويلي', 20, ['prefixOnly', 'visitedToday', 'prefixOlderVisit', 'visitedLongAgo', 'newFile', 'oldFile']],
  ['ق', 20, ['sibling', 'qahtani2', 'qahtani']],
  ['الق', 20, ['sibling', 'qahtani2', 'qahtani']],
  ['ع', 20, ['visitedLongAgo', 'sibling', 'zahrani', 'ghamdi', 'qahtani']],
  ['سعد', 20, ['sibling', 'qahtani']],
  ['محمد محمد', 20, ['qahtani2', 'qahtani']],
  ['محمد بن عبدالله', 20, ['qahtani']],
  ['فاطمة الزهراني', 20, ['zahrani']],
  ['مُصطفى مُوسى', 20, ['mustafa']],
  ['ناصر', 20, []],
  ['قحطانيه', 20, []],
];

let t: TestCore;
let desk: SignedIn;
const people: Record<string, BeneficiaryView> = {};

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist');
  let serial = 900;
  for (const [key, name] of PEOPLE) people[key] = await desk.ok('beneficiaries.register', beneficiaryInput(serial++, name));
  const visit = (key: string) => desk.ok('visits.checkIn', { beneficiaryId: people[key]!.id, reason: 'follow_up' });
  await visit('visitedLongAgo');
  await visit('prefixOlderVisit');
  t.clock.advance({ days: 40 });
  await unlockAfterClockJump(desk);
  await visit('prefixOnly');
  t.clock.advance({ days: 1 });
  await unlockAfterClockJump(desk);
  await visit('visitedToday');
  t.clock.advance({ minutes: 5 });
  await visit('prefixOnly');
});
afterAll(() => t.cleanup());

describe(`P2: the shared table of name searches (on the ${TEST_STORE} store)`, () => {
  it.each(TABLE)('«%s» (limit %i) finds %j', async (text, limit, hits) => {
    const found = await desk.ok('beneficiaries.search', { text, limit });
    expect(found.every((h) => h.match === 'name')).toBe(true);
    const name = new Map(Object.entries(people).map(([k, v]) => [v.id, k]));
    expect(found.map((h) => name.get(h.id))).toEqual(hits);
  });
});
