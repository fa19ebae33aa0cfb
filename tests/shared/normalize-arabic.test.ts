import { describe, expect, it } from 'vitest';
import { stripInvisible } from '@shared/text/invisible';
import { nameTokens, normalizeArabic } from '@shared/text/normalize-arabic';
import { parseFileNumber, parseRequestNumber } from '@shared/text/reference-numbers';

/** What the name search does with the stored form: every typed fragment starts some word of the name. */
function nameMatches(query: string, storedName: string): boolean {
  const words = normalizeArabic(storedName).split(' ');
  const tokens = nameTokens(query);
  return tokens.length > 0 && tokens.every((t) => words.some((w) => w.startsWith(t)));
}

describe('Arabic name normalisation (docs/architecture.md "Search", P2)', () => {
  it('"محمد القحطاني" finds "مُحمّد عبدالله القحطانى" (diacritics, ى/ي, fragments in any order)', () => {
    expect(nameMatches('محمد القحطاني', 'مُحمّد عبدالله القحطانى')).toBe(true);
    expect(nameMatches('القحطاني محمد', 'مُحمّد عبدالله القحطانى')).toBe(true);
    expect(nameMatches('محم حطا', 'مُحمّد عبدالله القحطانى')).toBe(false); // a fragment starts a word, "حطا" does not
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
    expect(normalizeArabic('عبدالرَّحْمٰن')).toBe('عبدالرحمن');
    expect(normalizeArabic('نُورة')).toBe(normalizeArabic('نورة'));
  });

  it('turns Arabic-Indic digits into ASCII and collapses spaces and punctuation', () => {
    expect(normalizeArabic('١٢٣٤ ۵۶')).toBe('1234 56');
    expect(normalizeArabic('  محمد   ،  سعد - القحطاني ')).toBe('محمد سعد قحطاني');
    expect(nameTokens('   ')).toEqual([]);
  });

  it('is idempotent: the stored form normalises to itself', () => {
    for (const name of ['مُحمّد عبد الله القحطانى', 'عائشة بنت أبي بكر', 'إبراهيم آل سعود', 'محمد بن عبد الله', 'الالماس', 'ابن', 'م\u200Bحمد']) {
      const once = normalizeArabic(name);
      expect(normalizeArabic(once)).toBe(once);
    }
  });
});

describe('P2: «بن» / «بنت» / «ابن» are lineage words, not names', () => {
  it('are left out of stored names and queries alike', () => {
    expect(normalizeArabic('محمد بن عبدالله')).toBe('محمد عبدالله');
    expect(normalizeArabic('نورة بنت سعد')).toBe('نوره سعد');
    expect(normalizeArabic('سعد إبن خالد')).toBe('سعد خالد');
    expect(nameMatches('محمد بن عبدالله', 'محمد عبدالله سعد القحطاني')).toBe(true);
    expect(nameMatches('محمد عبدالله', 'محمد بن عبدالله بن سعد')).toBe(true);
    expect(normalizeArabic('محمد بن عبدالله سعد القحطاني')).toBe(normalizeArabic('محمد عبدالله سعد القحطاني'));
  });

  it('at the start too: «بن باز» typed finds the family name stored as "… بن باز"', () => {
    expect(nameTokens('بن باز')).toEqual(['باز']);
    expect(nameMatches('ابن باز', 'عبدالعزيز عبدالله محمد بن باز')).toBe(true);
  });

  it('a particle alone is kept: it is all there is to search by, or the start of «بندر»', () => {
    expect(nameTokens('بن')).toEqual(['بن']);
    expect(nameTokens('ابن')).toEqual(['ابن']);
    expect(nameMatches('بن', 'بندر سعد الحربي')).toBe(true);
    // Typed on the way to «بندر», after a first word: the results stay those of the first word until «بند».
    expect(nameTokens('محمد بن')).toEqual(['محمد']);
    expect(nameTokens('محمد بند')).toEqual(['محمد', 'بند']);
  });

  it('«ابو» is a name («ابوبكر»), not a particle', () => {
    expect(normalizeArabic('أبو بكر بن سعد')).toBe('ابوبكر سعد');
  });
});

describe('P2: the article «ال», with or without it, both ways', () => {
  it('«قحطاني» and «القحطاني» are one word', () => {
    expect(normalizeArabic('القحطاني')).toBe(normalizeArabic('قحطاني'));
    expect(nameMatches('قحطاني', 'محمد عبدالله سعد القحطاني')).toBe(true);
    expect(nameMatches('القحطاني', 'محمد عبدالله سعد قحطاني')).toBe(true);
    expect(normalizeArabic('محمد عبدالله سعد القحطاني')).toBe(normalizeArabic('محمد عبدالله سعد قحطاني'));
  });

  it('a typed prefix with its article still starts the word, one letter after the article too', () => {
    expect(nameMatches('القح', 'محمد القحطاني')).toBe(true);
    expect(nameMatches('محمد الق', 'محمد القحطاني')).toBe(true);
    expect(nameTokens('محمد الق')).toEqual(['محمد', 'ق']);
    // The article alone says nothing yet.
    expect(nameTokens('محمد ال')).toEqual(['محمد']);
  });

  it('«الله» keeps its letters, compounds are joined before the article goes, «آل» stays a word', () => {
    expect(normalizeArabic('عبد الله')).toBe('عبدالله');
    expect(normalizeArabic('عبد الرحمن')).toBe('عبدالرحمن');
    expect(normalizeArabic('جار الله')).toBe('جار الله');
    expect(normalizeArabic('إبراهيم آل سعود')).toBe('ابراهيم ال سعود');
    expect(nameTokens('آل سعود')).toEqual(['سعود']);
    expect(nameTokens('آل')).toEqual(['ال']);
  });

  it('names that begin with «ال» find each other with or without it («الياس», «العنود»)', () => {
    expect(nameMatches('الياس', 'الياس محمد سعد الحربي')).toBe(true);
    expect(nameMatches('العنود', 'عنود محمد سعد الحربي')).toBe(true);
    expect(nameMatches('عنود', 'العنود محمد سعد الحربي')).toBe(true);
  });
});

describe('P2: invisible characters', () => {
  const hidden = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u2060', '\u00AD'];

  it.each(hidden.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), c]))('U+%s inside a name is no word break', (_code, c) => {
    expect(stripInvisible(`مح${c}مد`)).toBe('محمد');
    expect(normalizeArabic(`مح${c}مد ${c}القحطاني${c}`)).toBe('محمد قحطاني');
    expect(nameTokens(`${c}مح${c}مد`)).toEqual(['محمد']);
  });

  it('leaves every visible letter, digit, space and punctuation as it was', () => {
    const text = 'محمد بن عبدالله، F-1001 (٠٥٠١٢٣٤٥٦٧) — «ملاحظة»: نعم!';
    expect(stripInvisible(text)).toBe(text);
  });
});

describe('P2: file and request numbers typed any way', () => {
  it.each([
    ['F-1001', 'F-1001'],
    ['f-1001', 'F-1001'],
    ['F1001', 'F-1001'],
    ['ف-1001', 'F-1001'],
    ['ف-١٠٠١', 'F-1001'],
    [' ف ١٠٠١ ', 'F-1001'],
    ['F-1001\u200F', 'F-1001'],
  ])('file number %s → %s', (typed, stored) => {
    expect(parseFileNumber(typed)).toBe(stored);
  });

  it.each([
    ['1448-00001', '1448-00001'],
    ['١٤٤٨-٠٠٠٠١', '1448-00001'],
    ['۱۴۴۸-۰۰۰۰۱', '1448-00001'],
    ['1448-1', '1448-00001'],
    ['١٤٤٨ - ٤٢', '1448-00042'],
    ['1448–00042', '1448-00042'],
    ['1448-123456', '1448-123456'],
  ])('request number %s → %s', (typed, stored) => {
    expect(parseRequestNumber(typed)).toBe(stored);
  });

  it('what is neither stays neither (a mobile with a dash, an ID, a name, a zero)', () => {
    for (const text of ['0501-234567', '1012345678', 'محمد', '1448-0', '1448-', 'F-', 'F-0', 'FF-1001', 'فهد']) {
      expect(parseRequestNumber(text), text).toBeNull();
      expect(parseFileNumber(text), text).toBeNull();
    }
  });
});
