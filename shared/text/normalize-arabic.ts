import { toAsciiDigits } from './digits';

// Harakat, Quranic marks, superscript alef and tatweel (TECH-NOTES.md "Search").
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * The search form of an Arabic name (DESIGN.md "Search", P2): no diacritics or tatweel,
 * unified alef / ta marbuta / alef maqsura / hamza carriers, ASCII digits, single spaces,
 * and "عبد الله" written as one word so that both spellings find each other.
 */
export function normalizeArabic(input: string): string {
  let s = toAsciiDigits(input.normalize('NFC')).replace(MARKS, '');
  s = s
    .replace(/[آأإٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase();
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Compound names: "عبد الله" / "عبدالله", "ابو بكر" / "ابوبكر".
  s = s.replace(/(^| )(عبد|ابو) (?=\S)/g, '$1$2');
  return s;
}

/** The words of a normalised query, for matching name fragments in any order. */
export function nameTokens(input: string): string[] {
  const n = normalizeArabic(input);
  return n ? n.split(' ') : [];
}
