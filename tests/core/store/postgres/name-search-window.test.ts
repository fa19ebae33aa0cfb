import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../electron/core/demo/arabic-names';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * The name search (docs/architecture.md#search) on PostgreSQL on more people than it reads first (the 2,000 with the
 * highest search key, where a common name is answered): whatever the word — common, rare, absent,
 * whole or a prefix, one or two — the hits are those of reading every name, in the same order (P2:
 * the latest visitor first, then the newest file). 3,000 people written straight into the store.
 */
let t: TestCore;
const FIRST = ['محمد', 'عبدالله', 'فهد', 'سعد', 'نورة', 'هند', 'خالد', 'ريم'];
const RARE = ['زبيدة', 'شهاب'];
const FAMILY = ['العتيبي', 'القحطاني', 'الشهري', 'الدوسري', 'الحربي'];
type Person = { id: number; words: string[]; key: number };
const people: Person[] = [];

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  const random = seededRandom(99);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const rows = [];
  for (let id = 1; id <= 3_000; id++) {
    // A rare first name now and then, spread over old and new files alike.
    const first = random() < 0.012 ? pick(RARE) : pick(FIRST);
    const words = [first, pick(FIRST), 'بن', pick(FAMILY)];
    // One in three has visited: their search_rank (above every id) puts them first.
    const rank = random() < 0.33 ? 1_000_000 + Math.floor(random() * 1_000_000) : null;
    if (rank !== null && people.some((p) => p.key === rank)) continue;
    people.push({ id, words, key: rank ?? id });
    rows.push({
      id,
      first_name: words[0]!,
      father_name: words[1]!,
      grandfather_name: words[2]!,
      family_name: words[3]!,
      full_name: words.join(' '),
      name_norm: words.join(' '),
      id_type: 'national_id' as const,
      id_number: String(1_100_000_000 + id),
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
      search_rank: rank,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await t.db.insertInto('beneficiaries').values(rows.slice(i, i + 500)).execute();
}, 60_000);
afterAll(() => t.cleanup());

/** Reading every name: whole words first, then prefixes, each by the key, highest first. */
function expected(tokens: string[], limit: number): number[] {
  const byKey = [...people].sort((a, b) => b.key - a.key);
  const ids: number[] = [];
  for (const prefix of [false, true]) {
    for (const p of byKey) {
      const hit = tokens.every((tok) => p.words.some((w) => (prefix ? w.startsWith(tok) : w === tok)));
      if (hit && !ids.includes(p.id) && ids.length < limit) ids.push(p.id);
    }
  }
  return ids;
}

describe('the PostgreSQL name search on more people than it reads first', () => {
  it.each([
    ['a common whole word', ['محمد']],
    ['a common family name', ['العتيبي']],
    ['a rare name, most of whose people are older than the first 2,000', ['زبيدة']],
    ['a word nobody has', ['شه']],
    ['a prefix of a common word', ['عبدال']],
    ['a prefix of a rare word', ['شها']],
    ['two words', ['هند', 'الحربي']],
    ['a rare word and a common one', ['شهاب', 'القحطاني']],
  ])('%s: the same hits as reading every name, in the same order', async (_what, tokens) => {
    for (const limit of [20, 50]) {
      const want = expected(tokens, limit);
      expect(await t.store.searchNames(t.db, tokens, limit)).toEqual(want);
    }
  });

  it('the cases above do reach both ways of answering: a word common among the newest 2,000, and one that is not', () => {
    const newest = [...people].sort((a, b) => b.key - a.key).slice(0, 2_000);
    expect(newest.filter((p) => p.words.includes('محمد')).length).toBeGreaterThan(50);
    expect(newest.filter((p) => p.words.includes('زبيدة')).length).toBeLessThan(20);
    expect(people.filter((p) => p.words.includes('زبيدة')).length).toBeGreaterThan(newest.filter((p) => p.words.includes('زبيدة')).length);
  });
});
