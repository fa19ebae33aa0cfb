import { useCallback, useState } from 'react';
import type { PdfView } from '@shared/contract/printing';
import type { ReportFile } from '@shared/contract/reports';
import { openPendingTab, pdfBlobUrl, showInTab } from '../printing/browser-tab';
import { announcePrint } from '../printing/print-notice';
import { call } from '../transport/call';
import { hasShell, printInShell } from '../transport/shell';
import { notifyError } from '../ui/notify';
import { saveFile } from '../ui/save-file';

type ReportOperation = 'reports.period' | 'reports.evidence';
type Period = { from: string; to: string };

/**
 * The reports' files: the PDF goes the one printing path (the shell's print preview, or
 * the browser's viewer in a new tab, opened from the click itself); the spreadsheet is saved. Which
 * one is being made is `pending`, so its button shows it and a second press waits for it.
 */
export function useReportFile() {
  const [pending, setPending] = useState<string | null>(null);

  const print = useCallback(async (key: string, operation: ReportOperation, period: Period, title: string) => {
    const tab = hasShell() ? null : openPendingTab();
    setPending(key);
    try {
      const file = (await call(operation, { ...period, format: 'pdf' })) as ReportFile;
      const pdf: PdfView = { fileName: file.fileName, title, pdfBase64: file.dataBase64 };
      if (hasShell()) announcePrint({ via: 'shell', pdf, ...(await printInShell(pdf)) });
      else {
        const url = pdfBlobUrl(pdf);
        announcePrint({ via: 'browser', pdf, url, opened: showInTab(tab, url) });
      }
    } catch (error) {
      tab?.close();
      notifyError(error as Error);
    } finally {
      setPending(null);
    }
  }, []);

  const download = useCallback(async (key: string, operation: ReportOperation, period: Period) => {
    setPending(key);
    try {
      const file = (await call(operation, { ...period, format: 'xlsx' })) as ReportFile;
      await saveFile(file);
    } catch (error) {
      notifyError(error as Error);
    } finally {
      setPending(null);
    }
  }, []);

  return { print, download, pending };
}
