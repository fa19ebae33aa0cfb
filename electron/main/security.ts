import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';

/**
 * The desk shows only its own renderer (DESIGN.md "Security"): no navigation elsewhere, no new
 * windows, no <webview>. `isRendererUrl` parses the URL (renderer-location.ts).
 */
export function hardenWebContents(contents: WebContents, isRendererUrl: (url: string) => boolean): void {
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!isRendererUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** No camera, notifications, geolocation … for anyone. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** No permissions, and the CSP header on every response. */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  denyPermissions(session);
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
