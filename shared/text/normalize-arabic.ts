import { toAsciiDigits } from './digits';
import { stripInvisible } from './invisible';

// Harakat, Quranic marks, superscript alef and tatweel: FTS5 would split words at them.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** «بن» / «بنت» / «ابن» (P2): a lineage word, not a name; "محمد بن عبدالله" is "محمد عبدالله". */
const PARTICLES = new Set(['بن', 'بنت', 'ابن']);

/**
 * The article «ال» is dropped from the front of every word longer than three letters (P2), in the
 * stored form and in what is typed alike, so «قحطاني» and «القحطاني» are one word both ways and a
 * typed prefix («القح») still starts it. Three letters and fewer keep it: «ال» is then the family
 * word «آل» (normalised), and «الX» is an article still being typed (nameTokens). «الله» keeps its
 * «ال»: it is God's name, not an article, and two-letter «له» would match far too much. Repeated
 * so the form is a fixed point (normalising it again changes nothing).
 */
function withoutArticle(word: string): string {
  while (word.length > 3 && word.startsWith('ال') && word !== 'الله') word = word.slice(2);
  return word;
}

/**
 * The search form of an Arabic name (docs/architecture.md "Search", P2): no invisible characters, diacritics or
 * tatweel, unified alef / ta marbuta / alef maqsura / hamza carriers, ASCII digits, single spaces,
 * "عبد الله" written as one word so that both spellings find each other, no «بن» / «بنت» / «ابن»
 * between names, and no article «ال». Stored names and typed queries both go through it, and the
 * duplicate check compares it: "محمد بن عبدالله القحطاني" and "محمد عبدالله قحطاني" are one name.
 */
export function normalizeArabic(input: string): string {
  let s = toAsciiDigits(stripInvisible(input).normalize('NFC')).replace(MARKS, '');
  s = s
    .replace(/[آأإٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase();
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!s) return s;
  // A particle alone is kept: it is then all there is to search by (or the start of «بندر»).
  let words = s.split(' ');
  const names = words.filter((w) => !PARTICLES.has(w));
  if (names.length > 0) words = names;
  // Compound names: "عبد الله" / "عبدالله", "ابو بكر" / "ابوبكر" — joined before the article goes,
  // so "عبد الرحمن" stays "عبدالرحمن".
  s = words.join(' ').replace(/(^| )(عبد|ابو) (?=\S)/g, '$1$2');
  return s.split(' ').map(withoutArticle).join(' ');
}

/**
 * The words of a typed query, for matching name fragments in any order. «ال» alone, or «ال» and one
 * letter, is an article still being typed: the letter after it is the fragment («الق» → «ق», which
 * starts «قحطاني» as the stored form has it); the article alone says nothing and is left out, unless
 * it is all that was typed («آل» of "آل سعود").
 */
export function nameTokens(input: string): string[] {
  const n = normalizeArabic(input);
  if (!n) return [];
  const words = n.split(' ');
  const tokens = words.map((w) => (w.length === 3 && w.startsWith('ال') ? w.slice(2) : w)).filter((w) => w !== 'ال');
  return tokens.length > 0 ? tokens : words;
}
