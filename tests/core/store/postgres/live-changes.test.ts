import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/core';
import { LOOPBACK_HOST, startLoopback } from '../../../../electron/loopback/server';
import { ChangePush } from '../../../../electron/main/change-push';
import { CHANGES_CHANNEL_IPC } from '@shared/bridge';
import { openPostgresReader } from '../../../../electron/core/store/postgres/open-postgres-reader';
import type { PostgresStore } from '../../../../electron/core/store/postgres/open-postgres-store';
import { ar } from '@shared/labels/ar';
import { FakeWebContents } from '../../../electron/fakes';
import { openChangeStream } from '../../../helpers/event-stream';
import { walkInInput } from '../../../helpers/fixtures';
import { hear, isBack, isChange, isLost, type Hearing } from '../../../helpers/live-changes';
import { startTestCluster, type TestCluster } from '../../../helpers/postgres/cluster';
import { adminQuery, adminRows, databaseOf, withDatabase } from '../../../helpers/postgres/databases';
import { startTcpProxy, type TcpProxy } from '../../../helpers/postgres/tcp-proxy';
import { signedInAs } from '../../../helpers/sessions';
import { emptyTestDatabase, makeTempDir, openTestCore, rowCounts, TEST_PASSWORD_COST } from '../../../helpers/test-core';

/**
 * Every desk hears a change anywhere (docs/architecture.md#live-changes), pushed by PostgreSQL's LISTEN/NOTIFY through a
 * connection of its own; the server going away (a restart, a cable out) is heard within two seconds,
 * an operation meanwhile answers «unavailable», and the desk carries on by itself once it is back.
 */
const MORNING = '2024-02-14T06:00:00Z';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A core of a desk's shell on `url`, outside the test helpers' own databases (a server of the test's own, a proxy). */
async function deskCore(url: string): Promise<Core & { internalErrors: unknown[] }> {
  const dataDir = makeTempDir();
  const internalErrors: unknown[] = [];
  const core = await createCore({
    dataDir,
    store: { kind: 'postgres', url },
    passwordCost: TEST_PASSWORD_COST,
    log: (error, operation) => internalErrors.push({ operation, error }),
  });
  cleanups.push(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return Object.assign(core, { internalErrors });
}

async function listening(core: Core): Promise<Hearing> {
  const hearing = hear(core.changes);
  cleanups.push(async () => hearing.stop());
  await core.changes.ready();
  return hearing;
}

describe('changes pushed from PostgreSQL', () => {
  it('a second core on the same database hears a change within a second, with the revision it made', async () => {
    const deskA = await openTestCore({ now: MORNING });
    cleanups.push(() => deskA.cleanup());
    const deskB = await openTestCore({ dataDir: deskA.dataDir, now: deskA.clock });
    cleanups.push(() => deskB.cleanup());
    const b = await listening(deskB);
    expect(deskB.changes.state()).toEqual({ type: 'state', push: true, connected: true });

    const reception = await signedInAs(deskA, 'receptionist');
    await reception.ok('visits.checkIn', walkInInput());
    const { revision } = await reception.ok('settings.revision', {});
    // Heard with the revision the check-in moved the store to (the accounts' own changes come before it).
    await b.next('the check-in at desk A', (e) => e.type === 'change' && e.revision === revision, 1_000);
  });

  it("the loopback shell streams a check-in made at another desk to its page as a server-sent event", async () => {
    const deskA = await openTestCore({ now: MORNING });
    cleanups.push(() => deskA.cleanup());
    const deskB = await openTestCore({ dataDir: deskA.dataDir, now: deskA.clock });
    cleanups.push(() => deskB.cleanup());
    const shellB = await startLoopback({ core: deskB, port: 0, log: () => {} });
    cleanups.push(() => shellB.close());
    const reception = await signedInAs(deskA, 'receptionist');

    const stream = await openChangeStream(`http://${LOOPBACK_HOST}:${shellB.port}`, { authorization: `Bearer ${shellB.token}` });
    cleanups.push(async () => stream.close());
    expect(await stream.next()).toEqual({ type: 'state', push: true, connected: true });
    await deskB.changes.ready();
    await reception.ok('visits.checkIn', walkInInput());
    const { revision } = await reception.ok('settings.revision', {});
    expect(await stream.next()).toEqual({ type: 'change', revision });
  });

  it('the Electron shell sends each change to its desk windows, and the state each time a page has loaded; a closed window is sent nothing', async () => {
    const deskA = await openTestCore({ now: MORNING });
    cleanups.push(() => deskA.cleanup());
    const deskB = await openTestCore({ dataDir: deskA.dataDir, now: deskA.clock });
    cleanups.push(() => deskB.cleanup());
    const reception = await signedInAs(deskA, 'receptionist');
    const push = new ChangePush(deskB.changes);
    cleanups.push(async () => push.close());
    const [open, closed] = [new FakeWebContents(1, 'app://istiqbal/index.html'), new FakeWebContents(2, 'app://istiqbal/index.html')];
    push.attach(open.asWebContents());
    push.attach(closed.asWebContents());
    open.emit('did-finish-load');
    expect(open.sent).toEqual([{ channel: CHANGES_CHANNEL_IPC, args: [{ type: 'state', push: true, connected: true }] }]);
    closed.destroy();

    await deskB.changes.ready();
    const heard = await listening(deskB); // the same events the windows are sent, to await them
    await reception.ok('visits.checkIn', walkInInput());
    const { revision } = await reception.ok('settings.revision', {});
    await heard.next('the check-in', (e) => e.type === 'change' && e.revision === revision, 1_000);
    expect(open.sent.at(-1)).toEqual({ channel: CHANGES_CHANNEL_IPC, args: [{ type: 'change', revision }] });
    expect(closed.sent).toEqual([]);
  });

  it('the server ends every connection of a desk: the listener is back by itself and says so (a full re-read), and the next operation succeeds', async () => {
    const t = await openTestCore({ now: MORNING });
    cleanups.push(() => t.cleanup());
    const desk = await signedInAs(t, 'receptionist');
    const heard = await listening(t);
    await desk.ok('visits.queue', {});

    await adminQuery(
      withDatabase(t.storeArg, 'postgres'),
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${databaseOf(t.storeArg)}' AND pid <> pg_backend_pid()`,
    );
    // Changes may have been missed while it was away: the desk is told to read everything again.
    await heard.next('the listener back', isBack, 2_000);
    await expect.poll(() => (t.store as PostgresStore).pool.totalCount).toBe(0);

    const visit = await desk.ok('visits.checkIn', walkInInput());
    expect((await desk.ok('visits.queue', {})).visits.map((v) => v.ticket)).toEqual([visit.ticket]);
    await heard.next('a change after the reconnection', isChange, 1_000);
  });

  it('a connection lost inside a write transaction: the write is refused as a lost connection, nothing of it stays, and the process carries on', async () => {
    const t = await openTestCore({ now: MORNING });
    cleanups.push(() => t.cleanup());
    const before = await t.db.selectFrom('settings').select('key').execute();
    const admin = withDatabase(t.storeArg, 'postgres');
    const failure = await t.store
      .write(async (trx) => {
        await trx.insertInto('settings').values({ key: 'half-written', value: '"x"' }).execute();
        const { pid } = (await trx.selectNoFrom((eb) => eb.fn<number>('pg_backend_pid').as('pid')).executeTakeFirstOrThrow()) as { pid: number };
        // Ended from outside while no statement of it runs: pg hears it between two statements.
        await adminQuery(admin, `SELECT pg_terminate_backend(${pid})`);
        await expect.poll(() => adminRows(admin, `SELECT count(*) FROM pg_stat_activity WHERE pid = ${pid}`)).toEqual(['0']);
        await trx.insertInto('settings').values({ key: 'half-written-2', value: '"x"' }).execute();
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure, 'the write must fail').not.toBeNull();
    expect(t.store.lostConnection(failure)).toBe(true);
    expect(await t.db.selectFrom('settings').select('key').execute()).toEqual(before);
  });
});

describe('the server restarted', () => {
  let cluster: TestCluster | null = null;
  afterEach(async () => {
    await cluster?.stop();
    cluster = null;
  });

  it('every desk hears it went away, an operation meanwhile answers «unavailable» writing nothing, and once it is back the listener, the pool and the signed-in session carry on', async () => {
    cluster = await startTestCluster();
    await adminQuery(cluster.url, 'CREATE DATABASE hall');
    const url = withDatabase(cluster.url, 'hall');
    const deskA = await deskCore(url);
    const deskB = await deskCore(url);
    const a = await signedInAs(deskA, 'receptionist', { deskId: 1 });
    const b = await signedInAs(deskB, 'receptionist', { deskId: 2 });
    const heardA = await listening(deskA);
    const heardB = await listening(deskB);
    const first = await a.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await heardB.next('the first check-in', isChange, 1_000);
    const before = await rowCounts(deskA);

    await cluster.halt();
    await heardA.next('desk A: the server gone', isLost, 2_000);
    await heardB.next('desk B: the server gone', isLost, 2_000);
    const during = await b.call('visits.checkIn', walkInInput('خالد سعد الحربي'));
    expect(during).toEqual({ ok: false, error: { code: 'unavailable', message: ar.errors.unavailable } });
    const read = await a.call('visits.queue', {});
    expect(!read.ok && read.error.code).toBe('unavailable');

    await cluster.resume();
    await heardA.next('desk A: the server back', isBack, 5_000);
    await heardB.next('desk B: the server back', isBack, 5_000);
    // Nothing of the operation refused during the outage was written.
    expect(await rowCounts(deskA)).toEqual(before);
    // The same sessions, still signed in: the next operation succeeds, and the other desk hears it.
    const second = await b.ok('visits.checkIn', walkInInput('خالد سعد الحربي'));
    await heardA.next('the check-in after the restart', isChange, 1_000);
    expect((await a.ok('visits.queue', {})).visits.map((v) => v.ticket)).toEqual([first.ticket, second.ticket]);
    expect(deskA.internalErrors).toEqual([]);
    expect(deskB.internalErrors).toEqual([]);
  }, 60_000);

  it("the job worker's reader tells a server that is away as a lost connection (on which the worker answers «unavailable»), not a failed statement, and reads again once it is back", async () => {
    cluster = await startTestCluster();
    const reader = openPostgresReader({ url: cluster.url });
    cleanups.push(() => reader.close());
    const read = () => reader.db.selectFrom('pg_catalog.pg_database' as never).select('datname' as never).execute();
    expect((await read()).length).toBeGreaterThan(0);
    await cluster.halt();
    const failure = await read().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure, 'a read from a stopped server must fail').not.toBeNull();
    expect(reader.lostConnection(failure)).toBe(true);
    expect(reader.lostConnection(new Error('relation "visits" does not exist'))).toBe(false);
    await cluster.resume();
    expect((await read()).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the cable out', () => {
  let proxy: TcpProxy | null = null;
  afterEach(async () => {
    proxy?.mend();
    await proxy?.close();
    proxy = null;
  });

  it('a server that stops answering without a word is heard within two seconds; an operation meanwhile answers «unavailable» instead of hanging, and all carries on once the cable is back', async () => {
    const direct = new URL(await emptyTestDatabase());
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    const throughCable = new URL(direct);
    throughCable.port = String(proxy.port);
    const desk = await deskCore(throughCable.toString());
    const me = await signedInAs(desk, 'receptionist');
    const heard = await listening(desk);
    await me.ok('visits.queue', {});
    const before = await rowCounts(desk);

    proxy.cut();
    // Sent down the cable just pulled out: it would wait for TCP to give up (hours) were the loss not heard.
    const inFlight = me.call('visits.checkIn', walkInInput());
    await heard.next('the cable out', isLost, 2_000);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'unavailable', message: ar.errors.unavailable } });
    // A call once the desk's connections are all cut needs a new one, which the cut cable never gives:
    // refused once the wait for one is over.
    await expect.poll(() => (desk.store as PostgresStore).pool.totalCount).toBe(0);
    const after = await me.call('visits.queue', {});
    expect(after).toEqual({ ok: false, error: { code: 'unavailable', message: ar.errors.unavailable } });

    proxy.mend();
    await heard.next('the cable back', isBack, 5_000);
    expect(await rowCounts(desk)).toEqual(before);
    await me.ok('visits.checkIn', walkInInput());
    await heard.next('a change after the cable is back', isChange, 1_000);
    expect(desk.internalErrors).toEqual([]);
  }, 60_000);
});
