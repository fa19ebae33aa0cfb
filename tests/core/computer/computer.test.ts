import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartWithSystem } from '../../../electron/core/computer/shell-facts';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, TEST_STORE, type TestCore } from '../../helpers/test-core';

/**
 * «حول البرنامج» and "start with Windows" (README "Installing"): facts and a setting of this computer, which the shell
 * hands the core. The record kept by the operating system is stood in for by what the Electron shell would
 * pass (electron/main/start-with-system.ts, tested in tests/electron/start-with-system.test.ts).
 */
class LoginItem implements StartWithSystem {
  on = false;
  refuse = false;
  enabled() {
    return this.on;
  }
  set(enabled: boolean) {
    if (!this.refuse) this.on = enabled;
  }
}

describe('in the desktop app', () => {
  let t: TestCore;
  let admin: SignedIn;
  let receptionist: SignedIn;
  const item = new LoginItem();

  beforeAll(async () => {
    t = await openTestCore({ shell: { kind: 'desktop', startWithSystem: item } });
    admin = await signedInAs(t, 'admin');
    receptionist = await signedInAs(t, 'receptionist');
  });
  afterAll(() => t.cleanup());

  it('«حول البرنامج» tells every signed-in user the version, the data folder and the store in use, never a password', async () => {
    const about = await receptionist.ok('computer.about', {});
    expect(about.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(about.dataDir).toBe(t.dataDir);
    expect(about.shell).toBe('desktop');
    if (TEST_STORE === 'sqlite') expect(about.store).toEqual({ engine: 'sqlite', file: t.storeFile });
    else {
      const url = new URL(t.storeArg);
      // Exactly these keys: the URL's user and password are not among them.
      expect(about.store).toEqual({ engine: 'postgres', host: url.hostname, port: Number(url.port), database: url.pathname.slice(1) });
      expect(url.password).not.toBe('');
    }
  });

  it('start with Windows: the administrator turns it on and off, each change recorded in the audit trail', async () => {
    expect(await admin.ok('computer.startWithSystem', {})).toEqual({ available: true, enabled: false });
    expect(await admin.ok('computer.setStartWithSystem', { startWithSystem: true })).toEqual({ available: true, enabled: true });
    expect(item.on).toBe(true);
    const row = await t.db
      .selectFrom('audit')
      .select(['operation', 'entity', 'before', 'after', 'user_id'])
      .where('operation', '=', 'computer.setStartWithSystem')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ entity: 'computer', user_id: admin.user.id });
    expect(JSON.parse(row.before!)).toEqual({ startWithSystem: false });
    expect(JSON.parse(row.after!)).toEqual({ startWithSystem: true });
    expect(await admin.ok('computer.setStartWithSystem', { startWithSystem: false })).toEqual({ available: true, enabled: false });
    expect(item.on).toBe(false);
  });

  it('asking for what is already so changes nothing and records nothing (a double press)', async () => {
    const before = await auditCount(t);
    expect(await admin.ok('computer.setStartWithSystem', { startWithSystem: false })).toEqual({ available: true, enabled: false });
    expect(await auditCount(t)).toBe(before);
  });

  it('the screen shows what the system kept, not what was asked, when Windows does not take it', async () => {
    item.refuse = true;
    try {
      expect(await admin.ok('computer.setStartWithSystem', { startWithSystem: true })).toEqual({ available: true, enabled: false });
    } finally {
      item.refuse = false;
    }
  });

  it('only an administrator sees or changes it: a receptionist is refused in Arabic and nothing changes', async () => {
    for (const [operation, input] of [
      ['computer.startWithSystem', {}],
      ['computer.setStartWithSystem', { startWithSystem: true }],
    ] as const) {
      const refused = await receptionist.call(operation, input);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('forbidden');
        expect(refused.error.message).toMatch(/[\u0600-\u06FF]/);
      }
    }
    expect(item.on).toBe(false);
  });

  it('bad input is refused in Arabic, naming the field, and nothing changes', async () => {
    const refused = await admin.call('computer.setStartWithSystem', { startWithSystem: 'yes' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('validation');
      expect(refused.error.issues?.[0]?.path).toEqual(['startWithSystem']);
      expect(refused.error.issues?.[0]?.message).toMatch(/[\u0600-\u06FF]/);
    }
    expect(item.on).toBe(false);
  });
});

describe('through the loopback shell (a browser)', () => {
  let t: TestCore;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await openTestCore();
    admin = await signedInAs(t, 'admin');
  });
  afterAll(() => t.cleanup());

  it('start with Windows is not offered, and setting it is refused in Arabic with nothing recorded', async () => {
    expect(await admin.ok('computer.startWithSystem', {})).toEqual({ available: false, enabled: false });
    expect((await admin.ok('computer.about', {})).shell).toBe('browser');
    const before = await auditCount(t);
    const refused = await admin.call('computer.setStartWithSystem', { startWithSystem: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('يُضبط هذا من تطبيق سطح المكتب المثبّت على ويندوز في جهاز الاستقبال نفسه، لا من المتصفح.');
    expect(await auditCount(t)).toBe(before);
  });
});
