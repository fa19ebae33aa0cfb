import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { APP_INDEX_URL } from '../../electron/main/app-protocol';
import { rendererLocation } from '../../electron/main/renderer-location';
import { allowNavigation, contentSecurityPolicy, hardenEveryWebContents, hardenSession, type HardeningOptions } from '../../electron/main/security';
import { FakeSession, FakeWebContents, navigate, navigationEvent } from './fakes';

/**
 * The Electron shell's hardening (docs/architecture.md#security): every web contents is hardened once,
 * in app.on('web-contents-created'), whoever made it. Electron's runtime is absent here: the app,
 * the contents and their session are stand-ins that keep what the shell sets, and emit what Chromium would.
 */
const LOCKED: HardeningOptions = { development: false };

/** A fake app with the shell's handler installed, and a way to make contents as Electron would. */
function shell(options: HardeningOptions = LOCKED) {
  const app = new EventEmitter();
  hardenEveryWebContents(app as unknown as App, options);
  let serial = 0;
  const create = (session = new FakeSession()) => {
    const contents = new FakeWebContents(++serial, 'about:blank', session);
    app.emit('web-contents-created', {}, contents);
    return contents;
  };
  return { create };
}

/** A desk window's contents: created (so hardened), then given our renderer as its one page. */
function deskContents(devServerUrl?: string, options: HardeningOptions = LOCKED) {
  const contents = shell(options).create();
  allowNavigation(contents.asWebContents(), rendererLocation(devServerUrl).isRendererUrl);
  return contents;
}

describe('navigation', () => {
  it('stays on our renderer at app://istiqbal (its in-page routes included)', () => {
    const contents = deskContents();
    expect(navigate(contents, 'will-navigate', APP_INDEX_URL)).toBe(true);
    expect(navigate(contents, 'will-navigate', `${APP_INDEX_URL}#/queue`)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:4999/',
    'file:///etc/passwd',
    'file:///opt/istiqbal/out/renderer/index.html',
    'app://istiqbal/other.html',
    'app://istiqbal/index.html.evil',
    'app://evil/index.html',
    'app://istiqbal.evil.example/index.html',
    'app://user:pw@istiqbal/index.html',
    'app://istiqbal:8080/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('is prevented to %s', (url) => {
    const contents = deskContents();
    expect(navigate(contents, 'will-navigate', url)).toBe(false);
    expect(navigate(contents, 'will-redirect', url)).toBe(false);
  });

  it('under the dev server (a development run) allows that origin only', () => {
    const contents = deskContents('http://localhost:5173/', { development: true, devServerUrl: 'http://localhost:5173/' });
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/#/queue')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5174/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost.evil.example:5173/')).toBe(false);
    expect(navigate(contents, 'will-navigate', APP_INDEX_URL)).toBe(false);
  });

  it('contents no window of ours named a page for — one Chromium opened on its own — may not navigate at all', () => {
    const stray = shell().create();
    expect(navigate(stray, 'will-navigate', APP_INDEX_URL)).toBe(false);
    expect(navigate(stray, 'will-navigate', 'https://evil.example/')).toBe(false);
  });
});

describe('new windows, webviews, DevTools', () => {
  it('denies window.open in every contents, even to our own page', () => {
    for (const contents of [deskContents(), shell().create()]) {
      expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(contents.openHandler?.({ url: APP_INDEX_URL })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach a <webview>', () => {
    const contents = shell().create();
    const e = navigationEvent('');
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });

  it('closes DevTools opened in a locked-down run (npm start), and leaves them to a development run', () => {
    const locked = shell().create();
    locked.emit('devtools-opened');
    expect(locked.devToolsClosed).toBe(1);
    const dev = shell({ development: true }).create();
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
  });
});

describe('every session a contents uses', () => {
  it('denies every permission request, check and device, for the desk and for any other session alike', () => {
    const { create } = shell();
    for (const session of [new FakeSession(), new FakeSession()]) {
      create(session);
      for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid']) {
        let granted: boolean | undefined;
        session.permissionRequest?.({}, permission, (g) => (granted = g));
        expect(granted, permission).toBe(false);
        expect(session.permissionCheck?.(null, permission, 'app://istiqbal', {}), permission).toBe(false);
      }
      expect(session.devicePermission?.({ deviceType: 'usb' })).toBe(false);
    }
  });

  it('lets no request leave the machine in a locked-down run', () => {
    const session = new FakeSession();
    shell().create(session);
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1:5173/', 'ws://localhost:5173/', 'wss://evil.example/', 'ftp://evil.example/f']) {
      expect(session.requestGoesOut(url), url).toBe(false);
    }
    expect(session.requestGoesOut('app://istiqbal/assets/index.js')).toBe(true);
  });

  it('in a development run reaches its own dev server (and its HMR socket), nothing else', () => {
    const session = new FakeSession();
    shell({ development: true, devServerUrl: 'http://localhost:5173/' }).create(session);
    expect(session.requestGoesOut('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(session.requestGoesOut('ws://localhost:5173/')).toBe(true);
    expect(session.requestGoesOut('https://evil.example/')).toBe(false);
    expect(session.requestGoesOut('http://localhost:5174/')).toBe(false);
  });

  it('hardens a session once, however many contents share it', () => {
    const { create } = shell();
    const session = new FakeSession();
    create(session);
    create(session);
    expect(session.calls).toEqual({ permissionRequest: 1, permissionCheck: 1, devicePermission: 1, beforeRequest: 1 });
  });
});

describe('the desk session\'s Content-Security-Policy', () => {
  it('is put on every response', () => {
    const session = new FakeSession();
    hardenSession(session.asSession(), undefined);
    let headers: Record<string, string[]> | undefined;
    session.headersReceived?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
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
