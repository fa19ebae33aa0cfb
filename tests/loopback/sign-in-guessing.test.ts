import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOOPBACK_HOST, SESSION_HEADER, startLoopback, type LoopbackServer } from '../../electron/loopback/server';
import { MAX_SESSIONS } from '../../electron/core/sessions';
import { ar, fill } from '@shared/labels/ar';
import { countOf } from '@shared/labels/count';
import { openTestCore, type TestCore } from '../helpers/test-core';

/**
 * Sign-in that resists guessing (docs/architecture.md#security) over real HTTP on the loopback shell: a script guessing one account's password is slowed,
 * then locked, and the right password is refused until an administrator lifts the lock. The core's clock
 * is the test's: the script "waits" by moving it, as long as each answer says.
 */
let t: TestCore;
let server: LoopbackServer;
let base: string;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  server = await startLoopback({ core: t, port: 0 });
  base = `http://${LOOPBACK_HOST}:${server.port}/api`;
});
afterAll(async () => {
  await server.close();
  await t.cleanup();
});

async function openSession(): Promise<string> {
  const res = await fetch(`${base}/session`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
  return ((await res.json()) as { sessionId: string }).sessionId;
}

async function call(session: string, operation: string, input: unknown) {
  const res = await fetch(`${base}/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', [SESSION_HEADER]: session },
    body: JSON.stringify({ operation, input }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string; retryAfterSeconds?: number } };
}

const lockMessage = fill(ar.messages.signInLocked, { wait: countOf(15, ar.validation.minutes) });

it('Sign-in over HTTP: 50 wrong passwords get slower, then locked; the right password is refused until the administrator lifts the lock', async () => {
  const admin = await openSession();
  expect((await call(admin, 'auth.setup', { username: 'admin', fullName: 'مدير النظام', password: 'hall-keeper-1445', deskId: 1 })).ok).toBe(true);
  const created = await call(admin, 'users.create', { username: 'noura', fullName: 'نورة سعد العتيبي', role: 'receptionist', password: 'noon-river-2024' });
  expect(created.ok).toBe(true);

  const attacker = await openSession();
  const waits: number[] = [];
  const answers: { code: string; message: string }[] = [];
  let waited = 0;
  for (let i = 0; i < 50; i++) {
    const env = await call(attacker, 'auth.signIn', { username: 'noura', password: `guess-${i}-of-fifty`, deskId: 1 });
    expect(env.ok).toBe(false);
    answers.push({ code: env.error!.code, message: env.error!.message });
    const wait = env.error!.retryAfterSeconds ?? 0;
    waits.push(wait);
    waited += wait;
    t.clock.advance({ seconds: wait }); // the script waits as told, then tries again
  }
  // Slower: free tries, then each wait twice the last; locked from the tenth, and it stays locked.
  expect(waits.slice(0, 10)).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 32, 0]);
  expect(waited).toBe(62);
  expect(answers.slice(0, 4).every((a) => a.message === ar.messages.badCredentials)).toBe(true);
  expect(answers.slice(9)).toEqual(Array.from({ length: 41 }, (_, i) => ({ code: i === 0 ? 'validation' : 'forbidden', message: lockMessage })));

  // Only ten of the fifty were checked; all fifty are in the audit trail.
  const failures = t.raw.prepare("SELECT failures FROM sign_in_failures WHERE username = 'noura'").get() as { failures: number };
  expect(failures.failures).toBe(10);
  const audited = t.raw.prepare("SELECT count(*) AS n FROM audit WHERE operation = 'auth.signIn' AND after LIKE '%signInFailed%'").get() as { n: number };
  expect(audited.n).toBe(50);

  const owner = await openSession();
  expect((await call(owner, 'auth.signIn', { username: 'noura', password: 'noon-river-2024', deskId: 2 })).error).toEqual({ code: 'forbidden', message: lockMessage });

  const lifted = await call(admin, 'users.unlockSignIn', { userId: created.value.id });
  expect(lifted).toMatchObject({ ok: true, value: { username: 'noura', signInLockedUntil: null } });
  const signedIn = await call(owner, 'auth.signIn', { username: 'noura', password: 'noon-river-2024', deskId: 2 });
  expect(signedIn).toMatchObject({ ok: true, value: { user: { username: 'noura' } } });
});

it(`Sessions over HTTP: a script opening sessions in a loop cannot make the shell keep more than ${MAX_SESSIONS}; the oldest anonymous ones go`, async () => {
  const first = await openSession();
  expect((await call(first, 'auth.session', {})).ok).toBe(true);
  const opened: string[] = [];
  for (let i = 0; i < MAX_SESSIONS + 10; i++) opened.push(await openSession());
  expect(await call(first, 'auth.session', {})).toEqual({ ok: false, error: { code: 'unauthenticated', message: ar.errors.unauthenticated } });
  expect((await call(opened.at(-1)!, 'auth.session', {})).ok).toBe(true);
});
