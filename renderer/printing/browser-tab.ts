import type { PdfView } from '@shared/contract/printing';
import { ar } from '@shared/labels/ar';

/**
 * Printing through the loopback shell: the PDF opens in the browser's own viewer in a new tab, from
 * a blob: address (the page's CSP admits nothing remote). The viewer's own save and print buttons
 * read the address again, so the last few stay alive rather than being revoked at once.
 */
const KEEP = 12;
const kept: string[] = [];

export function pdfBlobUrl(pdf: PdfView): string {
  const binary = atob(pdf.pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  kept.push(url);
  while (kept.length > KEEP) URL.revokeObjectURL(kept.shift()!);
  return url;
}

/**
 * A tab opened now, while the click (or key) that asked for the document still counts as the
 * user's gesture — a popup opened after the PDF arrives may be blocked — and pointed at the PDF
 * when it arrives. Null when the browser refused it.
 */
export function openPendingTab(): Window | null {
  const tab = window.open('', '_blank');
  try {
    if (tab) {
      tab.document.documentElement.dir = 'rtl';
      tab.document.title = ar.printing.preparing;
      tab.document.body.textContent = ar.printing.preparing;
    }
  } catch {
    // Only the waiting text is lost.
  }
  return tab;
}

/** Shows the PDF in the tab; false when there is no tab left to show it in. */
export function showInTab(tab: Window | null, url: string): boolean {
  if (!tab || tab.closed) return false;
  tab.location.replace(url);
  return true;
}
