import PDFDocument from 'pdfkit';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPrintingFonts } from '../../../electron/core/printing/fonts';

/**
 * Reading a PDF back the fairest way pdfkit allows (docs/machine-notes.md "Arabic in PDFs"): pdf.js
 * getTextContent(), then NFKC (presentation forms → letters) and no whitespace or bidi controls.
 * Tatweel goes too: it is drawing only, and the documents put it in the text layer as nothing (fonts.ts).
 */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069\u0640]/g, '');
}

export interface PdfText {
  /** Each page's text, normalised. */
  pages: string[];
  /** All pages, normalised. */
  text: string;
  /** Each page's items as pdf.js returns them (NFKC only), for failure messages and word checks. */
  raw: string[];
  /**
   * Each page's words: pdf.js's items split at whitespace, NFKC, tatweel removed. An item is a run
   * of glyphs pdf.js found side by side, so a word cut in two ("الهو" + "ية") is not among them.
   */
  words: string[][];
  /** Each page's [width, height] in points. */
  sizes: [number, number][];
}

export async function pdfText(pdf: Buffer | Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const raw: string[] = [];
  const words: string[][] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([x1 - x0, y1 - y0]);
    const content = await page.getTextContent();
    const items = content.items.map((it) => ('str' in it ? it.str : '')).map((s) => s.normalize('NFKC'));
    raw.push(items.join(' '));
    words.push(items.flatMap((s) => s.replace(/\u0640/g, '').split(/\s+/)).filter((w) => w !== ''));
    pages.push(normaliseText(items.join('')));
  }
  await doc.destroy();
  return { pages, text: pages.join(''), raw, words, sizes };
}

/** The letters and marks of a word, without the punctuation around it ("الهوية:" → "الهوية"). */
export function bareWord(word: string): string {
  return word.normalize('NFKC').replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
}

export interface DrawnGlyph {
  /** What the glyph stands for in the text layer. */
  unicode: string;
  /** Where its origin is drawn, in points from the page's bottom left (PDF space). */
  x: number;
  y: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * Every glyph drawn on a page and where, as a viewer draws it: pdf.js's operator list (forms
 * included) played through the PDF text state (text matrix, font size, horizontal scaling, TJ
 * adjustments). Enough for the text the documents draw (no rise, character or word spacing).
 */
export async function drawnGlyphs(pdf: Buffer, pageNumber: number): Promise<DrawnGlyph[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const ops = await (await doc.getPage(pageNumber)).getOperatorList();
  await doc.destroy();
  const identity: Matrix = [1, 0, 0, 1, 0, 0];
  let state = { ctm: identity, size: 0, hScale: 1 };
  const stack: (typeof state)[] = [];
  let tm = identity;
  let lineMatrix = identity;
  const glyphs: DrawnGlyph[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply(args as Matrix, state.ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...state });
      if (args[0]) state.ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, state.ctm);
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.beginText) tm = lineMatrix = identity;
    else if (fn === OPS.setFont) state.size = args[1] as number;
    else if (fn === OPS.setHScale) state.hScale = (args[0] as number) / 100;
    else if (fn === OPS.setTextMatrix) tm = lineMatrix = Array.from(args[0] as ArrayLike<number>) as Matrix;
    else if (fn === OPS.moveText) tm = lineMatrix = multiply([1, 0, 0, 1, args[0] as number, args[1] as number], lineMatrix);
    else if (fn === OPS.showText) {
      for (const item of args[0] as (number | { unicode: string; width: number })[]) {
        const advance = typeof item === 'number' ? -item : item.width;
        if (typeof item !== 'number') {
          const [x, y] = multiply(tm, state.ctm).slice(4) as [number, number];
          glyphs.push({ unicode: item.unicode, x, y });
        }
        tm = multiply([1, 0, 0, 1, (advance / 1000) * state.size * state.hScale, 0], tm);
      }
    }
  }
  return glyphs;
}

export interface FilledRect {
  color: string;
  /** PDF space: from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The axis-aligned rectangles filled on a page, with their fill colour (pdfkit draws rect() as such). */
export async function filledRects(pdf: Buffer, pageNumber: number): Promise<FilledRect[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const ops = await (await doc.getPage(pageNumber)).getOperatorList();
  await doc.destroy();
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, color: '#000000' };
  const stack: (typeof state)[] = [];
  const rects: FilledRect[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply(args as Matrix, state.ctm);
    else if (fn === OPS.setFillRGBColor) state.color = String(args[0]).toLowerCase();
    else if (fn === OPS.constructPath && args[0] === OPS.fill) {
      // pdf.js path data: 0 x y = move to, 1 x y = line to, 4 = close (rectangles come as four corners).
      for (const data of args[1] as ArrayLike<number>[]) {
        const d = Array.from(data);
        for (let k = 0; k + 12 <= d.length; ) {
          if (d[k] !== 0 || d[k + 3] !== 1 || d[k + 6] !== 1 || d[k + 9] !== 1) break;
          const xs = [d[k + 1]!, d[k + 4]!, d[k + 7]!, d[k + 10]!];
          const ys = [d[k + 2]!, d[k + 5]!, d[k + 8]!, d[k + 11]!];
          const corners = xs.map((x, j) => multiply([1, 0, 0, 1, x, ys[j]!], state.ctm).slice(4) as [number, number]);
          const [x0, x1] = [Math.min(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[0]))];
          const [y0, y1] = [Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[1]))];
          rects.push({ color: state.color, x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
          k += 12;
          if (d[k] === 4) k++;
        }
      }
    }
  }
  return rects;
}

/**
 * Brackets in right-to-left runs are drawn as their mirror glyph (UAX #9 rule L4), and a PDF text
 * layer can only name the glyph drawn: "(ريال)" reads back as ")ريال(", «نص» as »نص«. Compare bracketed phrases
 * with this applied to both sides.
 */
export function bracketsAsOne(s: string): string {
  return s.replace(/[()]/g, '|').replace(/[[\]]/g, '¦').replace(/[«»]/g, '‖');
}

/** The RGBA pixels of each image drawn on page `pageNumber`. */
export async function pageImages(pdf: Buffer, pageNumber: number): Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const page = await doc.getPage(pageNumber);
  const ops = await page.getOperatorList();
  const images = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const id = ops.argsArray[i][0] as string;
    images.push(await new Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>((resolve) => page.objs.get(id, resolve)));
  }
  await doc.destroy();
  return images;
}

/** A one-page PDF drawn by `draw` with the bundled fonts. */
export function renderToBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  loadPrintingFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
