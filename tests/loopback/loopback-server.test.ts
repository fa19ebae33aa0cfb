import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { createCore, type Core } from '../../electron/core/core';
import { LOOPBACK_HOST, SESSION_HEADER, startLoopback, type LoopbackServer } from '../../electron/loopback/server';
import { checkNationalId } from '@shared/validation/national-id';
import { TEST_PASSWORD_COST } from '../helpers/test-core';

const SECRET = 'must-never-be-served';
let dir: string;
let core: Core;
let server: LoopbackServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'istiqbal-loopback-'));
  // A file beside the renderer folder: what a path traversal would reach.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ secret: SECRET }));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html dir="rtl"><title>استقبال</title></html>');
  core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir: join(dir, 'data'), log: () => {} });
  server = await startLoopback({ core, port: 0, rendererDir: join(dir, 'renderer') });
  base = `http://${LOOPBACK_HOST}:${server.port}`;
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });

async function post(path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** http.request, because fetch neither sets Host nor sends `..` segments as written. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: LOOPBACK_HOST, port: server.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

async function writtenRows() {
  const users = await core.store.db.selectFrom('users').select('id').execute();
  const audit = await core.store.db.selectFrom('audit').select('id').execute();
  return users.length + audit.length;
}

const setupInput = { username: 'admin', fullName: 'مدير النظام', password: 'secret-123', deskId: 1 };

describe('binding', () => {
  it('binds 127.0.0.1 and hands out a 127.0.0.1 address', async () => {
    expect(LOOPBACK_HOST).toBe('127.0.0.1');
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(new URL(server.url).hash).toBe(`#token=${server.token}`);
    expect(await connects('127.0.0.1', server.port)).toBe(true);
  });

  it('cannot be reached on any other address of this machine', async () => {
    const others = Object.entries(networkInterfaces())
      .flatMap(([name, addresses]) => (addresses ?? []).map((a) => (a.address.startsWith('fe80:') ? `${a.address}%${name}` : a.address)))
      .filter((address) => address !== '127.0.0.1');
    const candidates = [...new Set([...others, '::1', ...(process.platform === 'linux' ? ['127.0.0.2'] : [])])];
    for (const host of candidates) expect(await connects(host, server.port), host).toBe(false);
  });
});

describe('refusals', () => {
  it('refuses a call without the token (401) and writes nothing', async () => {
    const before = await writtenRows();
    const res = await post('/api/call', { operation: 'auth.setup', input: setupInput }, { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await writtenRows()).toBe(before);
  });

  it.each([['a wrong token', 'Bearer x'], ['a token one character off', () => `Bearer ${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`], ['no Bearer scheme', () => server.token]])(
    'refuses %s (401)',
    async (_name, header) => {
      const value = typeof header === 'function' ? header() : header;
      const res = await post('/api/session', {}, { authorization: value });
      expect(res.status).toBe(401);
    },
  );

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const host of [`evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const res = await raw('/api/session', { ...auth(), host }, 'POST', '{}');
      expect(res.status, host).toBe(421);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await raw('/', { host })).status, host).toBe(421);
    }
  });

  it('refuses a foreign Origin (403) and writes nothing', async () => {
    const before = await writtenRows();
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await post('/api/call', { operation: 'auth.setup', input: setupInput }, { ...auth(), origin });
      expect(res.status, origin).toBe(403);
    }
    expect(await writtenRows()).toBe(before);
  });

  it('accepts only POST on the API', async () => {
    expect((await raw('/api/call', auth())).status).toBe(405);
  });
});

describe('a desk over HTTP', () => {
  it('runs setup, enrolment and check-in through one session', async () => {
    const { status, body: opened } = await post('/api/session', {}, { ...auth(), origin: base });
    expect(status).toBe(200);
    const session = { ...auth(), [SESSION_HEADER]: String(opened.sessionId) };
    const call = async (operation: string, input: unknown) => (await post('/api/call', { operation, input }, session)).body;

    expect(await call('auth.setup', setupInput)).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });

    const idNumber = validNationalId('104583920');
    const registered = await call('beneficiaries.register', {
      firstName: 'محمد',
      fatherName: 'عبدالله',
      grandfatherName: 'سعد',
      familyName: 'القحطاني',
      identity: { idType: 'national_id', idNumber },
      mobile: '0551234567',
    });
    expect(registered).toMatchObject({ ok: true, value: { idNumber, mobile: '+966551234567' } });

    const visit = await call('visits.checkIn', { beneficiaryId: registered.value.id, reason: 'inquiry' });
    expect(visit).toMatchObject({ ok: true, value: { state: 'waiting', beneficiaryId: registered.value.id, channel: 'interview' } });
    expect(visit.value.ticket).toBeTruthy();

    const queue = await call('visits.queue', {});
    expect(queue.ok).toBe(true);
    expect(JSON.stringify(queue.value)).toContain(visit.value.ticket);
  });

  it('needs a session: a call without one is unauthenticated', async () => {
    expect(await post('/api/call', { operation: 'visits.queue', input: {} }, auth())).toMatchObject({
      status: 200,
      body: { ok: false, error: { code: 'unauthenticated' } },
    });
  });

  it('answers an unknown operation with unknown_operation and an Arabic message', async () => {
    const { body: opened } = await post('/api/session', {}, auth());
    const res = await post('/api/call', { operation: 'visits.teleport', input: {} }, { ...auth(), [SESSION_HEADER]: opened.sessionId });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(res.body.error.message).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('static files', () => {
  it('serves the renderer with the Content-Security-Policy', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('استقبال');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/display', '/kiosk'])('S1: serves the device screen page %s as the desk is served (the renderer picks the screen from the path)', async (path) => {
    const res = await raw(path);
    expect(res.status).toBe(200);
    expect(res.body).toContain('استقبال');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await raw('/displays')).status).toBe(404);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2fpackage.json', '/x/../../package.json', '/..\\package.json'])(
    'refuses the traversal %s (404)',
    async (path) => {
      const res = await raw(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
    },
  );
});

function validNationalId(first9: string): string {
  for (let d = 0; d <= 9; d++) if (checkNationalId(first9 + d, 'national_id') === null) return first9 + d;
  throw new Error('no check digit');
}
