import { FONT } from './fonts';
import { COLOR } from './pdf-page';
import { layoutRtlText, paintTextLayout, type Align, type Direction, type TextLayout } from './rtl-layout';

export interface TableColumn<Row> {
  header: string;
  /** Share of the table's width (relative to the other columns). */
  weight: number;
  cell: (row: Row, index: number) => string | null | undefined;
  align?: Align;
  /** 'ltr' for IDs, times and ticket numbers shown on their own. */
  direction?: Direction;
  /** Draws something besides the text in the cell (a checkbox); `row` is null in a blank row. */
  paint?: (row: Row | null, box: { x: number; y: number; width: number; height: number }) => void;
}

export interface TableOptions<Row> {
  columns: readonly TableColumn<Row>[];
  rows: Iterable<Row>;
  /** Left edge and width of the table; the first column is at the right (RTL). */
  x: number;
  width: number;
  y: number;
  /** Lowest y a row may reach on a page. */
  bottom: number;
  /** Starts a new page, draws whatever heads it, and returns the y where the table continues. */
  newPage: () => number;
  fontSize?: number;
  headerFontSize?: number;
  padding?: number;
  zebra?: boolean;
  /** Blank rows to print after the data (a form printed blank gets lines to fill by hand). */
  blankRows?: number;
  /**
   * Room that must stay free under the last row on its page, for what follows the table and may
   * not start a page alone (the form's signatures): the last row moves on with it if need be.
   */
  keepWithLast?: number;
}

interface Cell {
  layout: TextLayout;
  x: number;
  width: number;
}

/** The table's layout, shared by drawing and measuring. */
function prepare<Row>(doc: PDFKit.PDFDocument, options: Omit<TableOptions<Row>, 'rows'>) {
  const fontSize = options.fontSize ?? 9.5;
  const headerFontSize = options.headerFontSize ?? fontSize;
  const pad = options.padding ?? 3;
  const totalWeight = options.columns.reduce((a, c) => a + c.weight, 0);
  // Column boxes from the right.
  const boxes: { x: number; width: number }[] = [];
  let right = options.x + options.width;
  for (const c of options.columns) {
    const w = (options.width * c.weight) / totalWeight;
    boxes.push({ x: right - w, width: w });
    right -= w;
  }

  const layoutRow = (texts: (string | null | undefined)[], header: boolean): LaidOutRow => {
    const cells = texts.map((t, i) => {
      const col = options.columns[i]!;
      const box = boxes[i]!;
      const layout = layoutRtlText(doc, t, {
        x: box.x + pad,
        y: 0,
        width: box.width - 2 * pad,
        font: header ? FONT.bold : FONT.regular,
        fontSize: header ? headerFontSize : fontSize,
        lineHeight: 1.45,
        align: header ? 'center' : (col.align ?? (col.direction === 'ltr' ? 'center' : 'right')),
        direction: header ? 'rtl' : (col.direction ?? 'rtl'),
      });
      return { layout, x: box.x, width: box.width };
    });
    const minHeight = (header ? headerFontSize : fontSize) * 1.45;
    const height = Math.max(minHeight, ...cells.map((c) => c.layout.height)) + 2 * pad;
    return { cells, height };
  };
  /** A data row, or null for a blank row to fill by hand. */
  const layoutBodyRow = (r: Row | null, i: number) => {
    const row = r === null ? layoutRow(options.columns.map(() => ''), false) : layoutRow(cellsOf(options.columns, r, i), false);
    if (r === null) row.height = Math.max(row.height, fontSize * 2.2);
    return row;
  };
  const header = layoutRow(
    options.columns.map((c) => c.header),
    true,
  );
  return { fontSize, header, layoutBodyRow };
}

interface LaidOutRow {
  cells: Cell[];
  height: number;
}

/** The data rows, then the blank rows to fill by hand. */
function* allRows<Row>(options: TableOptions<Row>): Generator<Row | null> {
  yield* options.rows;
  for (let i = 0; i < (options.blankRows ?? 0); i++) yield null;
}

/** Height of the whole table if it fits on one page (its header once). */
export function measureTable<Row>(doc: PDFKit.PDFDocument, options: TableOptions<Row>): number {
  const { header, layoutBodyRow } = prepare(doc, options);
  let h = header.height;
  let i = 0;
  for (const r of allRows(options)) h += layoutBodyRow(r, i++).height;
  return h;
}

/**
 * A right-to-left table: columns from the right edge, cells wrapped inside their width, and rows
 * that do not fit the page moved to a new page under a repeated header row. Returns the y under the
 * table and the number of pages it started.
 */
export function drawTable<Row>(doc: PDFKit.PDFDocument, options: TableOptions<Row>): { y: number; pagesAdded: number } {
  const table = startTable(doc, options);
  for (const r of allRows(options)) table.add(r);
  return table.end();
}

/** A table drawn as its rows come (a register read from the store row by row): add them in order, then end it. */
export interface TableWriter<Row> {
  /** A data row, or null for a blank row. */
  add(row: Row | null): void;
  /** Draws what is left; the y under the table and the number of pages it started. */
  end(): { y: number; pagesAdded: number };
}

/**
 * The same table as drawTable, for rows that are not all at hand: each row is painted once the
 * next one has come (or the table ends), since where the first and the last row go depends on
 * whether another follows.
 */
export function startTable<Row>(doc: PDFKit.PDFDocument, options: Omit<TableOptions<Row>, 'rows' | 'blankRows'>): TableWriter<Row> {
  const { fontSize, header, layoutBodyRow } = prepare(doc, options);

  const paintRow = (row: LaidOutRow, y: number, fillColor: string | null, data?: { row: Row | null }) => {
    if (fillColor) doc.rect(options.x, y, options.width, row.height).fillColor(fillColor).fill();
    doc.fillColor(COLOR.text);
    doc.lineWidth(0.4).strokeColor(COLOR.light);
    doc.rect(options.x, y, options.width, row.height).stroke();
    for (const c of row.cells.slice(1)) doc.moveTo(c.x + c.width, y).lineTo(c.x + c.width, y + row.height).stroke();
    for (const c of row.cells) paintTextLayout(doc, c.layout, y + (row.height - c.layout.height) / 2);
    if (data) {
      options.columns.forEach((col, i) => {
        const c = row.cells[i]!;
        col.paint?.(data.row, { x: c.x, y, width: c.width, height: row.height });
      });
      doc.fillColor(COLOR.text);
    }
  };

  let y = options.y;
  let pagesAdded = 0;
  let started = false;
  let count = 0;
  let pending: { row: Row | null; layout: LaidOutRow; index: number } | null = null;
  const keep = options.keepWithLast ?? 0;

  const startPage = (first: boolean) => {
    if (!first) {
      y = options.newPage();
      pagesAdded++;
    }
    paintRow(header, y, COLOR.fill);
    y += header.height;
  };
  // Never leave a header alone at the foot of a page.
  const startTableHere = (firstRowHeight: number, onlyRow: boolean) => {
    started = true;
    startPage(y + header.height + firstRowHeight + (onlyRow ? keep : 0) <= options.bottom);
  };
  const place = (p: NonNullable<typeof pending>, last: boolean) => {
    if (!started) startTableHere(p.layout.height, last);
    const after = last ? keep : 0;
    if (y + p.layout.height + after > options.bottom && (p.index > 0 || y + p.layout.height > options.bottom)) startPage(false);
    paintRow(p.layout, y, options.zebra && p.index % 2 === 1 ? COLOR.zebra : null, { row: p.row });
    y += p.layout.height;
  };

  return {
    add(row) {
      if (pending) place(pending, false);
      pending = { row, layout: layoutBodyRow(row, count), index: count };
      count++;
    },
    end() {
      if (pending) place(pending, true);
      else if (!started) startTableHere(fontSize * 2, true);
      pending = null;
      return { y, pagesAdded };
    },
  };
}

function cellsOf<Row>(columns: readonly TableColumn<Row>[], row: Row, index: number): (string | null | undefined)[] {
  return columns.map((c) => c.cell(row, index));
}
