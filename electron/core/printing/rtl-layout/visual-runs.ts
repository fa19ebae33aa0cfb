import bidiFactory from 'bidi-js';
import { BIDI_CONTROL, BIDI_CONTROLS, type Paragraph } from './paragraph';

const bidi = bidiFactory();

/** A stretch of one line at one embedding level; `start`/`end` index the paragraph's logical text. */
export interface LevelRun {
  start: number;
  end: number;
  level: number;
}

/** What is handed to pdfkit for one piece of a line, in visual order from the left. */
export interface GlyphRun extends LevelRun {
  /** The string handed to pdfkit: fontkit lays it out as given, or reversed if its script is RTL (mirrored, quirks applied, controls removed). */
  text: string;
  /** The logical text this piece shows (controls removed) — what a reader reads, and what the text layer should hold. */
  logical: string;
}

const graphemes = new Intl.Segmenter('ar', { granularity: 'grapheme' });

/** Reverses by grapheme clusters, so a combining mark stays on its base letter. */
export function reverseGraphemes(s: string): string {
  return Array.from(graphemes.segment(s), (g) => g.segment)
    .reverse()
    .join('');
}

/**
 * Scripts fontkit lays out right to left. fontkit takes the direction of a whole string from the
 * first character of a non-common script in it, and reverses the glyphs of an RTL string itself.
 */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
export const hasRtlScript = (s: string): boolean => RTL_SCRIPT.test(s);

/**
 * UAX #9 rule L1 for one line: whitespace (and isolate / formatting controls) at the end of the line
 * and before a tab goes back to the paragraph level, and so does the tab itself.
 */
function lineLevels(p: Paragraph, start: number, end: number): number[] {
  const levels = Array.from(p.levels.subarray(start, end));
  let trailing = true;
  for (let i = end - 1; i >= start; i--) {
    const type = bidi.getBidiCharTypeName(p.text[i]!);
    if (type === 'S') {
      levels[i - start] = p.baseLevel;
      trailing = true;
    } else if (trailing && (type === 'WS' || type === 'BN' || BIDI_CONTROL.test(p.text[i]!))) {
      levels[i - start] = p.baseLevel;
    } else {
      trailing = false;
    }
  }
  return levels;
}

/** The level runs of one line (logical range of a paragraph) in visual order from the left (UAX #9 rule L2). */
export function visualLevelRuns(p: Paragraph, start: number, end: number): LevelRun[] {
  if (end <= start) return [];
  const levels = lineLevels(p, start, end);
  const runs: LevelRun[] = [];
  for (let i = 0; i < levels.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.end = start + i + 1;
    else runs.push({ start: start + i, end: start + i + 1, level: levels[i]! });
  }
  let highest = 0;
  let lowestOdd = Infinity;
  for (const r of runs) {
    highest = Math.max(highest, r.level);
    if (r.level % 2 === 1) lowestOdd = Math.min(lowestOdd, r.level);
  }
  // L2: from the highest level down to the lowest odd level, reverse every maximal sequence of runs at that level or higher.
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      const reversed = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return runs;
}

/**
 * Turns level runs into the strings pdfkit must draw, left to right, correcting the two fontkit quirks:
 * - an RTL run with no letter of an RTL script ("(", " - ", ": ") is not reversed by fontkit, so it is reversed here;
 * - an LTR run holding Arabic-Indic digits (١٤٤٥) is reversed by fontkit (their script is Arabic), so those
 *   stretches are pre-reversed here, each on its own so that neighbouring Latin or punctuation is untouched.
 */
export function glyphRuns(p: Paragraph, runs: readonly LevelRun[]): GlyphRun[] {
  const out: GlyphRun[] = [];
  const push = (start: number, end: number, level: number, text: string) => {
    const logical = p.text.slice(start, end).replace(BIDI_CONTROLS, '');
    if (logical !== '') out.push({ start, end, level, text, logical });
  };
  for (const run of runs) {
    const shown = p.display.slice(run.start, run.end).replace(BIDI_CONTROLS, '');
    if (run.level % 2 === 1) {
      push(run.start, run.end, run.level, hasRtlScript(shown) ? shown : reverseGraphemes(shown));
      continue;
    }
    // Split an LTR run where the script's direction changes, so fontkit sees one direction per string.
    let i = run.start;
    while (i < run.end) {
      const rtl = hasRtlScript(p.text[i]!);
      let j = i + 1;
      while (j < run.end && (BIDI_CONTROL.test(p.text[j]!) || hasRtlScript(p.text[j]!) === rtl)) j++;
      const piece = p.display.slice(i, j).replace(BIDI_CONTROLS, '');
      push(i, j, run.level, rtl ? reverseGraphemes(piece) : piece);
      i = j;
    }
  }
  return out;
}
