import type { VisitReason } from '@shared/domain/visit';
import { DEFAULT_TIME_ZONE, formatGregorian, formatHijri, formatTime } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { paragraph, type Block } from './blocks';
import { FONT } from './fonts';
import { COLOR, createPdf, MM, type PrintingOptions } from './pdf-page';
import { isolateLtr } from './rtl-layout';

/** A queue ticket as the desk issues it (S1). */
export interface TicketInput {
  associationName: string;
  branch?: string | null;
  deskName?: string | null;
  /** "A-017" */
  ticket: string;
  reason: VisitReason;
  /** UTC ISO instant of issue. */
  issuedAt: string;
  /** Visitors waiting before this one, when known. */
  waitingAhead?: number | null;
}

/** 80 mm roll, 72 mm printable: the common receipt printer. The page is as long as the ticket. */
const PAPER_WIDTH = 80 * MM;
const SIDE = 4 * MM;

const L = printingAr.ticket;

export async function renderTicket(input: TicketInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const pdf = createPdf({
    ...options,
    size: [PAPER_WIDTH, 200 * MM],
    margins: { top: 3 * MM, bottom: 3 * MM, left: SIDE, right: SIDE },
    title: `${L.title} ${input.ticket}`,
    author: input.associationName,
    firstPage: false,
  });
  const { doc } = pdf;
  const x = SIDE;
  const w = PAPER_WIDTH - 2 * SIDE;
  const centred = (text: string, fontSize: number, font: string = FONT.regular, color?: string): Block =>
    paragraph(doc, text, x, w, { fontSize, font, align: 'center', color, lineHeight: 1.55 });
  const rule: Block = {
    height: 8,
    paint(y) {
      doc.save().lineWidth(0.8).dash(2, { space: 2 }).strokeColor(COLOR.text).moveTo(x, y + 4).lineTo(x + w, y + 4).stroke().undash().restore();
    },
  };
  const blocks: Block[] = [
    centred(input.associationName, 13, FONT.bold),
    input.branch || input.deskName ? centred([input.branch, input.deskName].filter(Boolean).join(' — '), 9.5, FONT.regular, COLOR.muted) : null,
    rule,
    centred(L.title, 12),
    centred(isolateLtr(input.ticket), 46, FONT.bold),
    centred(fill(L.reason, { reason: ar.reasons[input.reason] ?? '' }), 12),
    input.waitingAhead !== null && input.waitingAhead !== undefined && Number.isFinite(input.waitingAhead)
      ? centred(fill(L.ahead, { count: input.waitingAhead }), 10.5)
      : null,
    rule,
    centred(fill(L.time, { time: formatTime(input.issuedAt, tz) }), 11),
    centred(formatHijri(input.issuedAt, tz), 11),
    centred(formatGregorian(input.issuedAt, tz), 11),
    rule,
    centred(L.wait, 9.5, FONT.regular, COLOR.muted),
    centred(L.thanks, 10, FONT.bold),
  ].filter((b): b is Block => b !== null);

  const height = blocks.reduce((a, b) => a + b.height, 0);
  doc.addPage({ size: [PAPER_WIDTH, height + 6 * MM], margins: { top: 3 * MM, bottom: 3 * MM, left: SIDE, right: SIDE } });
  let y = 3 * MM;
  for (const b of blocks) {
    b.paint(y);
    y += b.height;
  }
  return pdf.finish();
}
