import type { Envelope } from './errors';
import type { ChangeEvent } from './live-changes';

/** The one IPC channel between the preload and the Electron shell. */
export const CALL_CHANNEL = 'istiqbal:call';

/** The shell's pushes to the preload (main → renderer only): the store's changes and state (shared/live-changes.ts). */
export const CHANGES_CHANNEL_IPC = 'istiqbal:changes';

/** What `window.istiqbal` offers the renderer: the preload over IPC, or the loopback bridge over HTTP. */
export interface IstiqbalBridge {
  call(operation: string, input: unknown): Promise<Envelope<unknown>>;
  /** Hears the store's state, then its changes, until the returned function is called. */
  onChanges(listener: (event: ChangeEvent) => void): () => void;
}

/** The request the preload sends on CALL_CHANNEL. */
export interface CallRequest {
  operation: string;
  input: unknown;
}

/**
 * The one operation the Electron shell answers itself (never the core): show a PDF in a print
 * preview with the system print dialog, after saving it under <data folder>/printed/.
 */
export const SHELL_PRINT_PDF = 'shell.printPdf';

export interface ShellPrintResult {
  printed: boolean;
  /** Arabic, ready to show (and to record with the ticket). */
  failure?: string;
  /** Where the shell saved the PDF before printing it. */
  savedTo: string;
}

/**
 * The Electron shell's own save: asks where with the system's save dialog, then writes the file there
 * (an exported register; a browser downloads it instead).
 */
export const SHELL_SAVE_FILE = 'shell.saveFile';

export interface ShellSaveResult {
  /** false: the user closed the dialog without choosing. */
  saved: boolean;
  /** Where the file was written. */
  path?: string;
}

/**
 * The Electron shell's own: opens a device screen (the hall display, the kiosk) in a window of its
 * own, full screen on the second display when there is one, bound to a device session that the core
 * opens for the calling desk's session (devices.open). The browser opens a page instead.
 */
export const SHELL_OPEN_DEVICE = 'shell.openDevice';
