import { setTimeout as sleep } from 'node:timers/promises';
import { type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig } from 'kysely';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';

// SQLite's own busy_timeout would wait as long, but synchronously: better-sqlite3 blocks the whole
// shell — every desk's reads included — for the time of the wait. Hence the waits on timers below.
export { LOCK_WAIT_MS } from '../store';

/** Pauses between tries: short first (most locks are held for a commit's few milliseconds), then longer. */
const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 64;

/** SQLite's «database is locked» (SQLITE_BUSY and its extended codes), as better-sqlite3 throws it. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, pausing on timers in between so the event
 * loop serves every other call meanwhile; at `deadline` (epoch ms) gives up with the Arabic «busy».
 * An attempt always runs at least once, even past the deadline.
 */
export async function untilNotBusy<T>(attempt: () => T | Promise<T>, deadline: number): Promise<T> {
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new AppError('busy', ar.errors.busy);
      await sleep(Math.min(pause, left));
    }
  }
}

const STARTS_TRANSACTION = /^\s*begin\b/i;

/**
 * Kysely's SQLite dialect whose statements, when another process's lock stops them (a reader meets
 * one only in rare moments: another connection recovering the WAL after a crash, or holding the
 * file in exclusive mode), are tried again on timers instead of failing. BEGIN is left to the
 * caller: a write transaction waits for its lock with the connection released (Store.write), so the
 * reads of the other desks go on meanwhile.
 */
export class PatientSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly waitMs: number,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new PatientDriver(super.createDriver(), this.waitMs);
  }
}

class PatientDriver implements Driver {
  private readonly connections = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly waitMs: number,
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let patient = this.connections.get(connection);
    if (!patient) {
      patient = patientConnection(connection, this.waitMs);
      this.connections.set(connection, patient);
    }
    return patient;
  }

  beginTransaction(connection: DatabaseConnection, settings: Parameters<Driver['beginTransaction']>[1]) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}

function patientConnection(inner: DatabaseConnection, waitMs: number): DatabaseConnection {
  return {
    executeQuery(query) {
      // better-sqlite3 runs the statement right here and throws synchronously: nothing is added to
      // a call that meets no lock, which is every call but a few.
      try {
        return inner.executeQuery(query);
      } catch (error) {
        if (!isBusy(error) || STARTS_TRANSACTION.test(query.sql)) throw error;
        return untilNotBusy(() => inner.executeQuery(query), Date.now() + waitMs);
      }
    },
    streamQuery(query, chunkSize) {
      return inner.streamQuery(query, chunkSize);
    },
  };
}
