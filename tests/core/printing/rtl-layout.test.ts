/**
 * The RTL layout module: what is drawn, in which order, for mixed Arabic / digits / Latin / brackets /
 * Arabic-Indic digits. Runs are listed as a reader meets them in an RTL line: from the right.
 * Expected orders are those Chromium shows for the same strings (checked by eye, side by side).
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT, loadPrintingFonts } from '../../../electron/core/printing/fonts';
import {
  analyzeParagraph,
  drawRtlText,
  glyphRuns,
  isolateLtr,
  layoutRtlText,
  visualLevelRuns,
  wrapParagraph,
  type Direction,
} from '../../../electron/core/printing/rtl-layout';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import * as sample from './fixtures';
import { bareWord, bracketsAsOne, drawnGlyphs, normaliseText, pdfText, renderToBuffer } from './pdf-text';

/** The runs of one unwrapped line, from the right edge to the left (visual order reversed). */
function rightToLeft(text: string, direction: Direction = 'rtl') {
  const p = analyzeParagraph(text, direction);
  return glyphRuns(p, visualLevelRuns(p, 0, text.length)).reverse();
}
const logicalRtl = (text: string, direction?: Direction) => rightToLeft(text, direction).map((r) => r.logical);
const leftToRight = (text: string, direction: Direction = 'rtl') => {
  const p = analyzeParagraph(text, direction);
  return glyphRuns(p, visualLevelRuns(p, 0, text.length));
};

function newDoc() {
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: false });
  loadPrintingFonts(doc);
  return doc;
}

/** The glyphs pdfkit paints for a line, left to right, as characters (fontkit's own reordering included). */
function painted(text: string, direction: Direction = 'rtl'): string {
  const doc = newDoc();
  const font = (doc as unknown as { _font: { font: { layout(s: string, f: string[]): { glyphs: { codePoints: number[] }[] } } } })._font.font;
  return leftToRight(text, direction)
    .map((r) => font.layout(r.text, []).glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join(''))
    .join('');
}

describe('visual run order (UAX #9, as Chromium shows it)', () => {
  it('Arabic alone is one right-to-left run', () => {
    const runs = rightToLeft('محمد بن عبدالله القحطاني');
    expect(runs.map((r) => [r.logical, r.level])).toEqual([['محمد بن عبدالله القحطاني', 1]]);
  });

  it('ASCII digits keep their order inside Arabic and sit where they were typed', () => {
    expect(logicalRtl('رقم التذكرة 12 اليوم')).toEqual(['رقم التذكرة ', '12', ' اليوم']);
    expect(logicalRtl('تاريخ التقديم: 14 فبراير 2024م')).toEqual(['تاريخ التقديم: ', '14', ' فبراير ', '2024', 'م']);
    expect(logicalRtl('الوقت 09:05 ص')).toEqual(['الوقت ', '09:05', ' ص']);
    expect(logicalRtl('المبلغ 1,500.50 ريال')).toEqual(['المبلغ ', '1,500.50', ' ريال']);
    // digits are drawn left to right, never reversed (pdfkit alone prints 2045 as 5402)
    expect(leftToRight('السنة 2045').find((r) => r.logical === '2045')?.text).toBe('2045');
    expect(painted('السنة 2045').startsWith('2045 ')).toBe(true);
  });

  it('a Latin name with a digit inside an Arabic name stays one left-to-right run in its place', () => {
    expect(logicalRtl('الاسم: محمد John Smith 2 القحطاني')).toEqual(['الاسم: محمد ', 'John Smith 2', ' القحطاني']);
    expect(logicalRtl('سارة O\'Brien الدوسري')).toEqual(['سارة ', "O'Brien", ' الدوسري']);
  });

  it('brackets are mirrored in RTL runs: the opening bracket is on the right', () => {
    const runs = rightToLeft('رقم الطلب (جديد)');
    expect(runs.map((r) => r.logical)).toEqual(['رقم الطلب (جديد)']);
    expect(runs[0]!.text).toBe('رقم الطلب )جديد('); // fontkit reverses it: ")" glyph ends up on the right of "جديد"
    expect(painted('رقم الطلب (جديد)')).toBe('(ديدج) بلطلا مقر');
    expect(rightToLeft('[ملاحظة] {قوس} <زاوية>')[0]!.text).toBe(']ملاحظة[ }قوس{ >زاوية<');
  });

  it('an RTL run without Arabic letters is reversed by us (fontkit quirk 1)', () => {
    // "12" and "34" follow Arabic, so they are Arabic numbers: " (" between them is an RTL run of punctuation only.
    const runs = rightToLeft('رقم 12 (34) نهاية');
    expect(runs.map((r) => r.logical)).toEqual(['رقم ', '12', ' (', '34', ') نهاية']);
    expect(runs[2]).toMatchObject({ logical: ' (', level: 1, text: ') ' });
    expect(painted('رقم 12 (34) نهاية')).toBe('ةياهن (34) 12 مقر');
  });

  it('Arabic-Indic digits are drawn left to right (fontkit quirk 2: pre-reversed)', () => {
    // one LTR run, cut where the script changes so fontkit sees one direction per piece
    expect(logicalRtl('التاريخ ١٤٤٥/٠٨/٠٤')).toEqual(['التاريخ ', '٠٤', '/', '٠٨', '/', '١٤٤٥']);
    expect(painted('التاريخ ١٤٤٥/٠٨/٠٤')).toBe('١٤٤٥/٠٨/٠٤ خيراتلا');
    expect(painted('رقم ١٢ (٣٤) نهاية')).toBe('ةياهن (٣٤) ١٢ مقر');
    // a Latin letter next to Arabic-Indic digits in one LTR run: only the digits are pre-reversed
    expect(painted('الرقم A١٢ هنا')).toBe('انه A١٢ مقرلا');
  });

  it('an ID in an LTR isolate stays one unit: the masked digits stay at the end', () => {
    expect(logicalRtl(`الهوية ${isolateLtr('******1234')} والجوال`)).toEqual(['الهوية ', '******1234', ' والجوال']);
    // without the isolate the bidi algorithm (and Chromium) shows "1234******"
    expect(logicalRtl('الهوية ******1234')).toEqual(['الهوية ******', '1234']);
    // a request number after Arabic: its hyphen would be RTL without the isolate (00042-1447)
    expect(logicalRtl('رقم الطلب 1447-00042')).toEqual(['رقم الطلب ', '1447', '-', '00042']);
    expect(logicalRtl(`رقم الطلب ${isolateLtr('1447-00042')}`)).toEqual(['رقم الطلب ', '1447-00042']);
    expect(rightToLeft(`رقم ${isolateLtr('1447-00042')}`).every((r) => !/[\u2066-\u2069]/.test(r.text))).toBe(true);
  });

  it('an LTR paragraph keeps an Arabic name as one run in its place', () => {
    const ltr = leftToRight('Name: محمد القحطاني (ID 1234)', 'ltr').map((r) => r.logical);
    expect(ltr).toEqual(['Name: ', 'محمد القحطاني', ' (ID 1234)']);
  });

  it('trailing spaces go back to the paragraph level (rule L1) and are not drawn as a run of their own', () => {
    expect(logicalRtl('نص 12   ')).toEqual(['نص ', '12', '   ']);
    expect(rightToLeft('نص 12   ').at(-1)!.level).toBe(1);
  });
});

describe('wrapping in logical order', () => {
  // One unit per UTF-16 code unit: deterministic line breaks.
  const wrap = (text: string, width: number) => {
    const p = analyzeParagraph(text);
    return wrapParagraph(p, width, (s, e) => e - s).map((l) => text.slice(l.start, l.end));
  };

  it('breaks at spaces, every line within the width, no word lost or reordered', () => {
    const text = 'أقر أنا الموقع أدناه بأن جميع البيانات التي قدمتها في الطلب رقم 1447-00042 صحيحة وكاملة';
    const lines = wrap(text, 24);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
    expect(lines.join(' ')).toBe(text);
  });

  it('reorders each wrapped line on its own: a number that starts the second line is drawn at its right', () => {
    const text = 'رقم الطلب هو 2045 والتذكرة A-017';
    const p = analyzeParagraph(text);
    const lines = wrapParagraph(p, 13, (s, e) => e - s);
    const visual = lines.map((l) => glyphRuns(p, visualLevelRuns(p, l.start, l.end)).reverse().map((r) => r.logical));
    expect(visual).toEqual([['رقم الطلب هو'], ['2045', ' والتذكرة'], ['A-017']]);
  });

  it('cuts a single word longer than the line between grapheme clusters', () => {
    const word = 'عبدالرحمنمحمدعبداللهالقحطاني';
    const lines = wrap(`الاسم ${word} انتهى`, 10);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(10);
    expect(lines.join('')).toBe(`الاسم${word}انتهى`);
    // a mark (shadda) never lands at the start of a line without its letter
    const marked = wrap('مُحَمَّدٌعَبْدُاللَّهِ', 3);
    for (const l of marked) expect(/^[\u064B-\u0652]/.test(l)).toBe(false);
  });
});

describe('drawRtlText', () => {
  it('prints an empty value as nothing and uses no height', () => {
    const doc = newDoc();
    for (const empty of ['', '   ', null, undefined, Number.NaN]) {
      expect(drawRtlText(doc, empty, { x: 40, y: 40, width: 200, fontSize: 12 })).toBe(0);
    }
  });

  it('never draws outside its box: long four-part name and an over-long word in a narrow box', () => {
    const doc = newDoc();
    const box = { x: 100, y: 50, width: 120, fontSize: 12, font: FONT.regular };
    for (const text of [
      'عبدالرحمن بن محمد بن عبدالعزيز آل عبداللطيف القحطاني الدوسري',
      'كلمةطويلةجداًلاتتسعفيسطرواحدمهماكانالعرض',
      'Muhammad-Abdulrahman-AlQahtani-1234567890 وابنه 2',
    ]) {
      const layout = layoutRtlText(doc, text, box);
      expect(layout.lines.length).toBeGreaterThan(1);
      for (const line of layout.lines) {
        for (const run of line.runs) {
          expect(run.x).toBeGreaterThanOrEqual(box.x - 0.01);
          expect(run.x + run.width).toBeLessThanOrEqual(box.x + box.width + 0.01);
        }
      }
      expect(drawRtlText(doc, text, box)).toBeCloseTo(layout.height);
    }
  });

  it('right-aligns by default; left and centre put the line where asked; justify fills the width', () => {
    const doc = newDoc();
    const box = { x: 50, y: 50, width: 300, fontSize: 12 };
    const right = layoutRtlText(doc, 'سطر قصير', box).lines[0]!;
    const last = right.runs.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(350);
    expect(layoutRtlText(doc, 'سطر قصير', { ...box, align: 'left' }).lines[0]!.runs[0]!.x).toBeCloseTo(50);
    const long = 'أقر أنا الموقع أدناه بأن جميع البيانات والمعلومات والمستندات التي قدمتها في هذا الطلب صحيحة وكاملة وأتحمل المسؤولية المباشرة عن صحتها';
    const justified = layoutRtlText(doc, long, { ...box, align: 'justify' }).lines;
    const first = justified[0]!;
    expect(first.runs[0]!.x).toBeCloseTo(50);
    expect(first.runs.at(-1)!.x + first.runs.at(-1)!.width).toBeCloseTo(350);
    expect(justified.at(-1)!.spaceStretch).toBe(0);
  });

  it('the text layer of a drawn paragraph reads in logical order with digits and Latin in place', async () => {
    const lines = [
      'الاسم: محمد John Smith 2 القحطاني',
      `رقم الطلب ${isolateLtr('1447-00042')} بتاريخ 14 فبراير 2024م`,
      'التاريخ ١٤٤٥/٠٨/٠٤ والمبلغ 1,500 ريال',
      'أقر أنا الموقع أدناه بأن جميع البيانات والمعلومات والمستندات التي قدمتها في هذا الطلب صحيحة وكاملة وأتحمل المسؤولية المباشرة عن صحتها',
    ];
    const pdf = await renderToBuffer((doc) => {
      let y = 40;
      for (const l of lines) y += drawRtlText(doc, l, { x: 60, y, width: 260, fontSize: 12, align: 'justify' });
    });
    const { text } = await pdfText(pdf);
    for (const l of lines) expect(text).toContain(l.replace(/[\s\u2066-\u2069]/g, ''));
  });
});

describe('vowel marks sit on their letters as in Chromium', () => {
  /**
   * Where Chromium's shaper puts every glyph of these words in Amiri, in visual order (left to
   * right), as [character, x, y] in thousandths of an em from the word's pen origin, y upwards:
   * `hb-shape resources/fonts/Amiri-Regular.ttf WORD` (HarfBuzz, which Chromium uses), offsets added
   * to the pen. In «مُحَمَّد» the fatha goes up onto the shadda (51 above it), not through it.
   */
  const CHROMIUM: [string, [string, number, number][]][] = [
    ['مُحَمَّد', [['د', 0, 0], ['\u064E', 561, 51], ['\u0651', 361, 0], ['م', 471, 0], ['\u064E', 538, 0], ['ح', 687, 0], ['\u064F', 726, 0], ['م', 882, 0]]],
    ['اللَّهِ', [['\u0650', -75, 181], ['ه', 0, 0], ['\u064E', 417, -164], ['\u0651', 217, -215], ['ل', 352, 0], ['ل', 582, 0], ['ا', 737, 0]]],
    [
      'القَحْطَانِيّ',
      [
        ['\u0651', -13, 0], ['ي', 0, 0], ['\u0650', 382, -64], ['ن', 476, 0], ['ا', 734, 0], ['\u064E', 936, 0], ['ط', 963, 0],
        ['\u0652', 1649, 0], ['ح', 1514, 0], ['\u064E', 2073, 0], ['ق', 2124, 0], ['ل', 2502, 0], ['ا', 2677, 0],
      ],
    ],
  ];

  for (const [word, expected] of CHROMIUM) {
    it(`«${word}»: every mark drawn where Chromium draws it, on its own letter`, async () => {
      const size = 100; // one unit of the table is a tenth of a point
      const pdf = await renderToBuffer((doc) => drawRtlText(doc, word, { x: 40, y: 60, width: 500, font: FONT.regular, fontSize: size }));
      const glyphs = await drawnGlyphs(pdf, 1);
      // The word's leftmost letter carries no offset: it is the pen's origin.
      const origin = glyphs.filter((g) => !/\p{M}/u.test(g.unicode)).reduce((a, g) => (g.x < a.x ? g : a));
      const drawn = glyphs.map((g): [string, number, number] => [g.unicode.normalize('NFC'), Math.round(((g.x - origin.x) * 1000) / size), Math.round(((g.y - origin.y) * 1000) / size)]);
      // By position: the order glyphs are written in is the text layer's business, not the picture's.
      const byPosition = (list: [string, number, number][]) => [...list].sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
      expect(byPosition(drawn)).toEqual(byPosition(expected));
    });
  }
});

describe('the text layer reads every label back in logical order (pdf.js)', () => {
  /** Every Arabic string in both catalogues, placeholders removed. */
  function labels(o: unknown, out: string[] = []): string[] {
    if (typeof o === 'string') {
      if (/[\u0600-\u06FF]/.test(o)) out.push(o.replace(/\{\w+\}/g, ''));
    } else if (o && typeof o === 'object') for (const v of Object.values(o)) labels(v, out);
    return out;
  }
  const all = [...new Set([...labels(ar), ...labels(printingAr), sample.DECLARATION_TEXT, sample.LONG_NAME, sample.MIXED_NAME, sample.LONG_ADDRESS, sample.LONG_REJECTION_REASON])];

  // Amiri kerns after ر ذ ز د و and places marks with offsets; pdf.js cuts words there (rtl-word.ts).
  for (const [font, size] of [
    [FONT.regular, 10.5],
    [FONT.bold, 9.5],
  ] as const) {
    it(`${font} ${size} pt: ${all.length} labels, each found whole, and none of their words cut in two`, async () => {
      const pageOf: number[] = [];
      const pdf = await renderToBuffer((doc) => {
        let y = 20;
        let page = 0;
        for (const s of all) {
          y += drawRtlText(doc, s, { x: 20, y, width: 555, font, fontSize: size }) + 3;
          pageOf.push(page);
          if (y > 800) {
            doc.addPage({ size: 'A4', margin: 0 });
            y = 20;
            page++;
          }
        }
      });
      const { pages, words } = await pdfText(pdf);
      const missing = all.filter((s, i) => !bracketsAsOne(pages[pageOf[i]!]!).includes(bracketsAsOne(normaliseText(s))));
      expect(missing).toEqual([]);
      // pdf.js cuts a word where it finds a gap or an overlap between letters (Amiri's kerning
      // after و ر ز ذ د): «الهو ية» reads as two words to anyone copying or searching the text.
      const found = words.map((page) => new Set(page.map(bareWord)));
      const cut = all.flatMap((s, i) =>
        s
          .split(/\s+/)
          .map(bareWord)
          .filter((w) => /\p{Script=Arabic}/u.test(w) && !found[pageOf[i]!]!.has(w.replace(/\u0640/g, ''))),
      );
      expect([...new Set(cut)]).toEqual([]);
    });
  }
});
