import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';

/**
 * The renderer is served from its own origin, app://istiqbal, not from file:// (Electron's security
 * checklist: a file:// page may read any local file its links name, and every local file shares its
 * origin). The handler answers only for files under the built renderer folder, with their MIME type
 * and the Content-Security-Policy; any other path — «..», an encoded «%2e%2e%2f», a link leading out —
 * is not found.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'istiqbal';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Before the app is ready: a standard scheme (an origin, relative URLs, 'self' in the policy) that is
 * secure (like https) and may be fetched (module scripts, fonts). It bypasses no policy.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** After ready: app:// answered from `rendererDir` (out/renderer) on the default session. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.method, request.url, contentSecurityPolicy));
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file an app:// URL names under `rendererDir`, or null: another host, a path that cannot be
 * decoded, a NUL, or a path that resolves outside the folder. `/` is index.html.
 */
export function appPathOf(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path.replaceAll('\\', '/')}`);
  return isInside(root, file) ? file : null;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export async function serveAppRequest(rendererDir: string, method: string, url: string, contentSecurityPolicy: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405 });
  const file = appPathOf(rendererDir, url);
  if (!file) return notFound();
  try {
    // A link inside the folder may lead out of it: what is served is where it really is.
    const [real, realRoot] = await Promise.all([realpath(file), realpath(rendererDir)]);
    if (!isInside(realRoot, real) || !(await stat(real)).isFile()) return notFound();
    const body = method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeOf(real),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  } catch {
    return notFound();
  }
}

function notFound(): Response {
  return new Response(null, { status: 404 });
}
