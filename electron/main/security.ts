import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';

/**
 * Every web contents the shell ever makes — the desk's window, the print preview, anything Chromium
 * opens on its own — is hardened once, when it is created (app.on('web-contents-created'), index.ts):
 * no new windows, no <webview>, no navigation anywhere but the page its creator allowed, no permission,
 * no remote request, and no DevTools outside a development run. A creator names its page with
 * allowNavigation; contents nobody named may not navigate at all.
 */
export interface HardeningOptions {
  /** `npm run dev` only (run-mode.ts): DevTools stay open, the renderer's dev server is reachable. */
  development: boolean;
  /** The dev server's origin in a development run; remote requests elsewhere are cancelled. */
  devServerUrl?: string;
}

const allowedPages = new WeakMap<WebContents, (url: string) => boolean>();
const hardenedSessions = new WeakSet<Session>();

/** The one page (tested by URL, parsed: renderer-location.ts) this contents may show and navigate within. */
export function allowNavigation(contents: WebContents, isAllowedUrl: (url: string) => boolean): void {
  allowedPages.set(contents, isAllowedUrl);
}

/** Installed before any window exists (index.ts): every contents is hardened as it is created. */
export function hardenEveryWebContents(app: Pick<App, 'on'>, options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  // The main frame; frames inside it are refused by the page's policy (default-src 'none'), and
  // the print preview's PDF viewer builds its own frames, which must stay free to load.
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!allowedPages.get(contents)?.(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The window options already say devTools: false; a shortcut or an API call must not reopen them.
  if (!options.development) contents.on('devtools-opened', () => contents.closeDevTools());
  guardSession(contents.session, options);
}

/** Per session, once: no permission for anyone, and no request leaves the machine. */
function guardSession(session: Session, options: HardeningOptions): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  denyPermissions(session);
  blockRemoteContent(session, options.devServerUrl);
}

/** No camera, notifications, geolocation, USB or serial devices … for anyone. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

const REMOTE = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * Everything the desk shows comes from app:// (and the preview's saved PDF from the data folder):
 * a request to the network is cancelled, whatever asked for it — a link, an image in a pasted text, a
 * compromised script. Only a development run reaches its own dev server.
 */
export function blockRemoteContent(session: Session, devServerUrl: string | undefined): void {
  const devOrigin = devServerUrl ? new URL(devServerUrl).host : null;
  session.webRequest.onBeforeRequest({ urls: REMOTE }, (details, callback) => {
    callback({ cancel: !(devOrigin && hostOf(details.url) === devOrigin) });
  });
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The CSP header on every response of the desk's session (app:// sets it too). */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  const policy = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

/**
 * The shared policy; under electron-vite's dev server only, React Fast Refresh needs its inline
 * preamble and Vite its HMR socket, so those two (and nothing remote) are added there.
 */
export function contentSecurityPolicy(devServerUrl: string | undefined): string {
  if (!devServerUrl) return CONTENT_SECURITY_POLICY;
  const { host } = new URL(devServerUrl);
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ws://${host}`,
  );
}
