import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { rendererLocation } from '../../electron/main/renderer-location';
import { contentSecurityPolicy, hardenSession, hardenWebContents } from '../../electron/main/security';
import { FakeWebContents, navigationEvent } from './fakes';

const outDir = join('/opt', 'istiqbal', 'out');
const ourPage = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;

function hardened(devServerUrl?: string) {
  const contents = new FakeWebContents(1, ourPage);
  hardenWebContents(contents.asWebContents(), rendererLocation(outDir, devServerUrl).isRendererUrl);
  return contents;
}

function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = navigationEvent(url);
  contents.emit(event, e, url);
  return !e.prevented;
}

describe('navigation', () => {
  it('stays on our renderer (its in-page routes included)', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', ourPage)).toBe(true);
    expect(navigate(contents, 'will-navigate', `${ourPage}#/queue`)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:4999/',
    'file:///etc/passwd',
    pathToFileURL(join(outDir, 'renderer', 'other.html')).href,
    pathToFileURL(join(outDir, 'renderer', 'index.html.evil')).href,
    `${ourPage.replace('file://', 'file://evil.example')}`,
    'javascript:alert(1)',
    'not a url',
  ])('is prevented to %s', (url) => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', url)).toBe(false);
    expect(navigate(contents, 'will-redirect', url)).toBe(false);
  });

  it('under the dev server allows that origin only', () => {
    const contents = hardened('http://localhost:5173/');
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/#/queue')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5174/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost.evil.example:5173/')).toBe(false);
    expect(navigate(contents, 'will-navigate', ourPage)).toBe(false);
  });
});

describe('new windows and webviews', () => {
  it('denies window.open, even to our own page', () => {
    const contents = hardened();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: ourPage })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const e = navigationEvent('');
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });
});

describe('session', () => {
  function fakeSession() {
    const captured: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (...args: unknown[]) => boolean;
      headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
    } = {};
    const session = {
      setPermissionRequestHandler: (h: typeof captured.request) => (captured.request = h),
      setPermissionCheckHandler: (h: typeof captured.check) => (captured.check = h),
      webRequest: { onHeadersReceived: (h: typeof captured.headers) => (captured.headers = h) },
    };
    return { session: session as unknown as Session, captured };
  }

  it('denies every permission request and check', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, undefined);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      captured.request?.({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(captured.check?.(null, permission, 'file://', {}), permission).toBe(false);
    }
  });

  it('puts the shared Content-Security-Policy on every response', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, undefined);
    let headers: Record<string, string[]> | undefined;
    captured.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('adds only the refresh preamble and the HMR socket under the dev server', () => {
    const dev = contentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline';");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173;");
    expect(dev).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(contentSecurityPolicy(undefined)).toBe(CONTENT_SECURITY_POLICY);
  });
});
