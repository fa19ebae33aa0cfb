import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

/** Just enough of Electron's objects for the shell's own logic; the runtime itself is absent here. */
export interface FakeFrame {
  processId: number;
  frameToken: string;
  url: string;
}

type RequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

/** A session that keeps the handlers the shell sets, so a test can call them as Chromium would. */
export class FakeSession {
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
  devicePermission?: (details: unknown) => boolean;
  beforeRequest?: { filter: { urls: string[] }; listener: RequestListener };
  headersReceived?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
  /** How many times each handler was set: a session is hardened once however many contents share it. */
  readonly calls: Record<string, number> = {};

  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.count('permissionRequest');
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.count('permissionCheck');
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']) {
    this.count('devicePermission');
    this.devicePermission = h;
  }
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: RequestListener) => {
      this.count('beforeRequest');
      this.beforeRequest = { filter, listener };
    },
    onHeadersReceived: (h: FakeSession['headersReceived']) => {
      this.count('headersReceived');
      this.headersReceived = h;
    },
  };

  /** Whether a request to `url` would go out: only URLs the filter names reach the listener. */
  requestGoesOut(url: string): boolean {
    const scheme = url.split(':', 1)[0];
    const filtered = this.beforeRequest?.filter.urls.some((u) => u.startsWith(`${scheme}://`));
    if (!filtered || !this.beforeRequest) return true;
    let cancelled = false;
    this.beforeRequest.listener({ url }, (r) => (cancelled = !!r.cancel));
    return !cancelled;
  }

  asSession(): Session {
    return this as unknown as Session;
  }

  private count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  openHandler?: (details: { url: string }) => { action: string };
  devToolsClosed = 0;

  constructor(
    readonly id: number,
    url: string,
    readonly session: FakeSession = new FakeSession(),
  ) {
    super();
    this.mainFrame = { processId: 100 + id, frameToken: `main-${id}`, url };
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }

  closeDevTools() {
    this.devToolsClosed += 1;
  }

  /** What the main process sent to this contents' renderer, in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  private destroyed = false;

  send(channel: string, ...args: unknown[]) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  isDestroyed() {
    return this.destroyed;
  }

  /** The window closed: Electron emits 'destroyed' once. */
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
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

/** Emits `event` on `contents` as Electron would; true when nothing prevented it. */
export function navigate(contents: EventEmitter, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = navigationEvent(url);
  contents.emit(event, e, url);
  return !e.prevented;
}

export function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame, processId: frame?.processId ?? 0, frameId: 1, type: 'frame' } as unknown as IpcMainInvokeEvent;
}
