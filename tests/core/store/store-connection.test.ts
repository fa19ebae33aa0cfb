import { freePort } from '../../helpers/free-port';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { SAVED_STORE_FILE } from '../../../electron/core/store/connection/saved-store';
import { isArabicText } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, TEST_STORE, type TestCore } from '../../helpers/test-core';

/**
 * Pointing a desk at PostgreSQL (docs/architecture.md#the-two-stores) from the settings screen, on either store the desk runs on:
 * what the screen is told of the store open now, who may test and save a server, bad input, a server
 * that does not answer (refused, unknown), and that a refusal saves nothing. The tests that need a
 * server to answer are in tests/core/store/postgres/store-connection-server.test.ts.
 */
let t: TestCore;
let admin: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z', probeTimeoutMs: 2_000 });
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.cleanup());


const SECRET = 'kalimat-sirr-2025';
const server = (port: number, changes: Partial<InputOf<'store.testConnection'>> = {}): InputOf<'store.testConnection'> => ({
  host: '127.0.0.1',
  port,
  database: 'istiqbal',
  username: 'reception_desk',
  password: SECRET,
  tls: false,
  ...changes,
});

/** Every audit row's before and after, as text: the password must be in none. */
async function auditText(): Promise<string> {
  const rows = await t.db.selectFrom('audit').select(['before', 'after']).execute();
  return rows.map((r) => `${r.before ?? ''} ${r.after ?? ''}`).join('\n');
}

describe('store.connection: the store this desk runs on', () => {
  it('a desk started with nothing named says which store it runs on, that nothing is saved and no restart is needed', async () => {
    const view = await admin.ok('store.connection', {});
    expect(view.current.kind).toBe(TEST_STORE);
    expect(view.saved).toBeNull();
    expect(view.restartNeeded).toBe(false);
    if (TEST_STORE === 'postgres') {
      // The test harness names the database as --store would: never shown with its password.
      expect(view.current.source).toBe('flag');
      expect(view.overridden).toBe(true);
      expect(view.current.server).toMatchObject({ host: '127.0.0.1', tls: false });
      expect(JSON.stringify(view)).not.toMatch(/istiqbal-test/);
    } else {
      expect(view.current).toEqual({ kind: 'sqlite', source: 'default', server: null });
      expect(view.overridden).toBe(false);
    }
  });

  it('only an administrator sees it, tests or saves a server: a receptionist or supervisor is refused', async () => {
    const port = await freePort();
    for (const role of ['receptionist', 'supervisor'] as const) {
      const desk = await signedInAs(t, role);
      for (const [op, input] of [
        ['store.connection', {}],
        ['store.testConnection', server(port)],
        ['store.saveConnection', server(port)],
        ['store.forgetConnection', {}],
      ] as const) {
        const env = await desk.call(op, input);
        expect(!env.ok && env.error.code, `${role} ${op}`).toBe('forbidden');
      }
    }
    expect(existsSync(join(t.dataDir, SAVED_STORE_FILE))).toBe(false);
  });
});

describe('store.testConnection and store.saveConnection: what the administrator typed', () => {
  it('a host with spaces, port 0 and an empty database name are refused beside each field in Arabic, nothing tried or saved', async () => {
    const before = await auditCount(t);
    const env = await admin.call('store.saveConnection', { ...server(5432), host: 'db server', port: 0, database: ' ' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    const byField = Object.fromEntries((env.error.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField.host).toBe(ar.storeConnection.hostFormat);
    expect(byField.database).toBe(ar.messages.required);
    expect(isArabicText(byField.port)).toBe(true);
    expect(existsSync(join(t.dataDir, SAVED_STORE_FILE))).toBe(false);
    expect(await auditCount(t)).toBe(before);
  });
});

describe('store.testConnection: a server that does not answer', () => {
  it('nothing listening on the port: «الخادم لا يستقبل اتصالات على هذا المنفذ», the port named; the test is audited without the password', async () => {
    const before = await auditCount(t);
    const found = await admin.ok('store.testConnection', server(await freePort()));
    expect(found).toEqual({ usable: false, message: ar.storeConnection.refused, serverVersion: null, state: null, problem: 'port' });
    expect(await auditCount(t)).toBe(before + 1);
    const row = await t.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.operation).toBe('store.testConnection');
    expect(JSON.parse(row.after!)).toMatchObject({ host: '127.0.0.1', database: 'istiqbal', username: 'reception_desk', connectionResult: ar.storeConnection.refused });
    expect(await auditText()).not.toContain(SECRET);
  });

  it('a host name no server has: «لا يوجد خادم بهذا الاسم في الشبكة», the host named', async () => {
    const found = await admin.ok('store.testConnection', server(5432, { host: 'no-such-server.invalid' }));
    expect(found).toMatchObject({ usable: false, message: ar.storeConnection.unknownHost, problem: 'host' });
  });

  it('saving a server that does not answer is refused with the same words, beside its field; nothing is saved, the password is kept nowhere', async () => {
    const before = await auditCount(t);
    const env = await admin.call('store.saveConnection', server(await freePort()));
    expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.storeConnection.refused, issues: [{ path: ['port'], message: ar.storeConnection.refused }] } });
    expect(existsSync(join(t.dataDir, SAVED_STORE_FILE))).toBe(false);
    expect(existsSync(join(t.dataDir, 'test-pgpass'))).toBe(false);
    expect(await auditCount(t)).toBe(before);
    expect((await admin.ok('store.connection', {})).saved).toBeNull();
  });

  it('forgetting when nothing is saved changes nothing and records nothing', async () => {
    const before = await auditCount(t);
    const view = await admin.ok('store.forgetConnection', {});
    expect(view.saved).toBeNull();
    expect(view.restartNeeded).toBe(false);
    expect(await auditCount(t)).toBe(before);
  });

});
