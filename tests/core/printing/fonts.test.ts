import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { COMPOSED_FROM_CHARACTERS, FONT, loadPrintingFonts } from '../../../electron/core/printing/fonts';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface EmbeddedFont {
  layoutCached(text: string): Run;
  font: { layout(text: string): Run };
  scale: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const shape = (run: Run) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].map(round)),
});

/**
 * A register of 16,000 visits: digits, masked IDs, times and ticket numbers are laid out
 * from their characters' layouts, not shaped string by string. That is only allowed while it draws
 * exactly what fontkit's shaping of the whole string draws: the same glyphs at the same places.
 */
describe('digits laid out from their characters', () => {
  const doc = new PDFDocument({ font: '' } as PDFKit.PDFDocumentOptions);
  loadPrintingFonts(doc);
  const alphabet = '0123456789*:- ';
  const samples = ['******1234', '08:13', '12', 'A-001', 'B-8000', 'R-1501 ', '1447-00042', '2026-03-05', '*-:', '  7'];
  for (let a = 0; a < alphabet.length; a++) for (let b = 0; b < alphabet.length; b++) for (const c of '09*') samples.push(`${alphabet[a]}${alphabet[b]}${c}`);
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') samples.push(`${letter}-0427`);

  for (const name of Object.values(FONT)) {
    it(`${name}: the same glyphs at the same places as fontkit's shaping of the whole string`, () => {
      doc.font(name);
      const font = (doc as unknown as { _font: EmbeddedFont })._font;
      for (const text of samples) {
        expect(COMPOSED_FROM_CHARACTERS.test(text), text).toBe(true);
        const whole = font.font.layout(text);
        const composed = font.layoutCached(text);
        expect(shape(composed), text).toEqual({
          glyphs: whole.glyphs.map((g) => g.id),
          positions: whole.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].map((v) => round(v * font.scale))),
        });
        expect(round(composed.advanceWidth)).toBe(round(whole.advanceWidth * font.scale));
      }
    });
  }
});
