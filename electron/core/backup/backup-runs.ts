import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { BackupRunView, BackupTrigger } from '@shared/contract';
import type { Db, Store } from '../store/store';
import type { BackupHistory } from './schedule';

/** A running backup writes a heartbeat this often; one silent for HEARTBEAT_LOST_MS was cut off (killed, power cut). */
export const HEARTBEAT_MS = 10_000;
export const HEARTBEAT_LOST_MS = 60_000;

type RunRow = {
  id: number;
  trigger: BackupTrigger;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  outcome: 'running' | 'ok' | 'failed';
  file_name: string | null;
  size_bytes: number | null;
  message: string | null;
  pid: number;
  host: string;
};

/** Running, still beating, and — when it runs on this machine — its process is alive. */
function isLive(row: Pick<RunRow, 'outcome' | 'heartbeat_at' | 'pid' | 'host'>, now: Date): boolean {
  if (row.outcome !== 'running' || now.getTime() - Date.parse(row.heartbeat_at) >= HEARTBEAT_LOST_MS) return false;
  return row.host !== hostname() || processAlive(row.pid);
}

export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function runView(row: RunRow, now: Date): BackupRunView {
  return {
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome === 'running' && !isLive(row, now) ? 'interrupted' : row.outcome,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    message: row.message,
  };
}

/** The last run, the last good one, and whether one is running now (in any desk's process). */
export async function readHistory(db: Db, now: Date): Promise<BackupHistory & { last: BackupRunView | null }> {
  const last = (await db.selectFrom('backup_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) as RunRow | undefined;
  const good = await db.selectFrom('backup_runs').select('finished_at').where('outcome', '=', 'ok').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const running = await db
    .selectFrom('backup_runs')
    .select(['outcome', 'heartbeat_at', 'pid', 'host'])
    .where('outcome', '=', 'running')
    .orderBy('id', 'desc')
    .execute();
  return {
    last: last ? runView(last, now) : null,
    lastGoodAt: good?.finished_at ? new Date(good.finished_at) : null,
    lastAttemptAt: last ? new Date(last.started_at) : null,
    running: running.some((r) => isLive(r, now)),
  };
}

/** When the store was created: its first migration. */
export async function storeCreatedAt(db: Db): Promise<Date | null> {
  // Kysely's own table, outside the schema's types.
  const migrations = db as unknown as Kysely<{ kysely_migration: { name: string; timestamp: string } }>;
  const row = await migrations.selectFrom('kysely_migration').select((eb) => eb.fn.min('timestamp').as('t')).executeTakeFirst();
  const t = row?.t;
  return t ? new Date(t) : null;
}

/**
 * Records a backup as started, in one write transaction with the check that none is running and
 * that `due` still holds: two desks' processes on one data folder never both start one. Null when not.
 */
export async function claimRun(
  store: Store,
  run: { trigger: BackupTrigger; folder: string; userId: number | null; now: Date },
  due: (history: BackupHistory) => boolean = (h) => !h.running,
): Promise<number | null> {
  return store.write(async (trx) => {
    const history = await readHistory(trx, run.now);
    if (!due(history)) return null;
    const at = run.now.toISOString();
    const row = await trx
      .insertInto('backup_runs')
      .values({ trigger: run.trigger, started_at: at, heartbeat_at: at, outcome: 'running', folder: run.folder, user_id: run.userId, pid: process.pid, host: hostname() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function beat(store: Store, id: number, now: Date): Promise<void> {
  await store.write((trx) => trx.updateTable('backup_runs').set({ heartbeat_at: now.toISOString() }).where('id', '=', id).where('outcome', '=', 'running').execute());
}

export async function finishRun(
  store: Store,
  id: number,
  result: { outcome: 'ok' | 'failed'; now: Date; fileName?: string; sizeBytes?: number; message?: string },
): Promise<void> {
  const at = result.now.toISOString();
  await store.write((trx) =>
    trx
      .updateTable('backup_runs')
      .set({
        outcome: result.outcome,
        finished_at: at,
        heartbeat_at: at,
        file_name: result.fileName ?? null,
        size_bytes: result.sizeBytes ?? null,
        message: result.message ?? null,
      })
      .where('id', '=', id)
      .execute(),
  );
}

/**
 * The statement that marks this run done inside its own snapshot: a store restored from the backup
 * then shows the backup it came from as completed, not as cut off.
 */
export function markDoneInSnapshot(id: number, fileName: string, at: Date): { sql: string; params: (string | number)[] } {
  return {
    sql: "UPDATE backup_runs SET outcome = 'ok', finished_at = ?, heartbeat_at = ?, file_name = ? WHERE id = ?",
    params: [at.toISOString(), at.toISOString(), fileName, id],
  };
}
