import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { InputOf } from '@shared/contract';
import type { PdfView } from '@shared/contract/printing';
import { invalidateFor } from '../data/operations';
import { call } from '../transport/call';
import { hasShell, printInShell, type ShellPrintResult } from '../transport/shell';
import { notifyError } from '../ui/notify';
import { openPendingTab, pdfBlobUrl, showInTab } from './browser-tab';
import { announcePrint } from './print-notice';

/** The operations that answer with a document to print. */
export type PdfOperation =
  | 'documents.ticket'
  | 'documents.requestForm'
  | 'documents.declaration'
  | 'documents.receipt'
  | 'documents.complaintSlip'
  | 'documents.dailyRegister'
  | 'documents.reference';

export type PrintOutcome =
  | ({ via: 'shell'; pdf: PdfView } & ShellPrintResult)
  | { via: 'browser'; pdf: PdfView; opened: boolean; url: string };

/**
 * The one printing path of the renderer (README.md in this folder): the core makes the PDF; in Electron the shell
 * shows it in a print preview with the system print dialog, in a browser it opens in the browser's
 * viewer in a new tab. Call `print` from the click (or key) handler itself: that is what lets the
 * browser open the tab. It never blocks the desk: the answer comes as a notification, and as the
 * returned outcome (null when the document could not be made).
 */
export function usePrintPdf<K extends PdfOperation>(operation: K) {
  const client = useQueryClient();
  const [isPending, setPending] = useState(false);

  const print = useCallback(
    async (input: InputOf<K>): Promise<PrintOutcome | null> => {
      const tab = hasShell() ? null : openPendingTab();
      setPending(true);
      try {
        const pdf = (await call(operation, input)) as PdfView;
        // The declaration is a mutation: its printing is recorded, so the request's view is stale.
        void invalidateFor(client, operation);
        let outcome: PrintOutcome;
        if (hasShell()) {
          outcome = { via: 'shell', pdf, ...(await printInShell(pdf)) };
        } else {
          const url = pdfBlobUrl(pdf);
          outcome = { via: 'browser', pdf, url, opened: showInTab(tab, url) };
        }
        announcePrint(outcome);
        return outcome;
      } catch (error) {
        tab?.close();
        notifyError(error as Error);
        return null;
      } finally {
        setPending(false);
      }
    },
    [client, operation],
  );

  return { print, isPending };
}
