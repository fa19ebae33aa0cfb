type Doc = PDFKit.PDFDocument;

interface Position {
  xAdvance: number;
  /** The glyph's own width (hmtx), the one pdfkit writes in the font's /W array. */
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
/** The parts of pdfkit's embedded font used here (pdfkit 0.20). */
interface EmbeddedFont {
  id: string;
  /** Lays the text out (through its per-word cache), adds its glyphs to the subset: subset glyph ids as hex, positions in 1/1000 em. */
  encode?: (text: string) => [string[], Position[]];
  /** The same layout (cached): what each glyph stands for. */
  layoutCached: (text: string) => { glyphs: { codePoints: number[] }[] };
  ref: () => unknown;
}
interface PdfkitInternals {
  page: { fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
  ref: (data: Record<string, unknown>) => { end: (chunk: string) => void };
}

/**
 * pdf.js builds its text layer from runs of glyphs it finds side by side, and cuts a run wherever
 * the next glyph starts more than 0.2 em before the previous one ended, or puts a space in it
 * wherever the gap is over 0.102 em. Inside an Arabic word Amiri moves letters that far: the ك
 * of ذكر runs 0.29 em under the ذ, the ي after و in الهوية starts 0.12 em after it, and a kashida
 * pdf.js does not count (fonts.ts) leaves its width as a gap. Drawn plainly, a word came back as
 * «الهو ية» or in two runs read in the wrong order («كرذ»).
 *
 * So each Arabic word is drawn as one text object at horizontal scaling 1/SPREAD with the text
 * matrix widened SPREAD times: the glyphs land exactly where fontkit put them, but pdf.js measures
 * gaps in text space, where they are SPREAD times smaller than its limits. The glyphs go out in
 * fontkit's visual order (marks just before their letter, each at its own offset), which pdf.js
 * reverses back into reading order as the run holds Arabic: one word, one run, read whole.
 */
const SPREAD = 10;

/**
 * Two words side by side must not merge into one pdf.js run (it would read them in the wrong order),
 * and a word whose first glyph in visual order is a mark (the tanween of حرفاً, the damma of عبدُ)
 * must not have that mark joined to the run still open: pdf.js joins a mark to it without looking
 * where it is. pdf.js closes a run when the font size changes, so consecutive words alternate
 * between two sizes a thousandth and two thousandths of a point above the asked one (the pen is
 * corrected for it: no drift); everything else is drawn at the asked size. Invisible on paper.
 */
const lastSize = new WeakMap<Doc, number>();

function wordSize(doc: Doc, fontSize: number): number {
  const last = lastSize.get(doc);
  const size = fontSize + 0.001 === last ? fontSize + 0.002 : fontSize + 0.001;
  lastSize.set(doc, size);
  return size;
}

const num = (n: number) => String(Math.round(n * 1e4) / 1e4);

/**
 * The size change closes the previous run, but a word whose first glyph in visual order is a mark
 * still splits: pdf.js checks the letter after that mark against where the previous text ended (the
 * word to the right, or the line above) and starts another run, leaving the mark alone and in the
 * wrong place («عَبْدُ» as «ُ» + «عَبْد»). Such a word is drawn as a form XObject: pdf.js reads a form
 * with a fresh state (nothing drawn before it), so the mark and its letter stay in one run. Only
 * these words (vowelled endings, tanween) pay for the extra object.
 */
const PDFJS_SKIPS = /\p{Cf}$/u; // a format character (the kashida, fonts.ts): not read at all
const PDFJS_ATTACHES = /\p{Mn}/u; // a combining mark: read without looking where it is
function opensWithMark(glyphs: { codePoints: number[] }[]): boolean {
  for (const g of glyphs) {
    const text = String.fromCodePoint(...g.codePoints);
    if (PDFJS_SKIPS.test(text)) continue;
    return PDFJS_ATTACHES.test(text);
  }
  return false;
}
const formCount = new WeakMap<Doc, number>();

/**
 * Draws one Arabic word (no spaces) with its left edge at x on the baseline: every glyph where
 * fontkit placed it (GPOS kerning, cursive and mark attachment), written as one text object.
 */
export function drawRtlWord(doc: Doc, word: string, x: number, baseline: number, fontSize: number): void {
  const font = (doc as unknown as { _font?: EmbeddedFont })._font;
  if (!font?.encode) {
    doc.text(word, x, baseline, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
    return;
  }
  const [hex, positions] = font.encode(word);
  if (hex.length === 0) return;
  const pdf = doc as unknown as PdfkitInternals;

  const size = wordSize(doc, fontSize);
  const unit = fontSize / 1000; // points per font unit at the asked size
  const widthScale = size / fontSize; // the PDF moves the pen by a glyph's /W width at the drawn size
  const out = ['BT', `/${font.id} ${num(size)} Tf`, `${num(100 / SPREAD)} Tz`];
  let tj = '';
  let run = '';
  const flush = () => {
    if (run) tj += `<${run}>`;
    run = '';
    if (tj) out.push(`[${tj}] TJ`);
    tj = '';
  };
  let pen = 0; // where fontkit's pen is, in font units from x
  let pdfPen = Number.NaN; // where the PDF's pen is, same units
  let lineY = Number.NaN;
  for (let i = 0; i < hex.length; i++) {
    const p = positions[i]!;
    const gx = pen + p.xOffset;
    if (p.yOffset !== lineY) {
      // A mark above or below (or back to the baseline after one): place the text matrix there.
      flush();
      out.push(`${SPREAD} 0 0 -1 ${num(x + gx * unit)} ${num(baseline - p.yOffset * unit)} Tm`);
      lineY = p.yOffset;
      pdfPen = gx;
    } else if (Math.abs(gx - pdfPen) > 1e-3) {
      // TJ numbers move the pen back by n/1000 of the drawn size (scaling and matrix cancel out).
      if (run) tj += `<${run}>`;
      run = '';
      tj += `${num(-(gx - pdfPen) / widthScale)}`;
      pdfPen = gx;
    }
    run += hex[i];
    pdfPen += p.advanceWidth * widthScale;
    pen += p.xAdvance;
  }
  flush();
  out.push('ET');
  const content = out.join('\n');
  if (!opensWithMark(font.layoutCached(word).glyphs)) {
    pdf.page.fonts[font.id] ??= font.ref();
    // q/Q: the text state (the scaling above) would otherwise stay set for pdfkit's next text.
    doc.addContent(`q\n${content}\nQ`);
    return;
  }
  const n = (formCount.get(doc) ?? 0) + 1;
  formCount.set(doc, n);
  const name = `Word${n}`;
  // The form's space is the page's (no Matrix); the box only has to hold the word with its marks.
  const form = pdf.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [x - fontSize, baseline - 2 * fontSize, x + pen * unit + fontSize, baseline + 2 * fontSize].map((v) => Number(num(v))),
    Resources: { Font: { [font.id]: font.ref() } },
  });
  form.end(content);
  pdf.page.xobjects[name] = form;
  doc.addContent(`/${name} Do`);
}
