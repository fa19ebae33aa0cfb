import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ATTACHMENT_MAX_BYTES, MAX_CALL_BODY_BYTES, megabytes, REFERENCE_PDF_MAX_BYTES } from '@shared/contract/uploads';
import { ar, fill } from '@shared/labels/ar';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import type { Core } from '../core/core';
import type { ChangeEvent } from '@shared/live-changes';
import { DEVICE_PAGES } from '@shared/device-pages';

/** The only address the loopback shell ever binds (docs/architecture.md "Security"). */
export const LOOPBACK_HOST = '127.0.0.1';
export const SESSION_HEADER = 'x-istiqbal-session';
const SSE_KEEP_ALIVE_MS = 15_000;

export interface LoopbackOptions {
  core: Core;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer); omitted, only the API is served. */
  rendererDir?: string;
  /** Fixed only in tests; otherwise random for every launch. */
  token?: string;
  /** Where unexpected failures go (console.error unless given). */
  log?: (message: string, error: unknown) => void;
}

export interface LoopbackServer {
  port: number;
  token: string;
  /** Address for the browser: the token rides in the fragment, which is never sent over the wire or logged. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The same core as the Electron shell, over HTTP on 127.0.0.1: `POST /api/session` opens a window
 * session, `POST /api/call` runs `{operation, input}` through the dispatcher, `GET /api/changes` streams
 * the store's changes (server-sent events). Every API request
 * needs the launch token; a foreign Host or Origin header is refused (DNS rebinding, other sites).
 */
export async function startLoopback(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const log = options.log ?? ((message, error) => console.error(message, error));
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log('[loopback]', error);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: ar.errors.internal } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const allowedHosts = [`${LOOPBACK_HOST}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, refusal('forbidden'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
      return send(res, 403, refusal('forbidden'));
    }
    const pathname = pathOf(req.url);
    if (pathname === null) return send(res, 400, badRequest(ar.http.badPath));

    if (pathname.startsWith('/api/')) {
      if (!hasToken(req)) return send(res, 401, refusal('unauthenticated'));
      if (pathname === '/api/changes') {
        if (req.method !== 'GET') return send(res, 405, refusal('unknown_operation'));
        return streamChanges(req, res);
      }
      if (req.method !== 'POST') return send(res, 405, refusal('unknown_operation'));
      if (pathname === '/api/session') return send(res, 200, { sessionId: options.core.createSession() });
      if (pathname === '/api/call') {
        const body = await readJson(req, res);
        if (body === ANSWERED) return;
        if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 400, badRequest(ar.http.badBody));
        const { operation, input } = body as { operation?: unknown; input?: unknown };
        if (typeof operation !== 'string') return send(res, 400, badRequest(ar.http.operationNotText));
        const sessionId = String(req.headers[SESSION_HEADER] ?? '');
        return send(res, 200, await options.core.dispatch(operation, input, sessionId));
      }
      return send(res, 404, refusal('unknown_operation'));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, refusal('forbidden'));
    return serveStatic(pathname, res);
  }

  /**
   * `GET /api/changes`: the store's state, then every change, as server-sent events
   * (shared/live-changes.ts), for as long as the page keeps the stream open. It carries revisions and
   * the store's state only, no data: the launch token is all it asks.
   */
  function streamChanges(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    const write = (event: ChangeEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    write(options.core.changes.state());
    const unsubscribe = options.core.changes.subscribe(write);
    // A comment now and then: a stream the page has left is found closed and let go.
    const keepAlive = setInterval(() => res.write(': \n\n'), SSE_KEEP_ALIVE_MS);
    res.once('close', () => {
      unsubscribe();
      clearInterval(keepAlive);
    });
  }

  function hasToken(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const root = options.rendererDir;
    if (!root) return send(res, 404, refusal('not_found'));
    // The desk, and the device screens' pages (the renderer picks its screen from the path: shared/device-pages.ts).
    const page = pathname === '/' || DEVICE_PAGES.has(pathname) ? '/index.html' : pathname;
    const relative = normalize(page).replace(/^([/\\])+/, '');
    const file = join(root, relative);
    if (!file.startsWith(root + sep) || relative.split(/[/\\]/).includes('..')) return send(res, 404, refusal('not_found'));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, refusal('not_found'));
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=31536000, immutable',
    });
    res.end(await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${LOOPBACK_HOST}:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request the shell cannot read: a client's mistake (400), in Arabic, never logged as a failure. */
function badRequest(message: string) {
  return { ok: false, error: { code: 'validation', message } };
}

/**
 * The decoded path of the request line, without the query; null when it is no path at all
 * (`%E0%A4%A` and other broken escapes are the client's mistake, not ours).
 */
function pathOf(target: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(target ?? '/', 'http://loopback.invalid').pathname);
  } catch {
    return null;
  }
}

function refusal(code: 'forbidden' | 'unauthenticated' | 'validation' | 'not_found' | 'unknown_operation') {
  return { ok: false, error: { code, message: ar.errors[code] } };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** readJson answered already (413), or the client left: nothing more to send. */
const ANSWERED = Symbol('answered');

/**
 * The body of a call, parsed; null when it is not JSON. A body larger than the contract can accept
 * (MAX_CALL_BODY_BYTES) is read to its end and dropped, then answered 413 with the Arabic envelope:
 * answering while the client still sends leaves its upload stalled or reset instead.
 */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number(req.headers['content-length']) > MAX_CALL_BODY_BYTES;
  // Not `for await`: leaving that loop early destroys the request, and with it the socket.
  const read = await new Promise<'whole' | 'gone'>((resolve) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALL_BODY_BYTES) tooLarge = true;
      if (tooLarge) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.once('end', () => resolve('whole'));
    // The client went away mid-body: nobody is left to answer.
    req.once('error', () => resolve('gone'));
    req.once('close', () => resolve(req.complete ? 'whole' : 'gone'));
  });
  if (read === 'gone') return ANSWERED;
  if (tooLarge) {
    const limits = { attachment: megabytes(ATTACHMENT_MAX_BYTES), reference: megabytes(REFERENCE_PDF_MAX_BYTES) };
    send(res, 413, badRequest(fill(ar.http.bodyTooLarge, limits)));
    return ANSWERED;
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
