import { randomBytes, scryptSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD_COST } from '../../../electron/core/auth/passwords';
import { createCore, type Core } from '../../../electron/core/core';
import { DEMO_USERS } from '../../../electron/core/demo/seed-demo';
import { startWithDemo } from '../../../electron/core/demo/start-with-demo';
import { ADMIN, anonymous, bind } from '../../helpers/sessions';
import { makeTempDir, openTestCore, rawDb } from '../../helpers/test-core';

/**
 * Issue 8, passwords: scrypt at OWASP's cost by default (the test helpers lower it for speed; this file
 * does not), older hashes replaced at the next sign-in, demo staff each with their own salt.
 */
let dir: string;
let core: Core;

beforeAll(async () => {
  dir = makeTempDir();
  // As both shells open it: no cost given.
  core = await createCore({ dataDir: dir, log: () => {} });
  await anonymous(core).ok('auth.setup', { ...ADMIN, deskId: 1 });
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const hashOf = (username: string) => (rawDb(core).prepare('SELECT password_hash FROM users WHERE username = ?').get(username) as { password_hash: string }).password_hash;

it('Passwords: a core opened as the shells open it hashes with scrypt at N=2^17, r=8, p=1, the parameters stored with the hash', () => {
  expect(PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
  expect(core.passwordCost).toEqual(PASSWORD_COST);
  expect(hashOf('admin')).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
});

it('Passwords: a hash of an older, cheaper format is replaced at the next right sign-in, and the password goes on working', async () => {
  // A store from before the cost was raised: "scrypt$N$salt$hash" at N=2^14.
  const salt = randomBytes(16);
  const old = `scrypt$16384$${salt.toString('base64url')}$${scryptSync(ADMIN.password, salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
  rawDb(core).prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(old, 'admin');

  // A wrong password leaves it as it is: only a proven password is hashed again.
  expect((await anonymous(core).call('auth.signIn', { username: 'admin', password: 'not-the-password-1', deskId: 1 })).ok).toBe(false);
  expect(hashOf('admin')).toBe(old);

  const me = anonymous(core);
  await me.ok('auth.signIn', { username: 'admin', password: ADMIN.password, deskId: 1 });
  expect(hashOf('admin')).toMatch(/^scrypt\$131072\$8\$1\$/);
  const audit = rawDb(core).prepare("SELECT after FROM audit WHERE operation = 'auth.signIn' ORDER BY id DESC LIMIT 1").get() as { after: string };
  expect(JSON.parse(audit.after)).toMatchObject({ signedIn: true, passwordRehashed: true });
  // The session signed in with it stays signed in (the password did not change).
  expect((await bind(core, me.sessionId).ok('auth.session', {})).user?.username).toBe('admin');
  expect((await anonymous(core).call('auth.signIn', { username: 'admin', password: ADMIN.password, deskId: 2 })).ok).toBe(true);
});

it('Passwords: the demo accounts share a password but each has its own salt', async () => {
  const t = await openTestCore();
  try {
    expect((await startWithDemo(t, t.clock.now())).filled).toBe(true);
    const rows = t.raw.prepare('SELECT username, password_hash FROM users').all() as { username: string; password_hash: string }[];
    expect(rows.map((r) => r.username).sort()).toEqual(['admin', ...DEMO_USERS.map((u) => u.username)].sort());
    const salts = rows.map((r) => r.password_hash.split('$')[4]);
    expect(new Set(salts).size).toBe(rows.length);
  } finally {
    await t.cleanup();
  }
});
