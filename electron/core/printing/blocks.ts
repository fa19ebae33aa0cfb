import { FONT } from './fonts';
import { COLOR, frame } from './pdf-page';
import { layoutRtlText, paintTextLayout, printable, type Direction, type TextLayout } from './rtl-layout';

/**
 * Building blocks of the A4 forms: each is laid out first (so its height is known before a page
 * break is decided), then painted where the flow puts it.
 */
export interface Block {
  height: number;
  paint(y: number): void;
}

/** Places blocks down the page and starts a new page when the next one does not fit. */
export class Flow {
  y: number;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    top: number,
    private readonly newPage: () => number,
  ) {
    this.y = top;
  }

  get bottom(): number {
    return frame(this.doc).bottom;
  }

  /** Room left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  /** Moves to a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.y = this.newPage();
  }

  /** Starts a new page now. */
  breakPage(): void {
    this.y = this.newPage();
  }

  place(block: Block, gapAfter = 0): void {
    this.ensure(block.height);
    block.paint(this.y);
    this.y += block.height + gapAfter;
  }

  /** Several blocks kept on one page together (a section title with its first row). */
  placeTogether(blocks: Block[], gapAfter = 0): void {
    this.ensure(blocks.reduce((a, b) => a + b.height, 0));
    for (const b of blocks) this.place(b);
    this.y += gapAfter;
  }
}

/**
 * Long text (a declaration of up to 5,000 characters) placed line by line: what does not fit
 * continues on the next page, each page's part in its own frame when `frame` is given.
 */
export function placeFlowingText(
  flow: Flow,
  doc: PDFKit.PDFDocument,
  layout: TextLayout,
  frameBox?: { x: number; width: number; padding: number },
): void {
  const pad = frameBox?.padding ?? 0;
  const lines = layout.lines;
  const bottomOf = (i: number) => (i + 1 < lines.length ? lines[i + 1]!.top : layout.height);
  let i = 0;
  while (i < lines.length) {
    const firstLineHeight = bottomOf(i) - lines[i]!.top;
    flow.ensure(firstLineHeight + 2 * pad);
    const segmentTop = flow.y;
    const shift = segmentTop + pad - lines[i]!.top;
    let j = i;
    while (j < lines.length && shift + bottomOf(j) + pad <= flow.bottom) j++;
    if (j === i) j = i + 1; // a single line taller than the page: print it anyway
    paintTextLayout(doc, { ...layout, lines: lines.slice(i, j) }, shift);
    doc.fillColor(COLOR.text);
    const segmentBottom = shift + bottomOf(j - 1) + pad;
    if (frameBox) doc.save().lineWidth(0.8).strokeColor(COLOR.rule).rect(frameBox.x, segmentTop, frameBox.width, segmentBottom - segmentTop).stroke().restore();
    flow.y = segmentBottom;
    i = j;
    if (i < lines.length) flow.breakPage();
  }
}

export interface FieldSpec {
  label: string;
  value: string | null | undefined;
  /** Share of the row's width (default 1). */
  weight?: number;
  direction?: Direction;
}

const FIELD_FONT = 10.5;
const LABEL_FONT = 9.5;
const FIELD_LINE = 1.8;

/**
 * A row of labelled fields, right to left. A value is printed above a dotted line (one per printed
 * line); an empty value leaves the dotted line to be filled by hand (never "undefined" or "null").
 * Labels and values share their first baseline.
 */
export function fieldRow(doc: PDFKit.PDFDocument, fields: FieldSpec[], x: number, width: number, opts: { blankHeight?: number } = {}): Block {
  const gap = 10;
  const total = fields.reduce((a, f) => a + (f.weight ?? 1), 0);
  const usable = width - gap * (fields.length - 1);
  const lineH = FIELD_FONT * FIELD_LINE;
  // Where the first baseline falls in a value line and in a label line (from the font's metrics).
  const probe = (fontSize: number, lineHeight: number, font: string) => {
    const l = layoutRtlText(doc, 'ا', { x: 0, y: 0, width: 100, fontSize, lineHeight, font }).lines[0]!;
    return l.baseline - l.top;
  };
  const valueBaseline = probe(FIELD_FONT, FIELD_LINE, FONT.regular);
  const labelShift = valueBaseline - probe(LABEL_FONT, 1.5, FONT.bold);
  let right = x + width;
  const parts = fields.map((f) => {
    const w = (usable * (f.weight ?? 1)) / total;
    const box = { x: right - w, width: w };
    right -= w + gap;
    const natural = layoutRtlText(doc, `${f.label}:`, { x: box.x, y: 0, width: w, font: FONT.bold, fontSize: LABEL_FONT, lineHeight: 1.5 });
    const labelWidth = Math.min(w * 0.55, Math.max(...natural.lines.map((l) => l.width), 0) + 4);
    // The label sits at the right of its box; the value takes the rest.
    const labelLayout = layoutRtlText(doc, `${f.label}:`, {
      x: box.x + w - labelWidth - 2,
      y: 0,
      width: labelWidth + 2,
      font: FONT.bold,
      fontSize: LABEL_FONT,
      lineHeight: 1.5,
    });
    const valueBox = { x: box.x, width: w - labelWidth - 6 };
    const valueText = printable(f.value);
    const value = layoutRtlText(doc, valueText, {
      x: valueBox.x + 2,
      y: 0,
      width: valueBox.width - 4,
      font: FONT.regular,
      fontSize: FIELD_FONT,
      lineHeight: FIELD_LINE,
      direction: f.direction ?? 'rtl',
      align: 'right',
    });
    return { labelLayout, value, valueBox, empty: valueText.trim() === '' };
  });
  const contentHeight = Math.max(
    ...parts.map((p) => Math.max(p.labelLayout.height + Math.max(0, labelShift), p.value.height, p.empty ? (opts.blankHeight ?? lineH) : lineH)),
  );
  const lines = Math.max(1, Math.round(contentHeight / lineH));
  const height = Math.max(contentHeight, lines * lineH) + 4;
  return {
    height,
    paint(y) {
      for (const p of parts) {
        paintTextLayout(doc, p.labelLayout, y + labelShift);
        paintTextLayout(doc, p.value, y);
        doc.fillColor(COLOR.text);
        // Dotted lines just under each line's descenders, one per line of the row: room to write on.
        doc.save().lineWidth(0.5).dash(1, { space: 2 }).strokeColor(COLOR.light);
        for (let i = 0; i < lines; i++) {
          const ly = y + i * lineH + valueBaseline + FIELD_FONT * 0.38;
          doc.moveTo(p.valueBox.x, ly).lineTo(p.valueBox.x + p.valueBox.width, ly).stroke();
        }
        doc.undash().restore();
      }
    },
  };
}

/** A section title on a shaded band. */
export function sectionTitle(doc: PDFKit.PDFDocument, title: string, x: number, width: number): Block {
  const layout = layoutRtlText(doc, title, { x: x + 6, y: 0, width: width - 12, font: FONT.bold, fontSize: 11.5, lineHeight: 1.5 });
  const height = layout.height + 4;
  return {
    height: height + 6,
    paint(y) {
      doc.rect(x, y, width, height).fillColor(COLOR.fill).fill();
      doc.fillColor(COLOR.text);
      paintTextLayout(doc, layout, y + 2);
    },
  };
}

/** Wrapped paragraph text as a block. */
export function paragraph(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  width: number,
  opts: { fontSize?: number; font?: string; align?: 'right' | 'center' | 'left' | 'justify'; color?: string; lineHeight?: number } = {},
): Block {
  const layout: TextLayout = layoutRtlText(doc, text, {
    x,
    y: 0,
    width,
    fontSize: opts.fontSize ?? 10.5,
    font: opts.font ?? FONT.regular,
    align: opts.align ?? 'right',
    color: opts.color,
    lineHeight: opts.lineHeight,
  });
  return {
    height: layout.height,
    paint(y) {
      paintTextLayout(doc, layout, y);
      doc.fillColor(COLOR.text);
    },
  };
}

/**
 * Signature spaces side by side, right to left: each a label, a name when known (the witnessing
 * employee), and a solid line to sign on.
 */
export function signatureRow(
  doc: PDFKit.PDFDocument,
  slots: { label: string; name?: string | null }[],
  x: number,
  width: number,
): Block {
  const gap = 24;
  const w = (width - gap * (slots.length - 1)) / slots.length;
  const parts = slots.map((s, i) => {
    const bx = x + width - (i + 1) * w - i * gap;
    const label = layoutRtlText(doc, s.label, { x: bx, y: 0, width: w, font: FONT.bold, fontSize: 10, align: 'center', lineHeight: 1.5 });
    const name = layoutRtlText(doc, s.name, { x: bx, y: 0, width: w, font: FONT.regular, fontSize: 10.5, align: 'center', lineHeight: 1.5 });
    return { bx, label, name };
  });
  const labelH = Math.max(...parts.map((p) => p.label.height));
  const nameH = Math.max(...parts.map((p) => p.name.height), 15);
  const signH = 34;
  return {
    height: labelH + nameH + signH + 4,
    paint(y) {
      for (const p of parts) {
        paintTextLayout(doc, p.label, y);
        if (p.name.lines.length > 0) paintTextLayout(doc, p.name, y + labelH);
        else {
          doc.save().lineWidth(0.5).dash(1, { space: 2 }).strokeColor(COLOR.light);
          doc.moveTo(p.bx + 10, y + labelH + nameH - 2).lineTo(p.bx + w - 10, y + labelH + nameH - 2).stroke();
          doc.undash().restore();
        }
        doc.fillColor(COLOR.text);
        doc.lineWidth(0.8).strokeColor(COLOR.rule);
        doc.moveTo(p.bx + 10, y + labelH + nameH + signH).lineTo(p.bx + w - 10, y + labelH + nameH + signH).stroke();
      }
    },
  };
}

/** A small square, ticked, crossed or empty (the documents checklist). */
export function checkbox(doc: PDFKit.PDFDocument, x: number, y: number, size: number, mark: 'tick' | 'cross' | 'none'): void {
  doc.save().lineWidth(0.8).strokeColor(COLOR.rule).rect(x, y, size, size).stroke();
  if (mark === 'tick') {
    doc.lineWidth(1.4).moveTo(x + size * 0.2, y + size * 0.55).lineTo(x + size * 0.42, y + size * 0.78).lineTo(x + size * 0.82, y + size * 0.22).stroke();
  } else if (mark === 'cross') {
    doc.lineWidth(1.1).moveTo(x + size * 0.22, y + size * 0.22).lineTo(x + size * 0.78, y + size * 0.78).stroke();
    doc.moveTo(x + size * 0.78, y + size * 0.22).lineTo(x + size * 0.22, y + size * 0.78).stroke();
  }
  doc.restore();
}

/**
 * A list whose markers (numbers or dots) sit in their own column at the right: "1." typed at the
 * start of an Arabic line would be reordered by the bidi algorithm into ".1".
 */
export function list(
  doc: PDFKit.PDFDocument,
  items: string[],
  x: number,
  width: number,
  opts: { marker: 'number' | 'bullet'; fontSize?: number; gap?: number },
): Block {
  const fontSize = opts.fontSize ?? 10.5;
  const markerWidth = fontSize * 1.8;
  const gap = opts.gap ?? 3;
  const rows = items.map((item, i) => {
    const text = layoutRtlText(doc, item, { x, y: 0, width: width - markerWidth, font: FONT.regular, fontSize, lineHeight: 1.6 });
    const marker =
      opts.marker === 'number'
        ? layoutRtlText(doc, `${i + 1}`, { x: x + width - markerWidth, y: 0, width: markerWidth, font: FONT.bold, fontSize, lineHeight: 1.6, align: 'center' })
        : null;
    return { text, marker };
  });
  const height = rows.reduce((a, r) => a + r.text.height + gap, 0);
  return {
    height,
    paint(y) {
      let top = y;
      for (const r of rows) {
        if (r.marker) paintTextLayout(doc, r.marker, top);
        else {
          const line = r.text.lines[0];
          const cy = top + (line ? line.baseline - fontSize * 0.3 : fontSize);
          doc.circle(x + width - markerWidth / 2, cy, fontSize * 0.16).fillColor(COLOR.text).fill();
        }
        paintTextLayout(doc, r.text, top);
        doc.fillColor(COLOR.text);
        top += r.text.height + gap;
      }
    },
  };
}
