import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { InputOf } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { createCore, storeToOpen, type Core } from '../../../../electron/core/core';
import type { PasswordSeal } from '../../../../electron/core/store/connection/password-keeper';
import { SAVED_STORE_FILE } from '../../../../electron/core/store/connection/saved-store';
import { beneficiaryInput } from '../../../helpers/fixtures';
import { startTestCluster, type TestCluster } from '../../../helpers/postgres/cluster';
import { adminQuery, databaseOf, withDatabase } from '../../../helpers/postgres/databases';
import { signedInAs, type SignedIn } from '../../../helpers/sessions';
import { makeTempDir, openTestCore, TEST_PASSWORD_COST, type TestCore } from '../../../helpers/test-core';

/**
 * «اختبار الاتصال» and «حفظ» on the settings screen against real PostgreSQL servers — the
 * run's server, and one of this file's own that takes only encrypted connections — from a desk that
 * still runs on its own SQLite store (an association moving to a shared server) and from one on
 * PostgreSQL. Then the saved choice opens the store at the desk's next start.
 */
const run = `${process.pid}_${Date.now().toString(36)}`;
const ROLE = `istiqbal_desk_${run}`;
const ROLE_PASSWORD = 'kalimat-sirr-lil-khadim';

let admin: URL;
let cluster: TestCluster;
let tlsOnly: URL;
let sqliteDesk: Core & { dir: string };
let onSqlite: SignedIn;
let pgDesk: TestCore;
let onPostgres: SignedIn;
const extraDatabases: string[] = [];
const opened: Core[] = [];

/** The README's own statements ("Several desks"): a login role and a database it owns. */
const README_SQL = (role: string, password: string, database: string) => [
  `CREATE ROLE ${role} LOGIN PASSWORD '${password}'`,
  `CREATE DATABASE ${database} OWNER ${role} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`,
];

async function newDatabase(suffix: string): Promise<string> {
  const name = `istiqbal_conn_${run}_${suffix}`;
  extraDatabases.push(name);
  await adminQuery(admin.toString(), `CREATE DATABASE ${name}`);
  return name;
}

/** The run's server as the settings screen names it, as its administrator. */
function asAdmin(database: string, changes: Partial<InputOf<'store.testConnection'>> = {}): InputOf<'store.testConnection'> {
  return {
    host: admin.hostname,
    port: Number(admin.port),
    database,
    username: decodeURIComponent(admin.username),
    password: decodeURIComponent(admin.password),
    tls: false,
    ...changes,
  };
}

/** A stand-in for Electron's safeStorage (the desktop shell hands the core such a pair): AES-GCM under a key of this run. */
function testSeal(): PasswordSeal {
  const key = randomBytes(32);
  return {
    seal(password) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

async function sqliteCore(options: { seal?: PasswordSeal } = {}): Promise<Core & { dir: string }> {
  const dir = makeTempDir('istiqbal-conn-');
  const core = await createCore({ dataDir: dir, store: { kind: 'sqlite' }, passwordCost: TEST_PASSWORD_COST, passwordFile: join(dir, 'pgpass'), passwordSeal: options.seal, probeTimeoutMs: 3_000 });
  opened.push(core);
  return Object.assign(core, { dir });
}

beforeAll(async () => {
  admin = new URL(inject('pgAdminUrl'));
  // A server of this file's own: TLS on, and every unencrypted connection refused by its pg_hba.conf.
  cluster = await startTestCluster({ tls: true, hba: ['hostnossl all all all reject'] });
  tlsOnly = new URL(cluster.url);
  sqliteDesk = await sqliteCore();
  onSqlite = await signedInAs(sqliteDesk, 'admin');
  pgDesk = await openTestCore({ now: '2025-03-10T06:00:00Z', probeTimeoutMs: 3_000 });
  onPostgres = await signedInAs(pgDesk, 'admin');
}, 120_000);

afterAll(async () => {
  for (const core of opened.reverse()) await core.close();
  await pgDesk?.cleanup();
  for (const name of extraDatabases) await adminQuery(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(admin.toString(), `DROP ROLE IF EXISTS ${ROLE}`);
  await adminQuery(admin.toString(), `DROP ROLE IF EXISTS ${ROLE}_guest`);
  await cluster?.stop();
  for (const core of opened) rmSync((core as Core & { dir?: string }).dir ?? core.dataDir, { recursive: true, force: true });
});

describe('«اختبار الاتصال»: what the database holds', () => {
  it('an empty database: usable, the server\'s version named, «قاعدة البيانات فارغة»', async () => {
    const found = await onSqlite.ok('store.testConnection', asAdmin(await newDatabase('empty')));
    expect(found).toMatchObject({ usable: true, state: 'empty', problem: null });
    expect(found.serverVersion).toMatch(/^\d+(\.\d+)?/);
    expect(Number(found.serverVersion!.split('.')[0])).toBeGreaterThanOrEqual(13);
    expect(found.message).toContain('قاعدة البيانات فارغة');
    expect(found.message).toContain(found.serverVersion!);
  });

  it('an Istiqbal store already in use: usable, naming its association and how many people and visits it holds', async () => {
    await onPostgres.ok('settings.update', { associationName: 'جمعية الوفاء الخيرية' });
    await onPostgres.ok('beneficiaries.register', beneficiaryInput(41));
    const found = await onSqlite.ok('store.testConnection', asAdmin(databaseOf(pgDesk.storeArg)));
    expect(found).toMatchObject({ usable: true, state: 'istiqbal', problem: null });
    expect(found.message).toContain('«جمعية الوفاء الخيرية»');
    expect(found.message).toContain(`${(1).toLocaleString('ar-SA')} مستفيد`);
  });

  it('a database with another program\'s tables: not usable, «جداول لا تخص برنامج استقبال»; saving it is refused and saves nothing', async () => {
    const name = await newDatabase('other');
    await adminQuery(withDatabase(admin.toString(), name), 'CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)');
    const found = await onSqlite.ok('store.testConnection', asAdmin(name));
    expect(found).toMatchObject({ usable: false, state: 'other', message: ar.storeConnection.foundOther });
    const env = await onSqlite.call('store.saveConnection', asAdmin(name));
    expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.storeConnection.foundOther } });
    expect(existsSync(join(sqliteDesk.dir, SAVED_STORE_FILE))).toBe(false);
  });

  it('an empty database its user may not create tables in: not usable, said so', async () => {
    const name = await newDatabase('nocreate');
    await adminQuery(admin.toString(), `CREATE ROLE ${ROLE}_guest LOGIN PASSWORD '${ROLE_PASSWORD}'`);
    // As PostgreSQL 15 and later have it (and older servers after this REVOKE): only the owner creates in public.
    await adminQuery(withDatabase(admin.toString(), name), 'REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    const found = await onSqlite.ok('store.testConnection', asAdmin(name, { username: `${ROLE}_guest`, password: ROLE_PASSWORD }));
    expect(found).toMatchObject({ usable: false, state: 'no-create', message: ar.storeConnection.foundNoCreate });
  });
});

describe('«اختبار الاتصال»: why the server said no, in Arabic, with the field to look at', () => {
  it('a wrong password: «اسم المستخدم أو كلمة المرور غير صحيحة»', async () => {
    const found = await onSqlite.ok('store.testConnection', asAdmin('postgres', { password: 'not-the-password' }));
    expect(found).toEqual({ usable: false, message: ar.storeConnection.wrongPassword, serverVersion: null, state: null, problem: 'password' });
  });

  it('a database the server does not have: «لا توجد على الخادم قاعدة بيانات بهذا الاسم»', async () => {
    const found = await onSqlite.ok('store.testConnection', asAdmin(`no_such_database_${run}`));
    expect(found).toMatchObject({ usable: false, message: ar.storeConnection.wrongDatabase, problem: 'database' });
  });

  it('an encrypted connection asked of a server without TLS: «الخادم لا يدعم الاتصال المشفّر»', async () => {
    const found = await onSqlite.ok('store.testConnection', asAdmin('postgres', { tls: true }));
    expect(found).toMatchObject({ usable: false, message: ar.storeConnection.tlsUnsupported, problem: 'tls' });
  });

  it('a server that takes only encrypted connections: refused without TLS («فعّل اتصال مشفّر»), answered with it', async () => {
    const server = { host: tlsOnly.hostname, port: Number(tlsOnly.port), database: 'postgres', username: 'postgres', password: decodeURIComponent(tlsOnly.password) };
    const plain = await onSqlite.ok('store.testConnection', { ...server, tls: false });
    expect(plain).toMatchObject({ usable: false, message: ar.storeConnection.tlsRequired, problem: 'tls' });
    const encrypted = await onSqlite.ok('store.testConnection', { ...server, tls: true });
    expect(encrypted).toMatchObject({ usable: true, state: 'empty' });
  });

  it('no answer names the password anywhere: not in the answer, not in the audit trail', async () => {
    const rows = await sqliteDesk.store.db.selectFrom('audit').select(['operation', 'after']).where('operation', '=', 'store.testConnection').execute();
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const text = rows.map((r) => r.after ?? '').join('\n');
    for (const secret of [decodeURIComponent(admin.password), ROLE_PASSWORD, 'not-the-password', decodeURIComponent(tlsOnly.password)]) expect(text).not.toContain(secret);
  });
});

describe('«حفظ»: this PC opens the server at its next start', () => {
  it('the README\'s role and database: tested, saved for this PC with a restart asked for; the password in the user-only password file, not in the data folder', async () => {
    const database = `istiqbal_readme_${run}`;
    extraDatabases.push(database);
    for (const statement of README_SQL(ROLE, ROLE_PASSWORD, database)) await adminQuery(admin.toString(), statement);
    const server = asAdmin(database, { username: ROLE, password: ROLE_PASSWORD });

    expect(await onSqlite.ok('store.testConnection', server)).toMatchObject({ usable: true, state: 'empty' });
    const view = await onSqlite.ok('store.saveConnection', server);
    expect(view).toMatchObject({
      current: { kind: 'sqlite', source: 'default', server: null },
      saved: { host: server.host, port: server.port, database, username: ROLE, tls: false, passwordKept: true },
      restartNeeded: true,
      overridden: false,
    });

    const savedFile = join(sqliteDesk.dir, SAVED_STORE_FILE);
    const passwordFile = join(sqliteDesk.dir, 'pgpass');
    expect(statSync(savedFile).mode & 0o777).toBe(0o600);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(savedFile, 'utf8')).not.toContain(ROLE_PASSWORD);
    expect(readFileSync(passwordFile, 'utf8')).toBe(`${server.host}:${server.port}:${database}:${ROLE}:${ROLE_PASSWORD}\n`);
    const audit = await sqliteDesk.store.db.selectFrom('audit').selectAll().where('operation', '=', 'store.saveConnection').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toEqual({ host: server.host, port: server.port, database, username: ROLE, tls: false });
    expect(`${audit.before} ${audit.after}`).not.toContain(ROLE_PASSWORD);
  });

  it('the next start opens it (--store and ISTIQBAL_STORE still come first), the tables made by the owner role, and the screen says the saved choice is what runs', async () => {
    const passwordFile = join(sqliteDesk.dir, 'pgpass');
    expect(storeToOpen({ flag: 'sqlite', env: admin.toString(), dataDir: sqliteDesk.dir, passwordFile })).toEqual({ choice: { kind: 'sqlite' }, source: 'flag' });
    expect(storeToOpen({ env: admin.toString(), dataDir: sqliteDesk.dir, passwordFile })).toEqual({ choice: { kind: 'postgres', url: admin.toString() }, source: 'environment' });
    const start = storeToOpen({ dataDir: sqliteDesk.dir, passwordFile });
    expect(start.source).toBe('saved');
    expect(start.choice.kind).toBe('postgres');

    const next = await createCore({ dataDir: makeTempDir('istiqbal-next-'), store: start.choice, storeSource: start.source, passwordCost: TEST_PASSWORD_COST, passwordFile });
    opened.push(next);
    expect(next.store.kind).toBe('postgres');
    const there = await signedInAs(next, 'admin');
    const view = await there.ok('store.connection', {});
    expect(view.current).toMatchObject({ kind: 'postgres', source: 'saved', server: { database: `istiqbal_readme_${run}`, username: ROLE } });
    // Its data folder is another: nothing saved there (this is how a second PC starts, with --store or its own saved choice).
    expect(view.saved).toBeNull();
    // The first start made the tables, as the owner role the README creates (no superuser needed).
    const { rows } = await sql<{ owner: string }>`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'visits'`.execute(next.store.db);
    expect(rows).toEqual([{ owner: ROLE }]);
  });

  it('saving again without typing the password uses the one this PC keeps for the same server and user', async () => {
    const view = await onSqlite.ok('store.saveConnection', asAdmin(`istiqbal_readme_${run}`, { username: ROLE, password: undefined }));
    expect(view.saved).toMatchObject({ username: ROLE, passwordKept: true });
    expect(readFileSync(join(sqliteDesk.dir, 'pgpass'), 'utf8')).toContain(ROLE_PASSWORD);
  });

  it('«العودة إلى قاعدة هذا الجهاز» forgets the server and its password line, audited; the desk still runs on SQLite and needs no restart', async () => {
    const view = await onSqlite.ok('store.forgetConnection', {});
    expect(view).toMatchObject({ current: { kind: 'sqlite' }, saved: null, restartNeeded: false });
    expect(existsSync(join(sqliteDesk.dir, SAVED_STORE_FILE))).toBe(false);
    expect(readFileSync(join(sqliteDesk.dir, 'pgpass'), 'utf8')).not.toContain(ROLE_PASSWORD);
    expect(storeToOpen({ dataDir: sqliteDesk.dir, passwordFile: join(sqliteDesk.dir, 'pgpass') })).toEqual({ choice: { kind: 'sqlite' }, source: 'default' });
    const audit = await sqliteDesk.store.db.selectFrom('audit').selectAll().where('operation', '=', 'store.forgetConnection').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toMatchObject({ database: `istiqbal_readme_${run}`, username: ROLE });
  });

  it('in the desktop shell the password is sealed by the system\'s keychain: only sealed bytes in the data folder, no password file, and it opens only with that seal', async () => {
    const seal = testSeal();
    const desk = await sqliteCore({ seal });
    const signedIn = await signedInAs(desk, 'admin');
    await signedIn.ok('store.saveConnection', asAdmin(`istiqbal_readme_${run}`, { username: ROLE, password: ROLE_PASSWORD }));
    const saved = JSON.parse(readFileSync(join(desk.dir, SAVED_STORE_FILE), 'utf8')) as { password: { keptIn: string; sealed: string } };
    expect(saved.password.keptIn).toBe('seal');
    expect(JSON.stringify(saved)).not.toContain(ROLE_PASSWORD);
    expect(existsSync(join(desk.dir, 'pgpass'))).toBe(false);

    const withSeal = storeToOpen({ dataDir: desk.dir, seal, passwordFile: join(desk.dir, 'pgpass') });
    expect(withSeal.choice.kind === 'postgres' && new URL(withSeal.choice.url).password).toBe(ROLE_PASSWORD);
    // Another user's keychain (or none) cannot open it: the desk then starts without the password.
    const withoutSeal = storeToOpen({ dataDir: desk.dir, passwordFile: join(desk.dir, 'pgpass') });
    expect(withoutSeal.choice.kind === 'postgres' && new URL(withoutSeal.choice.url).password).toBe('');
  });
});

describe('a desk already on PostgreSQL', () => {
  it('its own server, tested with the password left empty, answers with the password of the store open now', async () => {
    const found = await onPostgres.ok('store.testConnection', asAdmin(databaseOf(pgDesk.storeArg), { password: undefined }));
    expect(found).toMatchObject({ usable: true, state: 'istiqbal' });
  });
});
