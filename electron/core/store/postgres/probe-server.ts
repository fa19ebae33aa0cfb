import pg from 'pg';
import type { ConnectionTestView } from '@shared/contract';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { addressOf } from '../connection/server-address';
import { postgresMigrations } from './migrations';

/** How long a test waits for the server: a hall's server answers in milliseconds, a wrong address never does. */
export const PROBE_TIMEOUT_MS = 5_000;
/** The oldest server the store's DDL and queries are written for (server_version_num). */
export const OLDEST_SERVER = 130_000;

type Problem = NonNullable<ConnectionTestView['problem']>;

/**
 * Tries a PostgreSQL server as a desk would open it: connects, checks its version (13 or later) and
 * looks at what the database holds — nothing yet (the first start creates the tables), an Istiqbal
 * store (which association, how many people and visits), one of a newer program, or another
 * program's tables. Reads only; nothing is created. Every outcome is said in Arabic.
 */
export async function probeServer(url: string, options: { timeoutMs?: number } = {}): Promise<ConnectionTestView> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'istiqbal-test', statement_timeout: 10_000 });
  // An error after connecting (the server going away mid-test) must not bring the process down.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    return refused(connectionProblem(error, { tls: usesTls(url), timeoutMs }));
  }
  try {
    const number = Number((await client.query<{ n: string }>('SELECT current_setting($1) AS n', ['server_version_num'])).rows[0]!.n);
    const version = (await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version'])).rows[0]!.v.split(/\s/)[0]!;
    if (number < OLDEST_SERVER) return { ...refused({ problem: 'version', message: fill(ar.storeConnection.tooOld, { version }) }), serverVersion: version };
    const found = await whatTheDatabaseHolds(client);
    const answer = (usable: boolean, state: ConnectionTestView['state'], message: string): ConnectionTestView => ({ usable, message, serverVersion: version, state, problem: null });
    if (found.state === 'empty') return answer(true, 'empty', fill(ar.storeConnection.foundEmpty, { version }));
    if (found.state === 'istiqbal') return answer(true, 'istiqbal', fill(ar.storeConnection.foundIstiqbal, { version, ...found.counts }));
    if (found.state === 'newer') return answer(false, 'newer', ar.storeConnection.foundNewer);
    if (found.state === 'no-create') return answer(false, 'no-create', ar.storeConnection.foundNoCreate);
    return answer(false, 'other', ar.storeConnection.foundOther);
  } catch (error) {
    return refused(connectionProblem(error, { tls: usesTls(url), timeoutMs }));
  } finally {
    await client.end().catch(() => undefined);
  }
}

type Found =
  | { state: 'empty' | 'newer' | 'other' | 'no-create' }
  | { state: 'istiqbal'; counts: { association: string; beneficiaries: string; visits: string } };

async function whatTheDatabaseHolds(client: pg.Client): Promise<Found> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    )
  ).rows.map((r) => r.name);
  if (tables.length === 0) {
    const { rows } = await client.query<{ can: boolean | null }>(`SELECT has_schema_privilege(current_schema(), 'CREATE') AS can`);
    return { state: rows[0]?.can ? 'empty' : 'no-create' };
  }
  if (!tables.includes('kysely_migration')) return { state: 'other' };
  const applied = (await client.query<{ name: string }>('SELECT name FROM kysely_migration')).rows.map((r) => r.name);
  if (applied.some((name) => !(name in postgresMigrations))) return { state: 'newer' };
  if (!['beneficiaries', 'visits', 'settings'].every((t) => tables.includes(t))) return { state: 'istiqbal', counts: { association: '—', beneficiaries: '0', visits: '0' } };
  const { rows } = await client.query<{ association: string | null; beneficiaries: string; visits: string }>(
    `SELECT (SELECT value FROM settings WHERE key = 'associationName') AS association,
            (SELECT count(*) FROM beneficiaries) AS beneficiaries, (SELECT count(*) FROM visits) AS visits`,
  );
  const row = rows[0]!;
  const count = (n: string) => Number(n).toLocaleString('ar-SA');
  let association = '—';
  try {
    association = row.association ? String(JSON.parse(row.association)) : '—';
  } catch {
    // a settings row someone edited by hand: named by a dash
  }
  return { state: 'istiqbal', counts: { association, beneficiaries: count(row.beneficiaries), visits: count(row.visits) } };
}

function refused(found: { problem: Problem; message: string }): ConnectionTestView {
  return { usable: false, message: found.message, serverVersion: null, state: null, problem: found.problem };
}

function usesTls(url: string): boolean {
  const mode = new URL(url).searchParams.get('sslmode');
  return mode !== null && mode !== 'disable';
}

/**
 * Why a connection failed, in Arabic, from what pg and Node report: the SQLSTATE the server sent
 * (28P01 wrong password, 28000 refused by pg_hba — «no encryption» when it wants TLS —, 3D000 no
 * such database) or the socket's error (no such host, nothing listening, no route, no answer).
 */
export function connectionProblem(error: unknown, context: { tls: boolean; timeoutMs?: number }): { problem: Problem; message: string } {
  // Refusals of our own (a database a newer version brought up to date) say why already.
  if (error instanceof AppError) return { problem: 'server', message: error.message };
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? '';
  const text = e?.message ?? String(error);
  const s = ar.storeConnection;
  if (code === '28P01') return { problem: 'password', message: s.wrongPassword };
  if (code === '28000') {
    if (/password authentication failed/i.test(text)) return { problem: 'password', message: s.wrongPassword };
    if (/role .* does not exist/i.test(text)) return { problem: 'username', message: s.wrongPassword };
    if (!context.tls && /no encryption/i.test(text)) return { problem: 'tls', message: s.tlsRequired };
    return { problem: 'server', message: s.notAllowed };
  }
  if (code === '3D000') return { problem: 'database', message: s.wrongDatabase };
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') return { problem: 'host', message: s.unknownHost };
  if (code === 'ECONNREFUSED') return { problem: 'port', message: s.refused };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') return { problem: 'host', message: s.unreachable };
  if (code === 'ETIMEDOUT' || /timeout/i.test(text)) {
    return { problem: 'host', message: fill(s.timedOut, { seconds: Math.round((context.timeoutMs ?? PROBE_TIMEOUT_MS) / 1000) }) };
  }
  if (/does not support SSL/i.test(text)) return { problem: 'tls', message: s.tlsUnsupported };
  return { problem: 'server', message: s.serverFailed };
}

/** The Arabic line a shell shows when the PostgreSQL store it was told to open cannot be opened at start. */
export function startFailure(error: unknown, url: string): string {
  const server = addressOf(url);
  const { message } = connectionProblem(error, { tls: server.tls });
  return fill(ar.storeConnection.startFailed, { server: fill(ar.storeConnection.serverLine, { host: server.host, port: server.port, database: server.database, username: server.username }), reason: message });
}
