import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT, loadPrintingFonts } from '../../../electron/core/printing/fonts';
import { analyzeParagraph, layoutRtlText, wrapParagraph } from '../../../electron/core/printing/rtl-layout';
import { formatBothDates, formatGregorian, formatHijri, formatTime } from '@shared/dates/calendar';

/** Dates on paper (docs/architecture.md#dates): «1 ⏎ رجب 1448 هـ» never happens — a date or a time is one unit of a line. */
const DAY = '2026-12-10'; // 1 رجب 1448 هـ (Umm al-Qura)
const dates = [formatHijri(DAY), formatGregorian(DAY), formatTime('2026-12-11T06:05:00Z')];
const sentence = `رُفع الطلب إلى لجنة البحث في ${formatBothDates(DAY)} الساعة ${dates[2]} وينتظر المتقدم الرد خلال أربعة عشر يوماً`;

/** Where each date sits in the sentence. */
const spans = dates.map((d) => {
  const start = sentence.indexOf(d);
  expect(start, d).toBeGreaterThanOrEqual(0);
  return { start, end: start + d.length };
});

describe('a date is one unit of a line', () => {
  it('the formatted dates hold their parts with no-break spaces (and read as before)', () => {
    expect(formatHijri(DAY)).toBe('1\u00a0رجب\u00a01448\u00a0هـ');
    for (const d of dates) expect(d).not.toMatch(/[ \t\n]/);
  });

  it('wrapping at every width never ends a line inside a date', () => {
    const p = analyzeParagraph(sentence);
    for (let width = 4; width <= sentence.length; width++) {
      const lines = wrapParagraph(p, width, (s, e) => e - s);
      for (const line of lines) {
        for (const span of spans) {
          const cuts = line.end > span.start && line.end < span.end;
          const starts = line.start > span.start && line.start < span.end;
          // A date longer than the whole line may be cut (nothing runs outside the box); otherwise never.
          if (span.end - span.start <= width) expect({ width, cuts, starts }).toEqual({ width, cuts: false, starts: false });
        }
      }
    }
  });

  it('in a real layout with the bundled font, each line of a narrow box holds whole dates', () => {
    const doc = new PDFDocument({ size: 'A4', margin: 0 });
    loadPrintingFonts(doc);
    for (let width = 90; width <= 400; width += 7) {
      const layout = layoutRtlText(doc, sentence, { x: 40, y: 40, width, fontSize: 11, font: FONT.regular });
      for (const line of layout.lines) {
        const start = Math.min(...line.runs.map((r) => r.start));
        const end = Math.max(...line.runs.map((r) => r.end));
        for (const span of spans) {
          expect({ width, inside: (end > span.start && end < span.end) || (start > span.start && start < span.end) }).toEqual({ width, inside: false });
        }
      }
    }
  });
});
