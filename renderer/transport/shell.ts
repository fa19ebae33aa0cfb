import { SHELL_PRINT_PDF, SHELL_SAVE_FILE, type ShellPrintResult, type ShellSaveResult } from '@shared/bridge';
import type { PdfView } from '@shared/contract/printing';
import { CallError } from './call';

/**
 * What the Electron shell does itself, over the same `call` as everything else: the preload offers
 * nothing more. The name and shapes are the shell's (electron/main/printing.ts);
 * tests/electron/printing.test.ts holds the two sides together. Absent in a browser.
 */
export { SHELL_PRINT_PDF, SHELL_SAVE_FILE, type ShellPrintResult, type ShellSaveResult };

export function hasShell(): boolean {
  return window.istiqbal !== undefined;
}

/** A print preview with the system print dialog; answers when that dialog does. */
export async function printInShell(pdf: PdfView): Promise<ShellPrintResult> {
  const envelope = await window.istiqbal!.call(SHELL_PRINT_PDF, { title: pdf.title, fileName: pdf.fileName, pdfBase64: pdf.pdfBase64 });
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value as ShellPrintResult;
}

/** The system's save dialog, then the file written where the user chose; answers when that dialog does. */
export async function saveInShell(file: { fileName: string; dataBase64: string }): Promise<ShellSaveResult> {
  const envelope = await window.istiqbal!.call(SHELL_SAVE_FILE, { fileName: file.fileName, dataBase64: file.dataBase64 });
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value as ShellSaveResult;
}
