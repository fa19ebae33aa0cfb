import type { Paragraph } from './paragraph';

/** One line of a paragraph: a logical range without its trailing spaces. */
export interface LineRange {
  start: number;
  end: number;
  /** The paragraph's last line (it is never justified). */
  last: boolean;
}

/** Width of the logical range [start, end) as it will be drawn. */
export type Measure = (start: number, end: number) => number;

// A no-break space (U+00A0, U+202F) holds a date or a time together: never a place to break.
const SPACE = /[^\S\u00a0\u202f]/;
const graphemes = new Intl.Segmenter('ar', { granularity: 'grapheme' });
const EPSILON = 0.01;

/**
 * Greedy line breaking in logical order at spaces (UAX #9: wrap first, reorder each line after).
 * A word wider than the whole line is cut between grapheme clusters, so nothing ever runs outside the box.
 */
export function wrapParagraph(p: Paragraph, maxWidth: number, measure: Measure): LineRange[] {
  const text = p.text;
  const lines: LineRange[] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let width = 0;

  const startLineWith = (wordStart: number, wordEnd: number, wordWidth: number) => {
    if (wordWidth <= maxWidth + EPSILON) {
      lineStart = wordStart;
      lineEnd = wordEnd;
      width = wordWidth;
      return;
    }
    // An over-long word: emit full-width pieces, keep the remainder open as the current line.
    let from = wordStart;
    for (;;) {
      const cut = longestFit(text, from, wordEnd, maxWidth, measure);
      if (cut >= wordEnd) {
        lineStart = from;
        lineEnd = wordEnd;
        width = measure(from, wordEnd);
        return;
      }
      lines.push({ start: from, end: cut, last: false });
      from = cut;
    }
  };

  let i = 0;
  while (i < text.length) {
    const spaceStart = i;
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length) break;
    const wordStart = i;
    while (i < text.length && !SPACE.test(text[i]!)) i++;
    const wordEnd = i;
    const wordWidth = measure(wordStart, wordEnd);
    if (lineStart < 0) {
      startLineWith(wordStart, wordEnd, wordWidth);
      continue;
    }
    const spaceWidth = measure(spaceStart, wordStart);
    if (width + spaceWidth + wordWidth <= maxWidth + EPSILON) {
      lineEnd = wordEnd;
      width += spaceWidth + wordWidth;
    } else {
      lines.push({ start: lineStart, end: lineEnd, last: false });
      startLineWith(wordStart, wordEnd, wordWidth);
    }
  }
  if (lineStart >= 0) lines.push({ start: lineStart, end: lineEnd, last: true });
  return lines;
}

/** The end of the longest run of whole grapheme clusters from `from` that fits; always at least one cluster. */
function longestFit(text: string, from: number, to: number, maxWidth: number, measure: Measure): number {
  const ends: number[] = [];
  for (const g of graphemes.segment(text.slice(from, to))) ends.push(from + g.index + g.segment.length);
  let lo = 0; // ends[lo] is known to be accepted (one cluster at least)
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(from, ends[mid]!) <= maxWidth + EPSILON) lo = mid;
    else hi = mid - 1;
  }
  return ends[lo]!;
}
