import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { PdfView } from '../../shared/contract/documents';
import type { ReportFile } from '../../shared/contract/reports';
import { ar, fill } from '../../shared/labels/ar';
import { openPendingTab, pdfBlobUrl, showInTab } from '../printing/browser-tab';
import { announcePrint } from '../printing/print-notice';
import { call } from '../transport/call';
import { hasShell, printInShell } from '../transport/shell';
import { notifyError } from '../ui/notify';

type ReportOperation = 'reports.period' | 'reports.evidence';
type Period = { from: string; to: string };

/** A spreadsheet handed to the browser to save: where it goes is the browser's (or the shell's) save dialog. */
function saveFile(file: ReportFile): void {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its bytes once it starts; the address can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The reports' files (issue 10): the PDF goes the one printing path (the shell's print preview, or
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
      saveFile(file);
      notifications.show({ message: fill(ar.reports.downloaded, { name: file.fileName }), color: 'teal' });
    } catch (error) {
      notifyError(error as Error);
    } finally {
      setPending(null);
    }
  }, []);

  return { print, download, pending };
}
