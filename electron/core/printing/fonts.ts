import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { orderMarksAsHarfBuzz } from './rtl-layout/mark-order';

/**
 * The bundled Arabic font (resources/fonts, see its README for why Amiri). Documents never load a
 * system font: the same PDF comes out on every machine, with or without network.
 */
export const FONT = {
  regular: 'Amiri',
  bold: 'Amiri-Bold',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  Amiri: 'Amiri-Regular.ttf',
  'Amiri-Bold': 'Amiri-Bold.ttf',
};

function moduleDir(): string {
  // __dirname in the CommonJS main-process bundle; import.meta.url under vitest and tsx.
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/**
 * resources/fonts, found by walking up from this module: from electron/core/printing in the
 * sources, from out/main in a build. A packaged app passes its own resources path instead.
 */
export function defaultFontsDir(): string {
  let dir = moduleDir();
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FILES.Amiri))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error(`resources/fonts/${FILES.Amiri} not found above ${moduleDir()}`);
}

/**
 * The parsed fontkit fonts and their word layouts, kept for the life of the process and shared by
 * every document. Parsing Amiri's large GSUB/GPOS tables again for each document costs hundreds of
 * milliseconds, and shaping a word costs about a millisecond: pdfkit accepts an already-parsed fontkit
 * font and keeps a layout cache per word on its font object, which is safe to share (pdfkit only reads
 * it; each document still builds its own subset).
 */
interface Shared {
  font: unknown;
  layouts: Record<string, unknown>;
}
const shared = new Map<string, Shared>();
const LAYOUT_CACHE_LIMIT = 20_000;

interface PdfkitRun {
  glyphs: { codePoints: number[] }[];
  positions: object[];
  advanceWidth: number;
}
interface PdfkitFont {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  layoutRun?: (text: string, features?: unknown) => PdfkitRun;
  layoutCached?: (text: string) => PdfkitRun;
  shapesLikeChromium?: boolean;
  composesDigits?: boolean;
}

const TATWEEL = 0x0640;
const ZERO_WIDTH_JOINER = 0x200d;

/**
 * Amiri stretches some letter pairs with an inserted kashida glyph (عبدالكريم). fontkit gives that
 * glyph no characters, or the tatweel's, depending on which text first used it in the process, and
 * pdf.js reads an empty glyph as a space that cuts the word. Both the kashida and a typed tatweel
 * are drawing only (search ignores tatweel too), so they enter the text layer as a zero-width
 * joiner, which pdf.js leaves out: the same text on every run.
 */
function silenceKashida(glyphs: { codePoints: number[] }[]): void {
  for (const g of glyphs) {
    if (g.codePoints.length === 0 || (g.codePoints.length === 1 && g.codePoints[0] === TATWEEL)) g.codePoints = [ZERO_WIDTH_JOINER];
  }
}

/**
 * Every string pdfkit shapes — measured or drawn — goes to fontkit with its marks in HarfBuzz's
 * order (rtl-layout/mark-order.ts), so a vowel on a shadda sits on the shadda as in Chromium.
 */
function shapeLikeChromium(font: PdfkitFont): void {
  const layoutRun = font.layoutRun;
  if (font.shapesLikeChromium || typeof layoutRun !== 'function') return;
  font.layoutRun = (text, features) => {
    const run = layoutRun.call(font, orderMarksAsHarfBuzz(text), features);
    silenceKashida(run.glyphs);
    return run;
  };
  font.shapesLikeChromium = true;
}

/**
 * Digits and the signs printed with them — masked IDs («******1234»), times, counts, ticket and
 * request numbers («A-0042», «1447-00042») — laid out from their characters' own (cached) layouts
 * instead of shaping each string: a register prints thousands of them, nearly all different, and
 * fontkit ran each through every lookup of Amiri (most of a long register's time). Amiri neither kerns
 * nor substitutes between these characters, nor between a capital's «A-» and the digits after it,
 * so the result is the same glyphs at the same places (fonts.test.ts compares it with fontkit's).
 */
export const COMPOSED_FROM_CHARACTERS = /^([A-Z]-)?[0-9*:\- ]+$/;

function composeDigits(font: PdfkitFont): void {
  const cached = font.layoutCached;
  if (font.composesDigits || typeof cached !== 'function') return;
  // In front of pdfkit's per-word cache, so the composed layouts of thousands of different numbers
  // are not kept there: only their characters' are.
  font.layoutCached = (text) => {
    if (text.length < 2 || !COMPOSED_FROM_CHARACTERS.test(text)) return cached.call(font, text);
    const head = /^[A-Z]-/.test(text) ? text.slice(0, 2) : '';
    const pieces = head ? [head, ...text.slice(2)] : [...text];
    const parts = pieces.map((piece) => cached.call(font, piece));
    return {
      glyphs: parts.flatMap((p) => p.glyphs),
      positions: parts.flatMap((p) => p.positions.map((position) => ({ ...position }))),
      advanceWidth: parts.reduce((sum, p) => sum + p.advanceWidth, 0),
    };
  };
  font.composesDigits = true;
}

interface FontkitGlyph {
  _decode?: () => unknown;
  _font?: { _variationProcessor?: unknown };
}
const decodedGlyphs = new WeakMap<object, unknown>();

/**
 * pdfkit subsets both fonts for every document, and fontkit's subsetter decodes each glyph it copies
 * (every outline point) only to learn whether it is made of other glyphs: a sixth of a receipt's
 * time. A glyph of a static font decodes to the same thing every time and the subsetter only reads
 * it, so the decoded glyph is kept beside the glyph object, which the shared font keeps for the process.
 */
function rememberDecodedGlyphs(font: unknown): void {
  const glyph = (font as { getGlyph?: (id: number) => object }).getGlyph?.(0);
  const proto = glyph ? (Object.getPrototypeOf(glyph) as FontkitGlyph & { rememberedDecode?: boolean }) : null;
  const decode = proto?._decode;
  if (!proto || typeof decode !== 'function' || proto.rememberedDecode) return;
  proto._decode = function (this: FontkitGlyph) {
    if (this._font?._variationProcessor) return decode.call(this); // a variable font moves the points
    if (!decodedGlyphs.has(this)) decodedGlyphs.set(this, decode.call(this));
    return decodedGlyphs.get(this);
  };
  proto.rememberedDecode = true;
}

const currentFont = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: PdfkitFont })._font;

/** Registers the bundled fonts on a document and selects the regular one. */
export function loadPrintingFonts(doc: PDFKit.PDFDocument, fontsDir?: string): void {
  const dir = fontsDir ?? defaultFontsDir();
  for (const name of Object.values(FONT)) {
    const path = join(dir, FILES[name]);
    let entry = shared.get(path);
    // a fontkit font object: pdfkit takes anything with layout()
    doc.registerFont(name, (entry?.font ?? readFileSync(path)) as Buffer);
    doc.font(name);
    const font = currentFont(doc);
    if (!entry) {
      rememberDecodedGlyphs(font.font);
      entry = { font: font.font, layouts: Object.create(null) as Record<string, unknown> };
      shared.set(path, entry);
    } else if (Object.keys(entry.layouts).length > LAYOUT_CACHE_LIMIT) {
      entry.layouts = Object.create(null) as Record<string, unknown>;
    }
    font.layoutCache = entry.layouts;
    shapeLikeChromium(font);
    composeDigits(font);
  }
  doc.font(FONT.regular);
}
