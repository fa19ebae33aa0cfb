import pg from 'pg';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueView, RequestView } from '@shared/contract';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { createCore, type Core } from '../../../../electron/core/core';
import { startWithDemo } from '../../../../electron/core/demo/start-with-demo';
import { DEMO_PASSWORD } from '../../../../electron/core/demo/seed-demo';
import { keepPrintedCopy } from '../../../../electron/core/printing/printed-copies';
import { moveStoreToPostgres } from '../../../../electron/core/store/move-to-postgres/move-store';
import { openPostgresStore } from '../../../../electron/core/store/postgres/open-postgres-store';
import { RowChecksum } from '../../../../electron/core/store/move-to-postgres/row-checksum';
import { spawnTs, type TsChild } from '../../../helpers/child-process';
import { createClock } from '../../../helpers/clock';
import { beneficiaryInput, isArabicText, walkInInput } from '../../../helpers/fixtures';
import { SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../../../helpers/sample-files';
import { adminRows } from '../../../helpers/postgres/databases';
import { anonymous, signedInAs } from '../../../helpers/sessions';
import { emptyTestDatabase, makeTempDir, TEST_PASSWORD_COST } from '../../../helpers/test-core';

/**
 * A desk's SQLite store moves to PostgreSQL (docs/architecture.md#the-two-stores) — `npm run store:migrate -- --from DIR --to URL`,
 * or store.migrateTo from the settings screen — into an empty database only, in one pass with its
 * progress, and is checked before it is kept: every table's rows (a count and a checksum computed the
 * same way on both sides), every file's SHA-256. A move cut off (SIGKILL) leaves no row behind, and
 * running it again finishes. The store moved is the demo's (120 files, today's hall, requests in every
 * state) with scans, a reference PDF and a printed copy.
 */
const clock = createClock('2025-03-10T07:30:00Z');
const cores: Core[] = [];
const folders: string[] = [];
let source: string;
/** What the desk showed before the move, to hold the moved store to. */
let before: {
  search: Record<string, number[]>;
  request: RequestView;
  scan: { attachmentId: number; bytes: Buffer };
  queue: QueueView;
  nextTicket: string;
  audit: unknown[];
  ids: Record<string, number>;
};

async function openCore(dataDir: string, store: { kind: 'sqlite' } | { kind: 'postgres'; url: string }): Promise<Core> {
  const core = await createCore({ dataDir, store, now: clock.now, passwordCost: TEST_PASSWORD_COST, log: (error, op) => console.error(op, error) });
  cores.push(core);
  return core;
}
const folder = (prefix: string) => {
  const dir = makeTempDir(prefix);
  folders.push(dir);
  return dir;
};
async function closeCore(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}
/** A demo account signed in at desk 1 (their password is the demo's). */
async function demoUser(core: Core, username: string) {
  const session = anonymous(core);
  await session.ok('auth.signIn', { username, password: DEMO_PASSWORD, deskId: 1 });
  return session;
}
const QUERIES = ['محمد', 'عبدالله القحطاني', 'نورة'];

beforeAll(async () => {
  source = folder('istiqbal-move-source-');
  const core = await openCore(source, { kind: 'sqlite' });
  expect((await startWithDemo(core, clock.now())).filled).toBe(true);
  const desk = await demoUser(core, 'reception1');
  const admin = await demoUser(core, 'admin');
  const requests = await core.store.db.selectFrom('requests').select('id').orderBy('id').limit(2).execute();
  const national = await core.store.db.selectFrom('document_types').select('id').where('code', '=', 'national_id').executeTakeFirstOrThrow();
  const scan = Buffer.concat([SAMPLE_PNG, Buffer.from('هوية مستفيد')]);
  const attached = await desk.ok('requests.attach', { requestId: requests[0]!.id, purpose: 'document', documentTypeId: national.id, fileName: 'هوية.png', dataBase64: scan.toString('base64') });
  await desk.ok('requests.attach', { requestId: requests[1]!.id, purpose: 'declaration', fileName: 'إقرار.jpg', dataBase64: SAMPLE_JPEG.toString('base64') });
  // The same scan on a second request: one content in PostgreSQL, two names.
  await desk.ok('requests.attach', { requestId: requests[1]!.id, purpose: 'document', documentTypeId: national.id, fileName: 'هوية.png', dataBase64: scan.toString('base64') });
  await admin.ok('documents.replaceReference', { shelf: 'T2', pdfBase64: (await samplePdf(2)).toString('base64') });
  await keepPrintedCopy(core, 'receipt-1446-00001.pdf', await samplePdf()).then((c) => c.local.release());

  const search: Record<string, number[]> = {};
  for (const text of QUERIES) search[text] = (await desk.ok('beneficiaries.search', { text })).map((h) => h.id);
  const today = (await desk.ok('visits.queue', {})) as QueueView;
  const seqs = await core.store.db.selectFrom('visits').select('seq').where('day', '=', today.day).where('desk_id', '=', 1).execute();
  before = {
    search,
    request: await desk.ok('requests.get', { requestId: requests[0]!.id }),
    scan: { attachmentId: attached.id, bytes: scan },
    queue: today,
    nextTicket: `A-${String(Math.max(0, ...seqs.map((s) => s.seq)) + 1).padStart(3, '0')}`,
    audit: await core.store.db.selectFrom('audit').selectAll().orderBy('id').execute(),
    ids: {
      beneficiaries: (await core.store.db.selectFrom('beneficiaries').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number,
    },
  };
  expect(Object.values(search).every((ids) => ids.length > 0), JSON.stringify(search)).toBe(true);
  expect(today.visits.length).toBeGreaterThan(10);
  // The desk is closed, as the command asks.
  await closeCore(core);
}, 120_000);

afterAll(async () => {
  for (const core of cores.splice(0).reverse()) await core.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Runs a child to its end: every line it printed, and how it ended. */
async function toTheEnd(child: TsChild): Promise<{ lines: string[]; code: number | null; stderr: string }> {
  const lines: string[] = [];
  for (;;) {
    try {
      lines.push(await child.nextLine(120_000));
    } catch {
      break;
    }
  }
  const { code } = await child.exited;
  return { lines, code, stderr: child.stderr() };
}
const migrateCommand = (from: string, to: string) => toTheEnd(spawnTs('store-migrate-command.ts', ['--from', from, '--to', to]));

/** Rows of the tables a user would notice, through the store's own connection. */
async function counts(core: Core) {
  const n = async (table: 'users' | 'beneficiaries' | 'visits' | 'requests' | 'audit' | 'attachments') =>
    Number((await core.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { users: await n('users'), beneficiaries: await n('beneficiaries'), visits: await n('visits'), requests: await n('requests'), audit: await n('audit'), attachments: await n('attachments') };
}
const rowsOn = async (url: string, table: string) => Number((await adminRows(url, `SELECT count(*) FROM ${table}`))[0]);

describe('the move: npm run store:migrate', () => {
  let url: string;

  it('moves the demo store with its scans into an empty database, printing each table\'s progress and what it verified', async () => {
    url = await emptyTestDatabase();
    const run = await migrateCommand(source, url);
    expect(run.code, run.stderr).toBe(0);
    // Progress: a line per table as it goes (rows done of all), then the files, then the check.
    expect(run.lines.some((l) => /tables: beneficiaries 0\/\d+/.test(l))).toBe(true);
    expect(run.lines.some((l) => /tables: beneficiaries (\d+)\/\1 /.test(l))).toBe(true);
    expect(run.lines.some((l) => /tables: audit \d+\/\d+/.test(l))).toBe(true);
    expect(run.lines.some((l) => /files: files 5\/5/.test(l))).toBe(true);
    expect(run.lines.some((l) => /verify: visits (\d+)\/\1 /.test(l))).toBe(true);
    // The verification: every table with its rows and its checksum, every file.
    for (const table of ['beneficiaries', 'visits', 'requests', 'attachments', 'audit', 'settings', 'request_documents']) {
      expect(run.lines.some((l) => new RegExp(`^✓ ${table}: \\d+ rows, sha256 [0-9a-f]{64}$`).test(l)), table).toBe(true);
    }
    expect(run.lines.some((l) => /^✓ files: 5 \(\d+ bytes\), every SHA-256 the same$/.test(l))).toBe(true);
    expect(run.lines.at(-1)).toContain('moved and verified');
    expect(run.lines.join('\n')).not.toContain('istiqbal-test@');
  });

  it('a core opened on the database finds what the desk had: the name search, a request with its scan, today\'s hall, the audit trail; the next ticket and file number continue', async () => {
    const moved = await openCore(folder('istiqbal-moved-desk-'), { kind: 'postgres', url });
    const desk = await demoUser(moved, 'reception1');
    for (const text of QUERIES) expect((await desk.ok('beneficiaries.search', { text })).map((h) => h.id), text).toEqual(before.search[text]);
    expect(await desk.ok('requests.get', { requestId: before.request.id })).toEqual(before.request);
    const scan = await desk.ok('requests.attachment', { attachmentId: before.scan.attachmentId });
    expect(Buffer.from(scan.dataBase64, 'base64').equals(before.scan.bytes)).toBe(true);
    expect(await desk.ok('visits.queue', {})).toEqual(before.queue);
    expect(Buffer.from((await desk.ok('documents.reference', { shelf: 'T2' })).pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // The audit trail: every row as it was, then the move itself, by the command (then this sign-in).
    const trail = await moved.store.db.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(trail.slice(0, before.audit.length)).toEqual(before.audit);
    const move = trail[before.audit.length]!;
    expect(move).toMatchObject({ id: (before.audit.at(-1) as { id: number }).id + 1, operation: 'store.migrateTo', kind: 'change', entity: 'store', user_id: null });
    expect(JSON.parse(move.after!)).toMatchObject({ from: source, files: 5, by: { command: true } });
    const admin = await demoUser(moved, 'admin');
    expect((await admin.ok('audit.list', { limit: 1 })).rows[0]).toMatchObject({ operation: 'store.migrateTo' });

    const ticket = await desk.ok('visits.checkIn', walkInInput('زائر بعد النقل الحربي'));
    expect(ticket.ticket).toBe(before.nextTicket);
    // A serial the demo's 120 files do not use: its own national ID and mobile.
    const registered = await desk.ok('beneficiaries.register', beneficiaryInput(97_531, ['سالم', 'علي', 'حمد', 'الدوسري']));
    expect(registered.id).toBe(before.ids.beneficiaries! + 1);
    // The new visitor is found first, as on the desk's store (P2).
    expect((await desk.ok('beneficiaries.search', { text: 'سالم الدوسري' }))[0]!.id).toBe(registered.id);
    // A person the desk had seen before checks in: ranked above every rank the move copied, so found first among the moved.
    const [, regular] = before.search[QUERIES[0]!]!;
    await desk.ok('visits.checkIn', { beneficiaryId: regular!, reason: 'follow_up', again: true });
    expect((await desk.ok('beneficiaries.search', { text: QUERIES[0]! })).map((h) => h.id)[0]).toBe(regular);
    await closeCore(moved);
  });

  it('refuses a database that already has data, in Arabic, and changes nothing in it', async () => {
    const audit = await rowsOn(url, 'audit');
    const run = await migrateCommand(source, url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(ar.storeMove.notEmpty);
    expect(isArabicText(ar.storeMove.notEmpty.replace('PostgreSQL', ''))).toBe(true);
    expect(await rowsOn(url, 'audit')).toBe(audit);
  });

  it('refuses a database of another program, and an address that is no database\'s', async () => {
    const other = await emptyTestDatabase();
    await adminRows(other, 'CREATE TABLE invoices (id integer PRIMARY KEY)');
    const run = await migrateCommand(source, other);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(ar.storeMove.notEmpty);
    expect(await adminRows(other, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual(['invoices']);

    const usage = await migrateCommand(source, 'mysql://somewhere/db');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain(ar.storeMove.badUrl);
  });

  it('refuses while another desk\'s process has the store open, touching neither the store nor the database', async () => {
    const desk = await openCore(source, { kind: 'sqlite' });
    const target = await emptyTestDatabase();
    const refused = await moveStoreToPostgres({ dataDir: source, url: target, mode: 'closed', by: { command: true, osUser: 'test' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'conflict', message: ar.storeMove.sourceInUse });
    expect(await adminRows(target, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).toEqual(['0']);
    expect(await counts(desk)).toMatchObject({ beneficiaries: before.ids.beneficiaries, audit: before.audit.length });
    await closeCore(desk);
  });
});

describe('the move: a database another connection is writing to', () => {
  it('refuses as busy, in Arabic, while another connection holds rows of the database in an open transaction, keeping nothing; once let go, the move goes through', async () => {
    const target = await emptyTestDatabase();
    // The program's tables made once (a desk opened on it), then an administrator's transaction left open on one of them.
    await (await openPostgresStore({ url: target })).close();
    const other = new pg.Client({ connectionString: target });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('UPDATE desks SET name = name WHERE id = 1');
      const refused = await moveStoreToPostgres({ dataDir: source, url: target, mode: 'closed', by: { command: true, osUser: 'test' }, lockWaitMs: 300 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'conflict', message: ar.storeMove.targetBusy });
      expect(isArabicText(ar.storeMove.targetBusy)).toBe(true);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
    expect(await adminRows(target, 'SELECT count(*) FROM beneficiaries')).toEqual(['0']);
    const moved = await moveStoreToPostgres({ dataDir: source, url: target, mode: 'closed', by: { command: true, osUser: 'test' }, lockWaitMs: 300 });
    expect(moved.files).toBeGreaterThan(0);
    expect(await adminRows(target, 'SELECT count(*) FROM beneficiaries')).toEqual([String(before.ids.beneficiaries)]);
  });
});

describe('the move: a move cut off is started over', () => {
  it('killed with SIGKILL in the middle of the visits, it leaves no row in the database; run again, it finishes and verifies', async () => {
    const url = await emptyTestDatabase();
    const held = spawnTs('store-move-held.ts', [source, url, 'visits']);
    expect(await held.nextLine(60_000)).toBe('held');
    // Mid-way: its transaction holds the rows it copied, unseen by anyone else.
    const moving = await adminRows(url, "SELECT state FROM pg_stat_activity WHERE application_name = 'istiqbal-store-move' AND xact_start IS NOT NULL");
    expect(moving.length).toBe(1);
    expect(await rowsOn(url, 'users')).toBe(0);
    held.child.kill('SIGKILL');
    expect((await held.exited).signal).toBe('SIGKILL');
    // The server rolled it back: the tables are there (made before the copy), with nothing in them.
    expect(await rowsOn(url, 'beneficiaries')).toBe(0);
    expect(await rowsOn(url, 'stored_files')).toBe(0);

    const run = await migrateCommand(source, url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines.at(-1)).toContain('moved and verified');
    expect(await rowsOn(url, 'beneficiaries')).toBe(before.ids.beneficiaries);
    expect(await rowsOn(url, 'stored_files')).toBe(5);
    // Five files, four contents: the scan attached to two requests is kept once.
    expect(await rowsOn(url, 'file_contents')).toBe(4);
  });
});

describe('the move checks what arrived', () => {
  it('a scan damaged in the data folder stops the move before anything is kept, naming it', async () => {
    const damaged = folder('istiqbal-move-damaged-');
    cpSync(source, damaged, { recursive: true });
    const core = await openCore(damaged, { kind: 'sqlite' });
    const row = await core.store.db.selectFrom('attachments').select(['stored_name']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await closeCore(core);
    const file = join(damaged, 'attachments', row.stored_name);
    const bytes = readFileSync(file);
    bytes[20] = (bytes[20]! + 1) % 256;
    writeFileSync(file, bytes);

    const url = await emptyTestDatabase();
    const refused = await moveStoreToPostgres({ dataDir: damaged, url, mode: 'closed', by: { command: true, osUser: 'test' } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation' });
    expect((refused as AppError).message).toContain(`attachments/${row.stored_name.split(/[\\/]/).join('/')}`);
    expect((refused as AppError).message.startsWith(ar.storeMove.filesDamaged.split('{')[0]!)).toBe(true);
    expect(await rowsOn(url, 'users')).toBe(0);
    expect(await rowsOn(url, 'stored_files')).toBe(0);
  });

  it('the checksum is the same for the same rows as either store reads them, and differs for any change', () => {
    const sum = (rows: unknown[][]) => {
      const c = new RowChecksum();
      for (const r of rows) c.add(r);
      return c.digest();
    };
    // SQLite reads a flag as 1, PostgreSQL (its pool) as 1 too; a bigint as a number.
    expect(sum([[1, 'محمد', null, 1, 2.5]])).toBe(sum([[1, 'محمد', null, true, 2.5]]));
    expect(sum([[1, 'محمد', null, 1, 2.5]])).not.toBe(sum([[1, 'محمد', null, 0, 2.5]]));
    expect(sum([[1, 'محمد', null, 1, 2.5]])).not.toBe(sum([[1, 'محمد ', null, 1, 2.5]]));
    expect(sum([[1, 'a'], [2, 'b']])).not.toBe(sum([[2, 'b'], [1, 'a']]));
  });
});

describe('the move: the same from the settings screen (store.migrateTo)', () => {
  it('an administrator moves the desk\'s own store in the background: its changes wait meanwhile, the move is in both trails, never the password', async () => {
    const dir = folder('istiqbal-move-desk-');
    const desk = await openCore(dir, { kind: 'sqlite' });
    const admin = await signedInAs(desk, 'admin');
    const reception = await signedInAs(desk, 'receptionist');
    await reception.ok('visits.checkIn', walkInInput('زائر قبل النقل الشمري'));
    const url = await emptyTestDatabase();
    const password = new URL(url).password;
    expect(password.length).toBeGreaterThan(0);

    const forbidden = await reception.call('store.migrateTo', { url, confirmed: true });
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden');
    const bad = await admin.call('store.migrateTo', { url: 'http://example.org/x', confirmed: true });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'validation', issues: [{ path: ['url'], message: ar.storeMove.badUrl }] });
    const unasked = await admin.call('store.migrateTo', { url });
    expect(!unasked.ok && unasked.error.code).toBe('validation');

    const started = await admin.ok('store.migrateTo', { url, confirmed: true });
    expect(started.storeKind).toBe('sqlite');
    expect(started.job).toMatchObject({ phase: 'starting', fraction: 0 });
    expect(started.job!.target).not.toContain(password);
    // Meanwhile the desk's changes are refused, saying why; nothing is written.
    const during = await reception.call('visits.checkIn', walkInInput('زائر أثناء النقل الشمري'));
    expect(during).toEqual({ ok: false, error: { code: 'busy', message: ar.storeMove.writesPaused } });
    const again = await admin.call('store.migrateTo', { url, confirmed: true });
    expect(!again.ok && again.error.code).toBe('busy');

    await desk.storeMove.idle();
    const status = await admin.ok('store.migrationStatus', {});
    expect(status.job).toBeNull();
    expect(status.last, status.last?.message).toMatchObject({ ok: true });
    expect(isArabicText(status.last!.message.replace('PostgreSQL', ''))).toBe(true);
    // The desk works again, on its own store.
    await reception.ok('visits.checkIn', walkInInput('زائر بعد النقل الشمري'));

    const moved = await openCore(folder('istiqbal-moved-from-screen-'), { kind: 'postgres', url });
    const names = async (core: Core) => (await core.store.db.selectFrom('visits').select('visitor_name').orderBy('id').execute()).map((v) => v.visitor_name);
    expect(await names(moved)).toEqual(['زائر قبل النقل الشمري']);
    // Who asked is in the moved trail (recorded before the copy), and how it ended in both.
    const operations = async (core: Core) =>
      await core.store.db.selectFrom('audit').select(['operation', 'user_id', 'after']).where('operation', '=', 'store.migrateTo').where('kind', '=', 'change').orderBy('id').execute();
    const onPostgres = await operations(moved);
    expect(onPostgres.map((r) => r.user_id)).toEqual([admin.user.id, admin.user.id]);
    expect(JSON.parse(onPostgres[1]!.after!)).toMatchObject({ by: { userId: admin.user.id } });
    const onSqlite = await operations(desk);
    expect(onSqlite.map((r) => JSON.parse(r.after!))).toEqual([{ moveStarted: expect.stringContaining('****') }, expect.objectContaining({ moved: true })]);
    const everything = JSON.stringify([...(await desk.store.db.selectFrom('audit').selectAll().execute()), ...(await moved.store.db.selectFrom('audit').selectAll().execute())]);
    expect(everything).not.toContain(password);

    // Once moved, the database is not empty: a second move is refused, the desk told why.
    await admin.ok('store.migrateTo', { url, confirmed: true });
    await desk.storeMove.idle();
    expect((await admin.ok('store.migrationStatus', {})).last).toMatchObject({ ok: false, message: expect.stringContaining(ar.storeMove.notEmpty) });
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM audit WHERE operation = 'store.migrateTo' AND kind = 'change'`.execute(moved.store.db);
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('a desk already on PostgreSQL has nothing to move: refused, in Arabic', async () => {
    const url = await emptyTestDatabase();
    const core = await openCore(folder('istiqbal-move-pg-'), { kind: 'postgres', url });
    const admin = await signedInAs(core, 'admin');
    expect((await admin.ok('store.migrationStatus', {})).storeKind).toBe('postgres');
    const env = await admin.call('store.migrateTo', { url: await emptyTestDatabase(), confirmed: true });
    expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.storeMove.alreadyPostgres } });
  });
});
