import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { registerDocumentFonts } from '../../../electron/core/documents/fonts';

/**
 * Reading a PDF back the fairest way pdfkit allows (TECH-NOTES "Arabic in PDFs"): pdf.js
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
  /** Each page's [width, height] in points. */
  sizes: [number, number][];
}

export async function pdfText(pdf: Buffer | Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const raw: string[] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([x1 - x0, y1 - y0]);
    const content = await page.getTextContent();
    const items = content.items.map((it) => ('str' in it ? it.str : '')).map((s) => s.normalize('NFKC'));
    raw.push(items.join(' '));
    pages.push(normaliseText(items.join('')));
  }
  await doc.destroy();
  return { pages, text: pages.join(''), raw, sizes };
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
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
  registerDocumentFonts(doc);
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
