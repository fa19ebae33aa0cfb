import { describe, expect, it } from 'vitest';
import { nameTokens, normalizeArabic } from '../../shared/text/normalize-arabic';

/** What the name search does with the stored form: every typed fragment starts some word of the name. */
function nameMatches(query: string, storedName: string): boolean {
  const words = normalizeArabic(storedName).split(' ');
  const tokens = nameTokens(query);
  return tokens.length > 0 && tokens.every((t) => words.some((w) => w.startsWith(t)));
}

describe('Arabic name normalisation (DESIGN.md "Search", P2)', () => {
  it('"محمد القحطاني" finds "مُحمّد عبدالله القحطانى" (diacritics, ى/ي, fragments in any order)', () => {
    expect(nameMatches('محمد القحطاني', 'مُحمّد عبدالله القحطانى')).toBe(true);
    expect(nameMatches('القحطاني محمد', 'مُحمّد عبدالله القحطانى')).toBe(true);
    expect(nameMatches('محم قحط', 'مُحمّد عبدالله القحطانى')).toBe(false); // a fragment starts a word, "قحط" does not
    expect(nameMatches('محم القح', 'مُحمّد عبدالله القحطانى')).toBe(true);
    expect(nameMatches('محمد الغامدي', 'مُحمّد عبدالله القحطانى')).toBe(false);
  });

  it('"عبد الله" and "عبدالله" are the same name', () => {
    expect(normalizeArabic('عبد الله')).toBe(normalizeArabic('عبدالله'));
    expect(normalizeArabic('عبد الرحمن سعد')).toBe('عبدالرحمن سعد');
    expect(normalizeArabic('أبو بكر')).toBe(normalizeArabic('ابوبكر'));
    expect(nameMatches('عبد الله', 'عبدالله أحمد الغامدي')).toBe(true);
    expect(nameMatches('عبدالله', 'عبد الله أحمد الغامدي')).toBe(true);
    // "عبد" alone, at the end, stays a fragment: it starts عبدالله and عبدالعزيز alike.
    expect(nameTokens('محمد عبد')).toEqual(['محمد', 'عبد']);
  });

  it('unifies the alef forms أ إ آ ٱ to ا', () => {
    expect(normalizeArabic('أحمد')).toBe('احمد');
    expect(normalizeArabic('إبراهيم')).toBe('ابراهيم');
    expect(normalizeArabic('آمنة')).toBe('امنه');
    expect(normalizeArabic('ٱلله')).toBe('الله');
  });

  it('ة → ه, ى → ي, ؤ → و, ئ → ي', () => {
    expect(normalizeArabic('فاطمة')).toBe('فاطمه');
    expect(normalizeArabic('مصطفى')).toBe('مصطفي');
    expect(normalizeArabic('لؤي')).toBe('لوي');
    expect(normalizeArabic('عائشة')).toBe('عايشه');
  });

  it('strips harakat, shadda, superscript alef and tatweel', () => {
    expect(normalizeArabic('مُحَمَّدٌ')).toBe('محمد');
    expect(normalizeArabic('محـــمد')).toBe('محمد');
    expect(normalizeArabic('الرَّحْمٰن')).toBe('الرحمن');
    expect(normalizeArabic('نُورة')).toBe(normalizeArabic('نورة'));
  });

  it('turns Arabic-Indic digits into ASCII and collapses spaces and punctuation', () => {
    expect(normalizeArabic('١٢٣٤ ۵۶')).toBe('1234 56');
    expect(normalizeArabic('  محمد   ،  سعد - القحطاني ')).toBe('محمد سعد القحطاني');
    expect(nameTokens('   ')).toEqual([]);
  });

  it('is idempotent: the stored form normalises to itself', () => {
    for (const name of ['مُحمّد عبد الله القحطانى', 'عائشة بنت أبي بكر', 'إبراهيم آل سعود']) {
      const once = normalizeArabic(name);
      expect(normalizeArabic(once)).toBe(once);
    }
  });
});
