import { SHELL_PRINT_PDF, type ShellPrintResult } from '@shared/bridge';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { z } from 'zod';
import { AppError, type Envelope } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { PrintedCopy } from '../core/printing/printed-copies';
import { inspectUpload, type UploadRule } from '../core/uploads/inspect-upload';
import { allowNavigation } from './security';
import { printPreviewWindowOptions } from './window-options';

/**
 * Printing in the Electron shell (renderer/printing/README.md). The renderer gets a document's PDF from the core and
 * hands it here through the one IPC channel as `shell.printPdf`, an operation the shell answers
 * itself (renderer/transport/shell.ts holds the same name). A copy of the PDF is kept first (under
 * printed/ in the data folder, or in the database on PostgreSQL: core/printing/printed-copies.ts), so
 * a printer that is missing or fails loses nothing; a preview window then shows it in Chromium's PDF
 * viewer with the system print dialog over it ("save as PDF" is one of its printers, and the viewer's
 * own toolbar saves too).
 */
export { SHELL_PRINT_PDF };
/** The preview's own in-memory session: none of the desk's storage, every permission denied (index.ts). */
export const PREVIEW_PARTITION = 'istiqbal-print-preview';

const PRINT_MAX_BYTES = 30_000_000;

const printRequest = z.object({
  title: z.string().max(200),
  fileName: z.string().min(1).max(200),
  pdfBase64: z.string().min(8).max(Math.ceil(PRINT_MAX_BYTES / 3) * 4),
});

/**
 * The document to print is checked as strictly as a scan (core/uploads): strict base64 and a PDF that
 * opens in pdf.js. Only a PDF from our core should come here; anything else is refused before it is
 * saved or shown.
 */
const PRINT_RULE: UploadRule = {
  field: 'pdfBase64',
  kinds: ['pdf'],
  maxBytes: PRINT_MAX_BYTES,
  tooLarge: ar.printing.badDocument,
  wrongKind: ar.printing.badDocument,
};

export type PrintPdfResult = ShellPrintResult;

/** Keeps the copy of a document about to be printed (keepPrintedCopy, with the shell's core). */
export type KeepPrinted = (fileName: string, bytes: Buffer) => Promise<PrintedCopy>;

export async function printPdf(input: unknown, keep: KeepPrinted): Promise<Envelope<PrintPdfResult>> {
  const parsed = printRequest.safeParse(input);
  if (!parsed.success) return refused(ar.errors.validation);
  let bytes: Buffer;
  try {
    bytes = (await inspectUpload(parsed.data.pdfBase64, PRINT_RULE)).bytes;
  } catch (error) {
    if (error instanceof AppError) return refused(ar.printing.badDocument);
    throw error;
  }
  let copy: PrintedCopy;
  try {
    // A printed register names people: kept user-only like the store, or in the store itself.
    copy = await keep(printedFileName(parsed.data.fileName), bytes);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
  const outcome = await previewAndPrint(copy.local, parsed.data.title);
  return { ok: true, value: { ...outcome, savedTo: copy.savedTo } };
}

/** A file name of letters, digits, dot, dash and underscore, always ending in .pdf: never a path. */
export function printedFileName(fileName: string): string {
  const safe = basename(fileName.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+/, '')
    .replace(/\.pdf$/i, '')
    .slice(0, 120);
  return `${safe || 'document'}.pdf`;
}

/** Chromium's reason ("Print job canceled", "Print job failed", "Invalid printer settings" …) in Arabic. */
export function printFailure(reason: string): string {
  if (/cancel/i.test(reason)) return ar.printing.cancelled;
  return fill(ar.printing.printerFailed, { reason: reason || '—' }).slice(0, 300);
}

/**
 * Shows the saved PDF and opens the system print dialog over it; answers when that dialog does.
 * A printed document's window closes; after a failure it stays, so the document can still be seen,
 * saved or printed from the viewer. The file it shows is let go when the window closes.
 */
function previewAndPrint(local: PrintedCopy['local'], title: string): Promise<Omit<PrintPdfResult, 'savedTo'>> {
  const url = pathToFileURL(local.file).href;
  const window = new BrowserWindow(printPreviewWindowOptions(title, PREVIEW_PARTITION));
  const contents = window.webContents;
  allowNavigation(contents, (u) => u === url);
  // The viewer would rename the window after the file; it keeps the document's Arabic title.
  window.on('page-title-updated', (event) => event.preventDefault());

  return new Promise((resolve) => {
    let settled = false;
    const settle = (printed: boolean, failure?: string) => {
      if (settled) return;
      settled = true;
      resolve(failure ? { printed, failure } : { printed });
      if (printed && !window.isDestroyed()) window.close();
    };
    window.once('closed', () => {
      settle(false, ar.printing.cancelled);
      void local.release().catch(() => undefined);
    });
    contents.once('did-fail-load', (_event, _code, description) => settle(false, printFailure(description)));
    contents.once('did-finish-load', () =>
      contents.print({ silent: false, printBackground: true }, (success, reason) => settle(success, success ? undefined : printFailure(reason))),
    );
    window.loadURL(url).catch(() => undefined); // did-fail-load has answered
  });
}

function refused(message: string): Envelope<never> {
  return { ok: false, error: { code: 'validation', message } };
}
