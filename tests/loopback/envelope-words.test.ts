import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { LOOPBACK_HOST, SESSION_HEADER, startLoopback, type LoopbackServer } from '../../electron/loopback/server';
import { ar } from '@shared/labels/ar';
import { TEST_PASSWORD_COST } from '../helpers/test-core';

/**
 * Words over HTTP: an integrator's refused input is answered in our Arabic, naming the field
 * and its limit, with every problem listed by path — never zod's wording or a type name.
 */
let dir: string;
let core: Core;
let server: LoopbackServer;
let call: (operation: unknown, input: unknown) => Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } } }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'istiqbal-words-'));
  core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir: join(dir, 'data'), log: () => {} });
  server = await startLoopback({ core, port: 0 });
  const base = `http://${LOOPBACK_HOST}:${server.port}/api`;
  const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
  const { sessionId } = (await (await fetch(`${base}/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  call = async (operation, input) => {
    const res = await fetch(`${base}/call`, { method: 'POST', headers: { ...headers, [SESSION_HEADER]: sessionId }, body: JSON.stringify({ operation, input }) });
    return { status: res.status, body: (await res.json()) as never };
  };
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a first-run setup with every field wrong names each one in Arabic, without a Latin letter or a symbol', async () => {
  const { body } = await call('auth.setup', { username: 'x', fullName: 'سع', password: 'short', deskId: 'واحد' });
  expect(body.ok).toBe(false);
  expect(body.error!.code).toBe('validation');
  // «اسم المستخدم من 3 إلى 32…» names its field already: not named twice.
  expect(body.error!.message).toBe(`${ar.errors.validation} ${ar.messages.usernameFormat}`);
  expect(body.error!.issues).toEqual([
    { path: ['username'], message: ar.messages.usernameFormat },
    { path: ['fullName'], message: ar.messages.fullNameTooShort },
    { path: ['password'], message: ar.messages.passwordTooShort },
    { path: ['deskId'], message: ar.validation.number },
  ]);
  for (const text of [body.error!.message, ...body.error!.issues!.map((i) => i.message)]) expect(text).not.toMatch(/[A-Za-z<>=]/);
});

it('an input that is not an object at all is refused in Arabic too', async () => {
  const { body } = await call('auth.setup', 'admin');
  expect(body.error!.message).toBe(`${ar.errors.validation} ${ar.validation.group}`);
});
