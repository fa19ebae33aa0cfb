import bidiFactory from 'bidi-js';

/**
 * One paragraph resolved by the Unicode bidi algorithm (UAX #9) through bidi-js. pdfkit does no bidi
 * at all (docs/machine-notes.md "Arabic in PDFs"): levels are resolved here once per paragraph, lines are
 * wrapped in logical order and only then reordered (rule L2), as the algorithm requires.
 */
const bidi = bidiFactory();

export type Direction = 'rtl' | 'ltr';

export interface Paragraph {
  /** The logical text. */
  readonly text: string;
  /** The same text with brackets and other mirrored characters swapped where they sit at an odd (RTL) level. */
  readonly display: string;
  /** One embedding level per UTF-16 code unit of `text`; odd = right to left. */
  readonly levels: Uint8Array;
  readonly baseLevel: 0 | 1;
}

/** Explicit bidi formatting characters: they steer the algorithm but are never drawn (fonts have no glyph for them). */
export const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
export const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function analyzeParagraph(text: string, direction: Direction = 'rtl'): Paragraph {
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  // getMirroredCharactersMap wants the levels array, not the result object (with the object it silently maps nothing).
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  let display = text;
  if (mirrored.size > 0) {
    const chars = text.split('');
    for (const [i, c] of mirrored) chars[i] = c;
    display = chars.join('');
  }
  return { text, display, levels, baseLevel: direction === 'rtl' ? 1 : 0 };
}

/**
 * Wraps a left-to-right value (an ID, a phone number, a masked number, a Latin code) in a
 * left-to-right isolate, so that inside an Arabic line it stays one unit in its own order:
 * without it "******1234" in an RTL line shows as "1234******".
 */
export function isolateLtr(value: string): string {
  return value === '' ? '' : `\u2066${value}\u2069`;
}

/** A right-to-left isolate, for an Arabic value placed inside a left-to-right line. */
export function isolateRtl(value: string): string {
  return value === '' ? '' : `\u2067${value}\u2069`;
}
