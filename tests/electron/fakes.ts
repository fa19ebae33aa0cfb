import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebContents } from 'electron';

/** Just enough of Electron's objects for the shell's own logic; the runtime itself is absent here. */
export interface FakeFrame {
  processId: number;
  frameToken: string;
  url: string;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  openHandler?: (details: { url: string }) => { action: string };

  constructor(
    readonly id: number,
    url: string,
  ) {
    super();
    this.mainFrame = { processId: 100 + id, frameToken: `main-${id}`, url };
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/** A navigation-style event as Electron passes it: the URL and a way to cancel. */
export function navigationEvent(url: string) {
  let prevented = false;
  return {
    url,
    preventDefault: () => void (prevented = true),
    get prevented() {
      return prevented;
    },
  };
}

export function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame, processId: frame?.processId ?? 0, frameId: 1, type: 'frame' } as unknown as IpcMainInvokeEvent;
}
