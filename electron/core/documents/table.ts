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
  rows: readonly Row[];
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
function prepare<Row>(doc: PDFKit.PDFDocument, options: TableOptions<Row>) {
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

  const layoutRow = (texts: (string | null | undefined)[], header: boolean): { cells: Cell[]; height: number } => {
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
  const blank = Array.from({ length: options.blankRows ?? 0 }, () => null);
  const all: (Row | null)[] = [...options.rows, ...blank];
  const layoutBodyRow = (r: Row | null, i: number) => {
    const row = r === null ? layoutRow(options.columns.map(() => ''), false) : layoutRow(cellsOf(options, r, i), false);
    if (r === null) row.height = Math.max(row.height, fontSize * 2.2);
    return row;
  };
  const header = layoutRow(
    options.columns.map((c) => c.header),
    true,
  );
  return { fontSize, header, all, layoutBodyRow };
}

/** Height of the whole table if it fits on one page (its header once). */
export function measureTable<Row>(doc: PDFKit.PDFDocument, options: TableOptions<Row>): number {
  const { header, all, layoutBodyRow } = prepare(doc, options);
  return all.reduce((h, r, i) => h + layoutBodyRow(r, i).height, header.height);
}

/**
 * A right-to-left table: columns from the right edge, cells wrapped inside their width, and rows
 * that do not fit the page moved to a new page under a repeated header row. Returns the y under the
 * table and the number of pages it started.
 */
export function drawTable<Row>(doc: PDFKit.PDFDocument, options: TableOptions<Row>): { y: number; pagesAdded: number } {
  const { fontSize, header, all, layoutBodyRow } = prepare(doc, options);

  const paintRow = (row: { cells: Cell[]; height: number }, y: number, fillColor: string | null, data?: { row: Row | null }) => {
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
  const startPage = (first: boolean) => {
    if (!first) {
      y = options.newPage();
      pagesAdded++;
    }
    paintRow(header, y, COLOR.fill);
    y += header.height;
  };

  const keep = options.keepWithLast ?? 0;
  // Never leave a header alone at the foot of a page.
  const firstRowHeight = all.length > 0 ? layoutBodyRow(all[0]!, 0).height : fontSize * 2;
  startPage(y + header.height + firstRowHeight + (all.length <= 1 ? keep : 0) <= options.bottom);

  all.forEach((r, i) => {
    const row = layoutBodyRow(r, i);
    const after = i === all.length - 1 ? keep : 0;
    if (y + row.height + after > options.bottom && (i > 0 || y + row.height > options.bottom)) startPage(false);
    paintRow(row, y, options.zebra && i % 2 === 1 ? COLOR.zebra : null, { row: r });
    y += row.height;
  });
  return { y, pagesAdded };
}

function cellsOf<Row>(options: TableOptions<Row>, row: Row, index: number): (string | null | undefined)[] {
  return options.columns.map((c) => c.cell(row, index));
}
