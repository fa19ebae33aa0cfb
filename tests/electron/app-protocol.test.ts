import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { APP_INDEX_URL, APP_SCHEME, appPathOf, handleAppProtocol, mimeTypeOf, registerAppScheme, serveAppRequest } from '../../electron/main/app-protocol';

/**
 * The renderer served from app://istiqbal instead of file:// (docs/architecture.md#security): files of
 * the built renderer folder only, with their MIME types and the Content-Security-Policy; nothing
 * outside it, however the path is written. A real folder on disk stands for out/renderer.
 */
let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'istiqbal-app-protocol-'));
  rendererDir = join(root, 'out', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>استقبال</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("desk")');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'ibm-plex-sans-arabic-arabic-400-normal.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(rendererDir, 'assets', 'ملف عربي.svg'), '<svg/>');
  // Beside the renderer, and reachable only by escaping it.
  writeFileSync(join(root, 'out', 'secret.txt'), 'national IDs');
  writeFileSync(join(root, 'outside.txt'), 'outside');
  symlinkSync(join(root, 'outside.txt'), join(rendererDir, 'assets', 'link.js'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(rendererDir, method, url, CONTENT_SECURITY_POLICY);

describe('serving the built renderer', () => {
  it.each([
    ['app://istiqbal/index.html', 'text/html; charset=utf-8', '<!doctype html><title>استقبال</title>'],
    ['app://istiqbal/', 'text/html; charset=utf-8', '<!doctype html><title>استقبال</title>'],
    ['app://istiqbal/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("desk")'],
    ['app://istiqbal/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://istiqbal/assets/ibm-plex-sans-arabic-arabic-400-normal.woff2', 'font/woff2', 'wOF2'],
    ['app://istiqbal/assets/%D9%85%D9%84%D9%81%20%D8%B9%D8%B1%D8%A8%D9%8A.svg', 'image/svg+xml', '<svg/>'],
    ['app://istiqbal/index.html?x=1#/queue', 'text/html; charset=utf-8', '<!doctype html><title>استقبال</title>'],
  ])('%s → %s', async (url, type, body) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(body);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });
});

describe('nothing outside the renderer folder', () => {
  it.each([
    'app://istiqbal/../secret.txt',
    'app://istiqbal/%2e%2e/secret.txt',
    'app://istiqbal/..%2Fsecret.txt',
    'app://istiqbal/assets/..%2F..%2Fsecret.txt',
    'app://istiqbal/..%5Csecret.txt',
    'app://istiqbal/%2e%2e%2f%2e%2e%2foutside.txt',
    'app://istiqbal/%2Fetc%2Fpasswd',
    'app://istiqbal/index.html%00.js',
    'app://istiqbal/%E0%A4%A',
    'app://istiqbal/assets/link.js',
    'app://istiqbal/assets',
    'app://istiqbal/assets/',
    'app://istiqbal/no-such.js',
    'app://evil/index.html',
    'app://istiqbal.evil.example/index.html',
    'file:///etc/passwd',
  ])('%s is not found', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });

  it('names no path outside the folder for any of them', () => {
    for (const url of ['app://istiqbal/..%2F..%2Fsecret.txt', 'app://istiqbal/%2e%2e%5C%2e%2e%5Coutside.txt', 'app://istiqbal/%2Fetc%2Fpasswd']) {
      const path = appPathOf(rendererDir, url);
      expect(path === null || path.startsWith(rendererDir + '/'), `${url} → ${path}`).toBe(true);
    }
  });
});

describe('MIME types', () => {
  it('knows every kind of file the renderer build makes, and nothing unknown is sniffed', () => {
    for (const [file, type] of Object.entries({
      'a.html': 'text/html',
      'a.js': 'text/javascript',
      'a.css': 'text/css',
      'a.woff2': 'font/woff2',
      'a.woff': 'font/woff',
      'a.ttf': 'font/ttf',
      'a.png': 'image/png',
      'a.svg': 'image/svg+xml',
      'a.json': 'application/json',
    })) {
      expect(mimeTypeOf(file).split(';')[0]).toBe(type);
    }
    expect(mimeTypeOf('a.exe')).toBe('application/octet-stream');
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure scheme that bypasses no policy', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0].privileges;
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('handles app:// from the folder it is given', async () => {
    let handler: ((request: Request) => Promise<Response> | Response) | undefined;
    const protocol = { handle: (scheme: string, h: typeof handler) => scheme === APP_SCHEME && (handler = h) };
    handleAppProtocol(protocol as unknown as Protocol, rendererDir, CONTENT_SECURITY_POLICY);
    const ok = await handler!(new Request('app://istiqbal/assets/index-abc123.js'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('console.log("desk")');
    expect((await handler!(new Request('app://istiqbal/%2e%2e/secret.txt'))).status).toBe(404);
  });
});
