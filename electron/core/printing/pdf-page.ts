import PDFDocument from 'pdfkit';
import { formatGregorian, formatHijri, formatTime } from '@shared/dates/calendar';
import { fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { FONT, loadPrintingFonts } from './fonts';
import { drawRtlText, isolateLtr, measureRtlText, printable } from './rtl-layout';

/** What every document needs besides its own input. */
export interface PrintingOptions {
  /** resources/fonts of a packaged app; by default found next to the sources or the build. */
  fontsDir?: string;
  /** The desk's time zone for times and dates (default Asia/Riyadh). */
  timeZone?: string;
}

/** The association's letterhead, from the settings the administrator edits. */
export interface AssociationHeader {
  name: string;
  branch?: string | null;
  /** PNG or JPEG bytes. */
  logo?: Uint8Array | null;
  /** e.g. "مسجلة لدى المركز الوطني لتنمية القطاع غير الربحي برقم 1234". */
  licence?: string | null;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
}

export const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#333333',
  light: '#999999',
  fill: '#EDEDED',
  zebra: '#F6F6F6',
} as const;

export const MM = 72 / 25.4;

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

export interface PdfOptions extends PrintingOptions {
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  author: string;
  /** Keep pages in memory so page numbers ("صفحة 1 من 3") can be written at the end. */
  bufferPages?: boolean;
  /** Add the first page now (default); false to measure before choosing the page size. */
  firstPage?: boolean;
}

export function createPdf(options: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: options.size,
    margins: options.margins,
    bufferPages: options.bufferPages ?? false,
    autoFirstPage: options.firstPage ?? true,
    lang: 'ar-SA',
    displayTitle: true,
    info: { Title: options.title, Author: options.author, Creator: 'استقبال', Producer: 'استقبال' },
    // No Helvetica: the bundled fonts are registered next, and parsing its metrics cost every document a millisecond.
    font: '',
  });
  loadPrintingFonts(doc, options.fontsDir);
  if (options.firstPage ?? true) doc.fillColor(COLOR.text).strokeColor(COLOR.rule);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish() {
      doc.end();
      return done;
    },
  };
}

/** The printable frame of the current page. */
export function frame(doc: PDFKit.PDFDocument) {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    right: width - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
    width: width - margins.left - margins.right,
    pageWidth: width,
    pageHeight: height,
  };
}

export const A4: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/**
 * The letterhead at the top of the page (name, branch, licence, contact; the logo on the left) and
 * the document's title under it. Returns the y where the body starts.
 */
export function drawLetterhead(doc: PDFKit.PDFDocument, header: AssociationHeader, title: string, top: number): number {
  const f = frame(doc);
  const logoSize = header.logo ? 58 : 0;
  const textWidth = f.width - (logoSize ? logoSize + 12 : 0);
  let y = top;
  y += drawRtlText(doc, header.name, { x: f.right - textWidth, y, width: textWidth, font: FONT.bold, fontSize: 16, lineHeight: 1.5 });
  const sub = [
    header.branch ? fill(printingAr.common.branch, { branch: header.branch }) : '',
    header.licence ?? '',
    [header.address, header.phone ? fill(printingAr.common.phone, { phone: isolateLtr(header.phone) }) : '']
      .filter((s) => printable(s) !== '')
      .join(' — '),
  ].filter((s) => s !== '');
  for (const line of sub) {
    y += drawRtlText(doc, line, { x: f.right - textWidth, y, width: textWidth, font: FONT.regular, fontSize: 9.5, lineHeight: 1.45, color: COLOR.muted });
  }
  doc.fillColor(COLOR.text);
  if (header.logo) {
    try {
      doc.image(Buffer.from(header.logo), f.left, top, { fit: [logoSize, logoSize] });
    } catch {
      // A logo that is not a PNG or JPEG is left out rather than failing the document.
    }
    y = Math.max(y, top + logoSize);
  }
  y += 4;
  doc.moveTo(f.left, y).lineTo(f.right, y).lineWidth(1.2).strokeColor(COLOR.rule).stroke();
  doc.moveTo(f.left, y + 2.5).lineTo(f.right, y + 2.5).lineWidth(0.4).stroke();
  y += 8;
  y += drawRtlText(doc, title, { x: f.left, y, width: f.width, font: FONT.bold, fontSize: 17, align: 'center', lineHeight: 1.6 });
  return y + 4;
}

const RUNNING_HEADER = { font: FONT.bold, fontSize: 10, color: COLOR.muted, lineHeight: 1.5 };

/** A line under the running header of continuation pages: the title, small. Returns the body's y. */
export function drawRunningHeader(doc: PDFKit.PDFDocument, text: string, top: number): number {
  const f = frame(doc);
  const h = drawRtlText(doc, text, { x: f.left, y: top, width: f.width, ...RUNNING_HEADER });
  doc.fillColor(COLOR.text);
  doc.moveTo(f.left, top + h + 2).lineTo(f.right, top + h + 2).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  return top + h + 8;
}

/** Where the body of a continuation page will start (what drawRunningHeader returns), without drawing. */
export function runningHeaderBottom(doc: PDFKit.PDFDocument, text: string, top: number): number {
  const f = frame(doc);
  return top + measureRtlText(doc, text, { x: f.left, y: top, width: f.width, ...RUNNING_HEADER }) + 8;
}

/**
 * "صفحة 1 من 3" at the foot of every buffered page, with an optional note on the other side
 * (when and by whom the document was printed). Call once, after the last page is drawn.
 */
export function drawPageFooters(doc: PDFKit.PDFDocument, note?: string): void {
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = range.start; i < range.start + pages; i++) {
    doc.switchToPage(i);
    const f = frame(doc);
    const y = f.bottom + 8;
    doc.moveTo(f.left, y - 3).lineTo(f.right, y - 3).lineWidth(0.4).strokeColor(COLOR.light).stroke();
    const numberWidth = 90;
    drawRtlText(doc, fill(printingAr.common.page, { page: i - range.start + 1, pages }), {
      x: f.left,
      y,
      width: numberWidth,
      font: FONT.regular,
      fontSize: 9,
      align: 'left',
      color: COLOR.muted,
    });
    if (note) drawRtlText(doc, note, { x: f.left + numberWidth, y, width: f.width - numberWidth, font: FONT.regular, fontSize: 8.5, color: COLOR.muted });
    doc.fillColor(COLOR.text);
  }
}

/** "طُبع في 16 رمضان 1447 هـ (5 مارس 2026م) الساعة 09:05 ص". */
export function printedNote(at: Date | string, timeZone: string, by?: string | null): string {
  const when = fill(printingAr.common.printedAt, {
    date: `${formatHijri(at, timeZone)} (${formatGregorian(at, timeZone)})`,
    time: formatTime(at, timeZone),
  });
  return by ? `${when} — ${fill(printingAr.common.printedBy, { name: by })}` : when;
}

/** Hijri and Gregorian together as forms print them: "16 رمضان 1447 هـ — 5 مارس 2026م"; empty in, empty out. */
export function bothCalendars(d: Date | string | null | undefined, timeZone: string): string {
  if (d === null || d === undefined || d === '') return '';
  return `${formatHijri(d, timeZone)} — ${formatGregorian(d, timeZone)}`;
}

/** Hijri over Gregorian, for a narrow table cell. */
export function bothCalendarsStacked(d: Date | string | null | undefined, timeZone: string): string {
  if (d === null || d === undefined || d === '') return '';
  return `${formatHijri(d, timeZone)}\n${formatGregorian(d, timeZone)}`;
}

/** Keeps the last four characters of an ID visible: "******1234" (policy: registers mask IDs unless asked). */
export function maskId(id: string | null | undefined): string {
  const v = printable(id).trim();
  if (v.length <= 4) return v;
  return '*'.repeat(v.length - 4) + v.slice(-4);
}
