import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD_COST } from '../../../electron/core/auth/passwords';
import { DEMO_USERS } from '../../../electron/core/demo/seed-demo';
import { startWithDemo } from '../../../electron/core/demo/start-with-demo';
import { ADMIN, anonymous, bind } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Passwords (docs/architecture.md#security): scrypt at OWASP's cost by default (the test helpers lower it for speed; this file
 * does not), older hashes replaced at the next sign-in, demo staff each with their own salt.
 */
let core: TestCore;

beforeAll(async () => {
  // As both shells open it: no cost given.
  core = await openTestCore({ passwordCost: undefined });
  await anonymous(core).ok('auth.setup', { ...ADMIN, deskId: 1 });
});
afterAll(() => core.cleanup());

const hashOf = async (username: string) =>
  (await core.db.selectFrom('users').select('password_hash').where('username', '=', username).executeTakeFirstOrThrow()).password_hash;

it('Passwords: a core opened as the shells open it hashes with scrypt at N=2^17, r=8, p=1, the parameters stored with the hash', async () => {
  expect(PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
  expect(core.passwordCost).toEqual(PASSWORD_COST);
  expect(await hashOf('admin')).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
});

it('Passwords: a hash of an older, cheaper format is replaced at the next right sign-in, and the password goes on working', async () => {
  // A store from before the cost was raised: "scrypt$N$salt$hash" at N=2^14.
  const salt = randomBytes(16);
  const old = `scrypt$16384$${salt.toString('base64url')}$${scryptSync(ADMIN.password, salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
  await core.db.updateTable('users').set({ password_hash: old }).where('username', '=', 'admin').execute();

  // A wrong password leaves it as it is: only a proven password is hashed again.
  expect((await anonymous(core).call('auth.signIn', { username: 'admin', password: 'not-the-password-1', deskId: 1 })).ok).toBe(false);
  expect(await hashOf('admin')).toBe(old);

  const me = anonymous(core);
  await me.ok('auth.signIn', { username: 'admin', password: ADMIN.password, deskId: 1 });
  expect(await hashOf('admin')).toMatch(/^scrypt\$131072\$8\$1\$/);
  const audit = await core.db.selectFrom('audit').select('after').where('operation', '=', 'auth.signIn').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  expect(JSON.parse(audit.after!)).toMatchObject({ signedIn: true, passwordRehashed: true });
  // The session signed in with it stays signed in (the password did not change).
  expect((await bind(core, me.sessionId).ok('auth.session', {})).user?.username).toBe('admin');
  expect((await anonymous(core).call('auth.signIn', { username: 'admin', password: ADMIN.password, deskId: 2 })).ok).toBe(true);
});

it('Passwords: the demo accounts share a password but each has its own salt', async () => {
  const t = await openTestCore();
  try {
    expect((await startWithDemo(t, t.clock.now())).filled).toBe(true);
    const rows = await t.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(rows.map((r) => r.username).sort()).toEqual(['admin', ...DEMO_USERS.map((u) => u.username)].sort());
    const salts = rows.map((r) => r.password_hash.split('$')[4]);
    expect(new Set(salts).size).toBe(rows.length);
  } finally {
    await t.cleanup();
  }
});
