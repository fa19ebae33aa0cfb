import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CALL_CHANNEL, type CallRequest } from '@shared/bridge';
import type { Envelope } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { Dispatch } from '../core/dispatcher';

export interface CallHandlerDeps {
  dispatch: Dispatch;
  /** The core session of one of our windows; undefined for any other contents. */
  sessionFor(contents: WebContents): string | undefined;
  isRendererUrl(url: string): boolean;
  /** Operations the shell answers itself (printing.ts), never forwarded to the core. */
  shellOperations?: ShellOperations;
}

/** Who asked the shell: the core session of the calling window (a device screen is opened for it) and its contents. */
export interface ShellCaller {
  sessionId: string;
  contents: WebContents;
}

export type ShellOperations = Record<string, (input: unknown, caller: ShellCaller) => Promise<Envelope<unknown>>>;

/**
 * The one IPC handler: the request must come from the main frame of one of our windows showing
 * our renderer (VS Code's validateEvent); it is then forwarded untouched to the dispatcher, which
 * validates input and checks roles (one dispatcher for both shells: the shell itself does neither). The few
 * operations that are the shell's own work (printing) are answered here, with the same sender check.
 */
export function createCallHandler(deps: CallHandlerDeps) {
  return async (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<unknown>> => {
    const sessionId = deps.sessionFor(event.sender);
    if (!sessionId || !isOurMainFrame(event, deps.isRendererUrl)) {
      return { ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } };
    }
    const { operation, input } = (request ?? {}) as Partial<CallRequest>;
    const shell = deps.shellOperations;
    if (shell && Object.hasOwn(shell, String(operation))) {
      return shell[String(operation)]!(input, { sessionId, contents: event.sender }).catch((error: unknown) => {
        console.error(`[main] ${String(operation)} failed:`, error);
        return { ok: false, error: { code: 'internal', message: ar.errors.internal } };
      });
    }
    return deps.dispatch(String(operation), input, sessionId);
  };
}

export function registerCallHandler(deps: CallHandlerDeps): void {
  ipcMain.handle(CALL_CHANNEL, createCallHandler(deps));
}

function isOurMainFrame(event: IpcMainInvokeEvent, isRendererUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  if (!frame || frame.processId !== main.processId || frame.frameToken !== main.frameToken) return false;
  return isRendererUrl(frame.url);
}
