import { analyzeParagraph, BIDI_CONTROLS, type Direction, type Paragraph } from './paragraph';
import { glyphRuns, hasRtlScript, visualLevelRuns, type GlyphRun } from './visual-runs';
import { drawRtlWord } from './rtl-word';
import { wrapParagraph } from './wrap';

type Doc = PDFKit.PDFDocument;

export type Align = 'right' | 'left' | 'center' | 'justify';

export interface RtlTextOptions {
  /** The box: left edge, top, width. Lines never extend beyond it. */
  x: number;
  y: number;
  width: number;
  /** Default 'right' for RTL text, 'left' for LTR. 'justify' stretches every line but a paragraph's last. */
  align?: Align;
  /** Paragraph direction: 'rtl' (default) or 'ltr' for a value such as an ID or a Latin name on its own. */
  direction?: Direction;
  fontSize?: number;
  /** A font registered on the document (see fonts.ts); default the document's current font. */
  font?: string;
  /** Line height in multiples of the font size; default the font's own ascender + descender. */
  lineHeight?: number;
  color?: string;
}

/** A value as it is printed: nothing for an empty value, never "undefined", "null" or "NaN". */
export function printable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value !== 'string') return '';
  return value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

export interface PlacedRun extends GlyphRun {
  /** Left edge of the piece on the page. */
  x: number;
  width: number;
}

export interface PlacedLine {
  /** Top of the line box. */
  top: number;
  baseline: number;
  /** Natural width of the line (before justification). */
  width: number;
  /** Extra space added at each space character when justified. */
  spaceStretch: number;
  /** The pieces in visual order, left to right. */
  runs: PlacedRun[];
}

export interface TextLayout {
  lines: PlacedLine[];
  height: number;
  /** The font and size the layout was measured with (painting uses the same). */
  font: string | undefined;
  fontSize: number;
  color: string | undefined;
}

const graphemes = new Intl.Segmenter('ar', { granularity: 'grapheme' });

// Widths at 1000 units per font, by font and string: the register measures the same labels thousands of times.
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 50_000;

function fontKey(doc: Doc): string {
  const font = (doc as unknown as { _font?: { name?: string; id?: string } })._font;
  return font?.name ?? font?.id ?? '?';
}

/** Width of a string as drawRtlText hands it to pdfkit (shaped word by word; joining never crosses a space). */
export function widthOf(doc: Doc, text: string, fontSize: number): number {
  if (text === '') return 0;
  const key = `${fontKey(doc)}\u0000${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    doc.fontSize(1000);
    w = doc.widthOfString(text);
    widthCache.set(key, w);
  }
  doc.fontSize(fontSize);
  return (w * fontSize) / 1000;
}

/**
 * Width of a piece as drawRun draws it: an Arabic run word by word (Amiri shapes "هـ" differently
 * with a trailing space, as pdfkit would lay it out whole), a run of RTL punctuation character by
 * character, anything else whole. Measuring the way it is drawn keeps every piece where the line
 * layout put it.
 */
export function drawnWidth(doc: Doc, text: string, level: number, fontSize: number): number {
  if (level % 2 === 0) return widthOf(doc, text, fontSize);
  const parts = hasRtlScript(text) ? text.split(/( +)/) : Array.from(graphemes.segment(text), (g) => g.segment);
  let total = 0;
  for (const part of parts) if (part !== '') total += widthOf(doc, part, fontSize);
  return total;
}

function fontMetrics(doc: Doc): { ascender: number; descender: number } {
  const font = (doc as unknown as { _font: { ascender: number; descender: number } })._font;
  return { ascender: font.ascender / 1000, descender: font.descender / 1000 };
}

/** Width of a logical range: the sum of its same-level stretches (order does not change width). */
function measureRange(doc: Doc, p: Paragraph, fontSize: number, start: number, end: number): number {
  let total = 0;
  let from = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || p.levels[i] !== p.levels[from]) {
      total += drawnWidth(doc, p.display.slice(from, i).replace(BIDI_CONTROLS, ''), p.levels[from]!, fontSize);
      from = i;
    }
  }
  return total;
}

/** Lays text out in its box without drawing: lines, pieces and their positions, and the height used. */
export function layoutRtlText(doc: Doc, value: unknown, options: RtlTextOptions): TextLayout {
  const text = printable(value);
  const direction = options.direction ?? 'rtl';
  const fontSize = options.fontSize ?? 11;
  const empty: TextLayout = { lines: [], height: 0, font: options.font, fontSize, color: options.color };
  if (text.trim() === '') return empty;
  if (options.font) doc.font(options.font);
  doc.fontSize(fontSize);
  const { ascender, descender } = fontMetrics(doc);
  const lineHeight = fontSize * (options.lineHeight ?? ascender - descender);
  // Centre the font's ascender–descender band in the line box.
  const baselineOffset = (lineHeight - fontSize * (ascender - descender)) / 2 + fontSize * ascender;
  const align = options.align ?? (direction === 'rtl' ? 'right' : 'left');
  const width = Math.max(0, options.width);

  const lines: PlacedLine[] = [];
  let top = options.y;
  for (const paragraphText of text.split('\n')) {
    const p = analyzeParagraph(paragraphText, direction);
    const measure = (s: number, e: number) => measureRange(doc, p, fontSize, s, e);
    const ranges = wrapParagraph(p, width, measure);
    if (ranges.length === 0) {
      top += lineHeight; // a blank line between paragraphs
      continue;
    }
    for (const range of ranges) {
      // A no-break space only holds a date together while wrapping; drawn, it is a plain space, so
      // each word stays its own word in the text layer («ربيع الأول», not «ربيعالأول»).
      const runs = glyphRuns(p, visualLevelRuns(p, range.start, range.end)).map((r) => ({ ...r, text: r.text.replace(/[\u00a0\u202f]/g, ' ') }));
      const widths = runs.map((r) => drawnWidth(doc, r.text, r.level, fontSize));
      const natural = widths.reduce((a, b) => a + b, 0);
      let spaceStretch = 0;
      let left: number;
      if (align === 'justify' && !range.last) {
        const spaces = runs.reduce((n, r) => n + (r.text.match(/ /g)?.length ?? 0), 0);
        spaceStretch = spaces > 0 ? Math.max(0, (width - natural) / spaces) : 0;
        left = spaces > 0 ? options.x : direction === 'rtl' ? options.x + width - natural : options.x;
      } else if (align === 'left' || (align === 'justify' && direction === 'ltr')) {
        left = options.x;
      } else if (align === 'center') {
        left = options.x + (width - natural) / 2;
      } else {
        left = options.x + width - natural;
      }
      const placed: PlacedRun[] = [];
      let cursor = left;
      runs.forEach((r, i) => {
        const stretched = widths[i]! + spaceStretch * (r.text.match(/ /g)?.length ?? 0);
        placed.push({ ...r, x: cursor, width: stretched });
        cursor += stretched;
      });
      lines.push({ top, baseline: top + baselineOffset, width: natural, spaceStretch, runs: placed });
      top += lineHeight;
    }
  }
  return { ...empty, lines, height: top - options.y };
}

/** Height the text would take in its box, without drawing it. */
export function measureRtlText(doc: Doc, value: unknown, options: RtlTextOptions): number {
  return layoutRtlText(doc, value, options).height;
}

/**
 * Draws text with Arabic, digits and Latin each in their place (UAX #9), wrapped inside the box
 * (x, y, width), and returns the height used; an empty value draws nothing and uses no height.
 */
export function drawRtlText(doc: Doc, value: unknown, options: RtlTextOptions): number {
  const layout = layoutRtlText(doc, value, options);
  paintTextLayout(doc, layout);
  return layout.height;
}

/**
 * Paints a layout, moved down by `dy` (a table lays a row out once, then paints it where it lands).
 * Pieces are emitted in logical order (their positions are visual) so that the text layer reads in
 * logical order too.
 */
export function paintTextLayout(doc: Doc, layout: TextLayout, dy = 0): void {
  if (layout.lines.length === 0) return;
  const keepX = doc.x;
  const keepY = doc.y;
  if (layout.font) doc.font(layout.font);
  doc.fontSize(layout.fontSize);
  if (layout.color) doc.fillColor(layout.color);
  for (const line of layout.lines) {
    const logicalOrder = [...line.runs].sort((a, b) => a.start - b.start);
    for (const run of logicalOrder) drawRun(doc, run, line, layout.fontSize, dy);
  }
  doc.x = keepX;
  doc.y = keepY;
}

/**
 * One piece of a line. pdfkit shapes a string word by word and lays the words out left to right
 * (with a per-word layout cache, which is what makes long registers fast); that is right for
 * everything except an Arabic run, whose words are therefore placed here one by one from the right
 * (see rtl-word.ts for how each Arabic word is drawn). `features: []` would shape a whole run at once
 * in the right order, but uncached (about a millisecond per run) and with the same text-layer cuts.
 */
function drawRun(doc: Doc, run: PlacedRun, line: PlacedLine, fontSize: number, dy: number) {
  const arabic = run.level % 2 === 1 && hasRtlScript(run.text);
  if (run.level % 2 === 1 && !arabic) {
    drawNeutralRtl(doc, run, line.baseline + dy, fontSize, line.spaceStretch);
    return;
  }
  if (!arabic && line.spaceStretch === 0) {
    drawPiece(doc, run.text, run.x, line.baseline + dy, widthOf(doc, run.text, fontSize));
    return;
  }
  // Tokens in logical order; fontkit reverses an Arabic run, so its words go from the right.
  const tokens = run.text.split(/( +)/).filter((t) => t !== '');
  const visual = arabic ? [...tokens].reverse() : tokens;
  const placed: { text: string; x: number; w: number }[] = [];
  let cursor = run.x;
  for (const t of visual) {
    const w = widthOf(doc, t, fontSize);
    if (t.trim() !== '') placed.push({ text: t, x: cursor, w });
    cursor += w + (t.startsWith(' ') ? line.spaceStretch * t.length : 0);
  }
  if (arabic) placed.reverse();
  for (const t of placed) {
    if (arabic) drawRtlWord(doc, t.text, t.x, line.baseline + dy, fontSize);
    else drawPiece(doc, t.text, t.x, line.baseline + dy, t.w);
  }
}

/**
 * An RTL run of punctuation only (the ")." closing an Arabic sentence) is reversed by us, not by
 * fontkit, so pdf.js would read it left to right. Drawn one character at a time from the right, it
 * reads in order.
 */
function drawNeutralRtl(doc: Doc, run: PlacedRun, baseline: number, fontSize: number, spaceStretch: number) {
  const placed: { text: string; x: number; w: number }[] = [];
  let cursor = run.x;
  for (const { segment } of graphemes.segment(run.text)) {
    const w = widthOf(doc, segment, fontSize);
    if (segment.trim() !== '') placed.push({ text: segment, x: cursor, w });
    cursor += w + (segment === ' ' ? spaceStretch : 0);
  }
  for (const g of placed.reverse()) drawPiece(doc, g.text, g.x, baseline, g.w);
}

function drawPiece(doc: Doc, text: string, x: number, baseline: number, textWidth: number) {
  if (text.trim() === '') return;
  doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', textWidth, wordCount: 1 } as PDFKit.Mixins.TextOptions);
}
