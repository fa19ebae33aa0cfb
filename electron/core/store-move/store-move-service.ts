import type { StoreMoveStatusView } from '@shared/contract';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { insertAuditRow } from '../audit/write-audit';
import { moveStoreToPostgres, tableLabel, type MovedBy, type MoveProgress } from '../store/move-to-postgres/move-store';
import type { Store } from '../store/store';

export interface StoreMoveDeps {
  dataDir: string;
  nativeBinding?: string;
  now: () => Date;
  /** The store open now. */
  store: () => Store;
  /** Resolves once every change this process began before now has ended (committed or not). */
  writesDrained: () => Promise<void>;
  /** A backup or restore of this desk is under way (it reads and writes the same data folder). */
  backupsBusy: () => boolean;
  log: (error: unknown, what: string) => void;
}

type Job = NonNullable<StoreMoveStatusView['job']>;

/**
 * The settings screen's "move this store to PostgreSQL" (store.migrateTo): one move at a time, in the
 * background of this desk's process, its progress read through store.migrationStatus. From the moment
 * it is asked until it ends, this desk's changes are refused as busy (writesPaused; the core's store
 * says so), so what is moved is everything the desk recorded; another desk's process writing into the
 * same SQLite file meanwhile fails the move (sqlite-source.ts). The move is recorded in the moved
 * store's audit trail, and its end in this store's.
 */
export class StoreMoveService {
  private job: Job | null = null;
  private last: StoreMoveStatusView['last'] = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: StoreMoveDeps) {}

  /** This desk's changes wait (refused as busy) while a move reads the store. */
  get writesPaused(): boolean {
    return this.job !== null;
  }

  status(): StoreMoveStatusView {
    return { storeKind: this.deps.store().kind, job: this.job ? { ...this.job } : null, last: this.last };
  }

  /** Starts a move into `url` (called inside the asking mutation: it goes on after that commits). */
  start(url: string, by: MovedBy & { userId: number }): void {
    if (this.deps.store().kind !== 'sqlite') throw new AppError('conflict', ar.storeMove.alreadyPostgres);
    if (this.job) throw new AppError('conflict', ar.storeMove.busy);
    if (this.deps.backupsBusy()) throw new AppError('conflict', ar.backups.busy);
    const target = withoutPassword(url);
    this.job = { phase: 'starting', table: null, done: 0, total: 0, fraction: 0, startedAt: this.deps.now().toISOString(), target };
    const done: Promise<void> = nextTurn()
      .then(() => this.move(url, target, by))
      .finally(() => {
        if (this.running === done) this.running = null;
      });
    this.running = done;
  }

  /** Resolves when no move is under way. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async move(url: string, target: string, by: MovedBy & { userId: number }): Promise<void> {
    const at = this.deps.now();
    let outcome: { ok: boolean; message: string; after: Record<string, unknown> };
    try {
      await this.deps.writesDrained();
      const moved = await moveStoreToPostgres({
        dataDir: this.deps.dataDir,
        url,
        mode: 'open',
        by,
        nativeBinding: this.deps.nativeBinding,
        now: this.deps.now,
        onProgress: (p) => this.progress(p),
      });
      const message = fill(ar.storeMove.done, { tables: moved.tables.length, rows: moved.rows, files: moved.files });
      outcome = { ok: true, message, after: { target, moved: true, tables: moved.tables.length, rows: moved.rows, files: moved.files } };
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal') this.deps.log(error, 'store.migrateTo');
      // The screen titles it «لم يُنقل المخزن»; the message says why.
      const reason = error instanceof AppError ? error.message : ar.storeMove.unexpected;
      outcome = { ok: false, message: reason, after: { target, moved: false, reason } };
    }
    this.last = { at: at.toISOString(), ok: outcome.ok, message: outcome.message, target };
    this.job = null;
    // This store's own trail says how it ended (its start is recorded by store.migrateTo itself).
    await this.deps
      .store()
      .write((trx) =>
        insertAuditRow(trx, {
          at: this.deps.now().toISOString(),
          userId: by.userId,
          deskId: null,
          operation: 'store.migrateTo',
          kind: 'change',
          reason: null,
          entity: 'store',
          entityId: null,
          before: null,
          after: JSON.stringify(outcome.after),
        }),
      )
      .catch((error: unknown) => this.deps.log(error, 'store.migrateTo'));
  }

  private progress(p: MoveProgress): void {
    if (!this.job) return;
    this.job = { ...this.job, phase: p.phase, table: p.table ? tableLabel(p.table) : null, done: p.done, total: p.total, fraction: p.fraction };
  }
}

/** The address as shown and recorded: never its password. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** After the current call's transaction has ended. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
