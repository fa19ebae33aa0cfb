import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryHit } from '@shared/contract';
import { beneficiaryInput, nationalIdFor } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/** The desk's one search box (P2): ID / iqama, mobile in any spelling, Arabic name fragments in any order. */
let t: TestCore;
let desk: SignedIn;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await openTestCore();
  desk = await signedInAs(t, 'receptionist');
  const people: [string, [string, string, string, string], Parameters<typeof beneficiaryInput>[2]?][] = [
    ['qahtani', ['مُحمّد', 'عبدالله', 'سعد', 'القحطانى'], { mobile: '0501234567' }],
    ['ghamdi', ['عبد الله', 'أحمد', 'إبراهيم', 'الغامدي'], { mobile: '0559876543' }],
    ['zahrani', ['فاطمة', 'علي', 'حسن', 'الزهراني']],
    ['mustafa', ['مصطفى', 'يحيى', 'موسى', 'المالكي']],
    ['qahtani2', ['سارة', 'محمد', 'فهد', 'القحطاني']],
    ['iqama', ['أمل', 'خالد', 'ناصر', 'العتيبي'], { identity: { idType: 'iqama', idNumber: nationalIdFor(333, 2) } }],
    // Family members often share one mobile.
    ['sibling', ['نورة', 'عبدالله', 'سعد', 'القحطاني'], { mobile: '+966501234567', confirmDuplicates: true }],
    // A document number that happens to look like someone's mobile: the exact ID hit must come first.
    ['passport', ['ياسر', 'حمد', 'صالح', 'الشمري'], { identity: { idType: 'other', idNumber: '0501234567' }, mobile: '0533333333' }],
  ];
  let serial = 100;
  for (const [key, name, overrides] of people) {
    ids[key] = (await desk.ok('beneficiaries.register', beneficiaryInput(serial++, name, overrides ?? {}))).id;
  }
});
afterAll(() => t.cleanup());

const search = (text: string) => desk.ok('beneficiaries.search', { text });
const idsOf = (hits: BeneficiaryHit[]) => hits.map((h) => h.id);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('P2: by national ID / iqama', () => {
  it('finds the one person, marked as an ID hit', async () => {
    const hits = await search(nationalIdFor(102));
    expect(idsOf(hits)).toEqual([ids.zahrani]);
    expect(hits[0]!.match).toBe('id');
  });

  it('in Arabic-Indic digits and with spaces', async () => {
    const arabic = nationalIdFor(102).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    expect(idsOf(await search(arabic))).toEqual([ids.zahrani]);
    expect(idsOf(await search(` ${nationalIdFor(333, 2).slice(0, 4)} ${nationalIdFor(333, 2).slice(4)} `))).toEqual([ids.iqama]);
  });

  it('an unknown ID finds no one (no fuzzy match on numbers)', async () => {
    expect(await search(nationalIdFor(999_999))).toEqual([]);
  });
});

describe('P2: by mobile, however it is written', () => {
  it.each(['0501234567', '501234567', '+966501234567', '00966501234567', '966501234567', '050 123 4567', '050-123-4567', '٠٥٠١٢٣٤٥٦٧'])(
    '%s',
    async (text) => {
      const hits = await search(text);
      const byMobile = hits.filter((h) => h.match === 'mobile');
      expect(sorted(idsOf(byMobile))).toEqual(sorted([ids.qahtani!, ids.sibling!]));
    },
  );

  it('a landline or a foreign number finds no one', async () => {
    expect(await search('0112345678')).toEqual([]);
    expect(await search('+971501234567')).toEqual([]);
  });
});

describe('P2: by Arabic name fragments', () => {
  it('"محمد القحطاني" finds "مُحمّد عبدالله سعد القحطانى" (no diacritics, ى/ي)', async () => {
    const hits = await search('محمد القحطاني');
    expect(idsOf(hits)).toContain(ids.qahtani);
    expect(hits.every((h) => h.match === 'name')).toBe(true);
    // Sara Mohammed al-Qahtani matches too (father محمد); no one else does.
    expect(sorted(idsOf(hits))).toEqual(sorted([ids.qahtani!, ids.qahtani2!]));
  });

  it('fragments in any order, and word beginnings', async () => {
    expect(idsOf(await search('القحطاني سعد مُحمّد'))).toEqual([ids.qahtani]);
    expect(sorted(idsOf(await search('القحط')))).toEqual(sorted([ids.qahtani!, ids.qahtani2!, ids.sibling!]));
    // A fragment starts a word: "حطاني" is inside «القحطاني», it starts none of its words.
    expect(await search('حطاني')).toEqual([]);
  });

  it('"عبد الله" finds "عبدالله" and the other way round', async () => {
    const spaced = idsOf(await search('عبد الله'));
    const joined = idsOf(await search('عبدالله'));
    expect(sorted(spaced)).toEqual(sorted([ids.qahtani!, ids.ghamdi!, ids.sibling!]));
    expect(sorted(joined)).toEqual(sorted(spaced));
    expect(idsOf(await search('عبد الله الغامدي'))).toEqual([ids.ghamdi]);
  });

  it('alef, ta marbuta and alef maqsura variants', async () => {
    expect(idsOf(await search('احمد ابراهيم'))).toEqual([ids.ghamdi]);
    expect(idsOf(await search('فاطمه'))).toEqual([ids.zahrani]);
    expect(idsOf(await search('مصطفي يحيي'))).toEqual([ids.mustafa]);
    expect(idsOf(await search('امل العتيبى'))).toEqual([ids.iqama]);
  });

  it('a name that is not there finds no one; empty text finds no one', async () => {
    expect(await search('خالد الدوسري')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('"*) OR NEAR(')).toEqual([]);
  });
});

describe('result order', () => {
  it('an exact ID hit comes before the mobile hits for the same text', async () => {
    const hits = await search('0501234567');
    expect(hits[0]).toMatchObject({ id: ids.passport, match: 'id' });
    expect(hits.slice(1).map((h) => h.match)).toEqual(['mobile', 'mobile']);
  });

  it('never lists anyone twice, and respects the limit', async () => {
    const all = await desk.ok('beneficiaries.search', { text: 'عبد', limit: 50 });
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(idsOf(all)).size).toBe(all.length);
    const two = await desk.ok('beneficiaries.search', { text: 'عبد', limit: 2 });
    expect(two).toHaveLength(2);
  });
});
