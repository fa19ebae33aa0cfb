import { Flow } from './blocks';
import { footersAsYouGo } from './footers-as-you-go';
import {
  createPdf,
  drawLetterhead,
  drawPageFooters,
  drawRunningHeader,
  frame,
  runningHeaderBottom,
  type AssociationHeader,
  type PrintingOptions,
} from './pdf-page';

export interface LetterheadPages {
  header: AssociationHeader;
  /** The title under the letterhead on the first page. */
  title: string;
  /** The PDF's own title, as the viewer's window shows it. */
  pdfTitle: string;
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  /**
   * The small line atop every further page (what the document is and whose), so a loose second page
   * still says what it belongs to; null where further pages start bare at the top margin.
   */
  running: string | null;
  /** Room under the letterhead before the first block. */
  gap?: number;
  /** «طُبع في …» beside «صفحة 1 من 3» in every page's footer (`printedNote`). */
  footerNote: string;
  /**
   * Written page by page, each full page leaving memory (a register of thousands of visits): its footers
   * are drawn as each page is left, the page count filled in at the end (`footers-as-you-go.ts`).
   * Otherwise the pages are kept until the end and their footers drawn then.
   */
  pageByPage?: boolean;
}

/**
 * The page set-up every document on the association's letterhead shares: the PDF, the letterhead and
 * title on the first page, further pages with the same margins under their running line, and the
 * footers. Returns the `flow` to place blocks in (and its `newPage` for a table), the printable frame, how much a fresh page holds (to
 * move a block that would be split but fits whole on a new page) and `finish` for the bytes.
 */
export function startLetterheadDocument(spec: LetterheadPages, options: PrintingOptions) {
  const { margins, size, running } = spec;
  const pdf = createPdf({ ...options, size, margins, bufferPages: !spec.pageByPage, title: spec.pdfTitle, author: spec.header.name });
  const { doc } = pdf;
  const page = frame(doc);
  const footers = spec.pageByPage ? footersAsYouGo(doc, spec.footerNote) : null;
  const newPage = () => {
    footers?.drawOnPage();
    doc.addPage({ size, margins });
    return running === null ? margins.top : drawRunningHeader(doc, running, margins.top);
  };
  const flow = new Flow(doc, drawLetterhead(doc, spec.header, spec.title, margins.top) + (spec.gap ?? 0), newPage);
  const freshPageRoom = page.bottom - (running === null ? margins.top : runningHeaderBottom(doc, running, margins.top));
  return {
    doc,
    page,
    flow,
    /** Leaves this page for a fresh one (a table breaking over pages), as the flow does. */
    newPage,
    freshPageRoom,
    finish(): Promise<Buffer> {
      if (footers) {
        footers.drawOnPage();
        footers.finish();
      } else {
        drawPageFooters(doc, spec.footerNote);
      }
      return pdf.finish();
    },
  };
}
