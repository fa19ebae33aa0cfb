/**
 * Arabic marks in the order HarfBuzz (Chromium's shaper) hands them to the font.
 *
 * A letter with shadda and a vowel can be typed either way round («مَّ» or «مّ َ»); Unicode's
 * canonical order puts the vowel first (fatha 30 < shadda 33). HarfBuzz sorts marks by a modified
 * class that moves shadda before the other harakat, because fonts are made for that order: Amiri
 * only stacks the vowel on the shadda (its small fatha, mark-to-mark) when the shadda comes first.
 * fontkit sorts nothing, so «مُحَمَّد» came out with the fatha drawn through the shadda. With the
 * marks in HarfBuzz's order fontkit places every glyph of Amiri exactly where HarfBuzz does
 * (checked glyph for glyph against hb-shape on every label and name, vowelled at random).
 *
 * The steps, as HarfBuzz's normaliser and Arabic shaper take them: compose (NFC: ا + ٔ is أ),
 * sort each run of marks by the modified combining class (stable), then move the "modifier
 * combining marks" (hamza above and below, small high marks…) to the front of their class
 * (UTR #53, hb-ot-shaper-arabic.cc reorder_marks_arabic).
 */

/** Canonical combining classes of the Arabic marks (UnicodeData.txt); 0 for anything else. */
function arabicCombiningClass(c: number): number {
  if (c >= 0x064b && c <= 0x0652) return c - 0x064b + 27; // fathatan 27 … sukun 34
  if (c === 0x0670) return 35; // superscript alef
  if (c === 0x0618) return 30;
  if (c === 0x0619) return 31;
  if (c === 0x061a) return 32;
  if (c === 0x0655 || c === 0x0656 || c === 0x065c || c === 0x065f || c === 0x06e3 || c === 0x06ea || c === 0x06ed) return 220;
  if ((c >= 0x0610 && c <= 0x0617) || (c >= 0x0653 && c <= 0x065e) || (c >= 0x06d6 && c <= 0x06dc) || (c >= 0x06df && c <= 0x06e4)) return 230;
  if (c === 0x06e7 || c === 0x06e8 || c === 0x06eb || c === 0x06ec) return 230;
  return 0;
}

/** HarfBuzz's modified class: shadda (33) sorts before fathatan (27); the other harakat follow it. */
function modifiedClass(c: number): number {
  const ccc = arabicCombiningClass(c);
  if (ccc === 33) return 27;
  if (ccc >= 27 && ccc <= 32) return ccc + 1;
  return ccc;
}

/** Modifier combining marks (UTR #53): drawn next to the letter, before its other marks. */
const MCM = new Set([0x0654, 0x0655, 0x0658, 0x06dc, 0x06e3, 0x06e7, 0x06e8]);

const HAS_ARABIC_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/;

function reorderRun(marks: number[]): number[] {
  const sorted = marks
    .map((c, i) => ({ c, i, k: modifiedClass(c) }))
    .sort((a, b) => a.k - b.k || a.i - b.i);
  // UTR #53: in the sorted run, the leading modifier marks of class 220 (then 230) go to the front.
  let start = 0;
  let i = 0;
  for (const cc of [220, 230]) {
    while (i < sorted.length && sorted[i]!.k < cc) i++;
    if (i === sorted.length) break;
    if (sorted[i]!.k > cc) continue;
    let j = i;
    while (j < sorted.length && sorted[j]!.k === cc && MCM.has(sorted[j]!.c)) j++;
    if (i === j) continue;
    const moved = sorted.splice(i, j - i);
    sorted.splice(start, 0, ...moved);
    start += moved.length;
    i = j;
  }
  return sorted.map((m) => m.c);
}

/** The text with its Arabic marks in HarfBuzz's order; text without Arabic marks comes back as it is. */
export function orderMarksAsHarfBuzz(text: string): string {
  if (!HAS_ARABIC_MARK.test(text)) return text;
  const cps = Array.from(text.normalize('NFC'), (ch) => ch.codePointAt(0)!);
  let changed = false;
  for (let i = 0; i < cps.length; ) {
    if (modifiedClass(cps[i]!) === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < cps.length && modifiedClass(cps[j]!) !== 0) j++;
    if (j - i > 1) {
      const run = reorderRun(cps.slice(i, j));
      for (let k = 0; k < run.length; k++) {
        if (cps[i + k] !== run[k]) changed = true;
        cps[i + k] = run[k]!;
      }
    }
    i = j;
  }
  return changed ? String.fromCodePoint(...cps) : text.normalize('NFC');
}
