type Doc = PDFKit.PDFDocument;

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface Glyph {
  codePoints: number[];
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}
/** The parts of pdfkit's embedded font used here (pdfkit 0.20). */
interface EmbeddedFont {
  layoutCached?: (text: string) => Run;
  layoutCache?: Record<string, Run>;
}

/**
 * pdf.js builds its text layer from runs of glyphs it finds side by side, and reads each run right
 * to left when it holds Arabic. Inside an Arabic word Amiri moves letters apart or together by up
 * to a third of an em (kerning after ر ذ ز د و), and pdf.js cuts the word there: the pieces, each
 * read right to left but listed left to right, come out as "كرذ" for ذكر. So a word is drawn in
 * pieces cut exactly there, the rightmost piece first: each piece keeps its glyphs and positions,
 * and the text layer lists the pieces in reading order.
 *
 * pdf.js's rules, mirrored here: a glyph whose text holds a combining mark (harakat) is attached to
 * the run without looking at its position and moves the run's pen by nothing but its adjustments
 * (a format character is skipped altogether, to the same effect);
 * any other glyph starts a new run when it begins more than 0.2 em before the previous one ended,
 * or more than 0.102 em after it.
 */
const BACK = -150; // units of 1/1000 em, a little inside pdf.js's limits
const FORWARD = 80;
const KEY = '\u{F8FF}'; // private use: never in real text, and no space, so pdfkit looks the key up whole
const MARK = /\p{Mn}|\p{Cf}/u;

/** A glyph pdf.js attaches without looking at its position: a combining mark, or a format character (the kashida, see fonts.ts). */
const isMark = (g: Glyph) => g.codePoints.some((c) => MARK.test(String.fromCodePoint(c)));

/** Where to cut a word's glyph run (indices where a piece starts), as pdf.js would see it. */
export function pdfjsCuts(run: Run): number[] {
  const cuts = [0];
  const p = run.positions;
  let prev = -1; // the last glyph pdf.js positions (not a mark)
  let gap = 0; // TJ adjustments since that glyph ended
  for (let i = 0; i < p.length; i++) {
    const adjust = p[i]!.xAdvance - p[i]!.advanceWidth;
    if (isMark(run.glyphs[i]!)) {
      gap += adjust;
      continue;
    }
    if (prev >= 0) {
      const jump = gap + p[i]!.xOffset - p[prev]!.xOffset;
      // A cut goes before the marks that precede this glyph: in visual order a mark comes just before its letter.
      let at = i;
      while (at - 1 > prev && isMark(run.glyphs[at - 1]!)) at--;
      if (jump < BACK || jump > FORWARD) cuts.push(at);
    }
    prev = i;
    gap = adjust;
  }
  return cuts;
}

/**
 * Marks come just before their letter in visual order, so a piece can start with marks (the
 * tanween of حرفاً is the leftmost glyph of the word). pdf.js would attach such a mark to whatever
 * run was open before the piece (marks skip the position check) and then misjudge the next letter
 * against that run. So leading marks are drawn right after the rest of their piece — they are the
 * last thing read in it — and a hair larger: pdf.js closes the open run when the font size changes,
 * so the marks get a run of their own, in reading order. One or two thousandths of a point,
 * alternately (two such runs in a row must differ too): invisible on paper.
 */
const lastNudge = new WeakMap<Doc, number>();

export function drawRtlWord(doc: Doc, word: string, x: number, baseline: number, fontSize: number, width: number): void {
  const font = (doc as unknown as { _font?: EmbeddedFont })._font;
  const cache = font?.layoutCache;
  const run = font?.layoutCached?.(word);
  if (!font || !cache || !run) {
    drawText(doc, word, x, baseline, width);
    return;
  }
  const p = run.positions;
  const cuts = pdfjsCuts(run);
  if (cuts.length === 1 && !isMark(run.glyphs[0]!)) {
    drawText(doc, word, x, baseline, width);
    return;
  }
  cuts.push(p.length);
  const scale = fontSize / 1000;
  const piece = (from: number, to: number) => {
    const key = `${KEY}${word}${KEY}${from}:${to}`;
    let entry = cache[key];
    if (!entry) {
      const positions = p.slice(from, to);
      entry = { glyphs: run.glyphs.slice(from, to), positions, advanceWidth: positions.reduce((a, q) => a + q.xAdvance, 0) };
      cache[key] = entry;
    }
    return { key, width: entry.advanceWidth };
  };
  // In visual order; each as [leading marks, rest].
  const groups: { marks: { key: string; x: number; width: number } | null; rest: { key: string; x: number; width: number } }[] = [];
  let pen = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[c + 1]!;
    let k = from;
    while (k < to && isMark(run.glyphs[k]!)) k++;
    if (k === to) k = from; // only marks: nothing to put them after
    let marks = null;
    if (k > from) {
      const m = piece(from, k);
      marks = { key: m.key, x: x + pen * scale, width: m.width * scale };
      pen += m.width;
    }
    const r = piece(k, to);
    groups.push({ marks, rest: { key: r.key, x: x + pen * scale, width: r.width * scale } });
    pen += r.width;
  }
  for (const g of groups.reverse()) {
    drawText(doc, g.rest.key, g.rest.x, baseline, g.rest.width);
    if (g.marks) drawText(doc, g.marks.key, g.marks.x, baseline, g.marks.width, fontSize);
  }
}

/** Draws one string; with `nudgeFrom`, a hair larger than that size (see lastNudge). */
function drawText(doc: Doc, text: string, x: number, baseline: number, width: number, nudgeFrom?: number) {
  if (nudgeFrom !== undefined) {
    const nudge = lastNudge.get(doc) === 0.001 ? 0.002 : 0.001;
    lastNudge.set(doc, nudge);
    doc.fontSize(nudgeFrom + nudge);
  }
  doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', textWidth: width, wordCount: 1 } as PDFKit.Mixins.TextOptions);
  if (nudgeFrom !== undefined) doc.fontSize(nudgeFrom);
}
