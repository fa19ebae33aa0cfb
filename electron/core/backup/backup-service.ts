import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupFileView, BackupJobPhase, BackupStatusView, BackupTrigger } from '@shared/contract';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { readDeskFacts } from '../settings/desk-facts';
import { readSettings } from '../settings/read-settings';
import type { Db, Store } from '../store/store';
import { peekManifest } from './archive-check';
import { backupTimeOf } from './backup-names';
import { beat, claimRun, finishRun, HEARTBEAT_MS, markDoneInSnapshot, readHistory, storeCreatedAt } from './backup-runs';
import { createBackup, type BackupProgress, type CreatedBackup } from './create-backup';
import { DEFAULT_BACKUP_FOLDER } from './data-folder';
import { isNewerSchema } from './manifest';
import { restoreBackup, type RestoreProgress, type StoreSwap } from './restore-backup';
import { backupsToRemove } from './rotation';
import { backupIsStale, closingBackupDue, dailyBackupDue } from './schedule';
import { ltr } from '@shared/text/isolate';

export interface BackupServiceDeps {
  dataDir: string;
  nativeBinding?: string;
  now: () => Date;
  /** The store open now (a restore replaces it). Backups are the SQLite store's: on PostgreSQL every operation refuses. */
  store: () => Store;
  /** Closes the store around a restore's swap and opens the result (the core holds every call meanwhile). */
  swap: StoreSwap;
  log: (error: unknown, what: string) => void;
}

type Job = NonNullable<BackupStatusView['job']>;

export type BackupRunResult = { ok: true; backup: CreatedBackup } | { ok: false; message: string };

/** Who restored (recorded in the restored store's audit trail, whose users may differ). */
export type RestoredBy = { userId: number; username: string; fullName: string } | { command: true; osUser: string };

/**
 * The backups of one shell's core: one job at a time (a backup or a restore) with its progress,
 * started by the administrator (backups.run / backups.restore return at once; the screen follows
 * backups.status), by the shell's daily timer (`runIfDue`) and on closing (`runOnClosing`). Every
 * backup run is recorded in backup_runs, which is also how two desks' processes on one data folder
 * keep out of each other's way.
 */
export class BackupService {
  private job: Job | null = null;
  private running: Promise<unknown> | null = null;
  private lastRestore: BackupStatusView['lastRestore'] = null;

  constructor(private readonly deps: BackupServiceDeps) {}

  /**
   * A backup is the data folder's SQLite file and files. A PostgreSQL store is the server's to back up
   * (pg_dump, pg_restore), for every desk at once: every backup operation refuses, saying so.
   */
  refuseOnPostgres(): void {
    if (this.deps.store().kind !== 'sqlite') throw new AppError('conflict', ar.backups.onPostgres);
  }

  private get onPostgres(): boolean {
    return this.deps.store().kind !== 'sqlite';
  }

  /** The backup folder: the administrator's choice for this PC (a fact of its data folder), or backups/ in the data folder. */
  async folder(): Promise<{ folder: string; isDefault: boolean }> {
    const { backupFolder } = readDeskFacts(this.deps.dataDir);
    return backupFolder ? { folder: backupFolder, isDefault: false } : { folder: join(this.deps.dataDir, DEFAULT_BACKUP_FOLDER), isDefault: true };
  }

  get busy(): boolean {
    return this.job !== null;
  }

  /** `db`: the calling transaction's, inside a mutation (the store's one connection is held by it). */
  async status(db: Db = this.deps.store().db): Promise<BackupStatusView> {
    this.refuseOnPostgres();
    const now = this.deps.now();
    const [{ folder, isDefault }, history, createdAt] = await Promise.all([this.folder(), readHistory(db, now), storeCreatedAt(db)]);
    return {
      folder,
      folderIsDefault: isDefault,
      last: history.last,
      lastGoodAt: history.lastGoodAt?.toISOString() ?? null,
      stale: backupIsStale(history.lastGoodAt, createdAt, now),
      job: this.job ? { ...this.job } : null,
      lastRestore: this.lastRestore,
    };
  }

  /** The backups in the backup folder, newest first, each with what its manifest says. */
  async list(): Promise<BackupFileView[]> {
    this.refuseOnPostgres();
    const { folder } = await this.folder();
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const views: BackupFileView[] = [];
    for (const name of names) {
      const at = backupTimeOf(name);
      if (!at) continue;
      const path = join(folder, name);
      const view: BackupFileView = { name, path, sizeBytes: 0, createdAt: at.toISOString(), readable: false, counts: null, newer: false };
      try {
        view.sizeBytes = statSync(path).size;
        const manifest = await peekManifest(path);
        const t = manifest.tables;
        view.readable = true;
        view.createdAt = manifest.createdAt;
        view.counts = { beneficiaries: t.beneficiaries ?? 0, visits: t.visits ?? 0, requests: t.requests ?? 0, files: manifest.files.length - 1 };
        view.newer = isNewerSchema(manifest.migrations, manifest.schemaVersion);
      } catch {
        // Listed as unreadable: the administrator sees it is there and that it cannot be used.
      }
      views.push(view);
    }
    return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  /** A backup now, for the administrator: refused while a job runs here or a backup runs on another desk. */
  async startBackup(userId: number | null, db: Db = this.deps.store().db): Promise<void> {
    this.refuseOnPostgres();
    if (this.job) throw new AppError('conflict', ar.backups.busy);
    const history = await readHistory(db, this.deps.now());
    if (history.running) throw new AppError('conflict', ar.backups.busy);
    this.begin('backup');
    // After the calling transaction: the run's own row is written in a transaction of its own.
    void this.track(nextTurn().then(() => this.backup('manual', userId, (h) => !h.running)));
  }

  /** The daily backup, when due (the shells' timer asks every few minutes). Null when it was not due. */
  async runIfDue(): Promise<BackupRunResult | null> {
    if (this.job || this.onPostgres) return null;
    const timeZone = (await readSettings(this.deps.store().db, ['timeZone'])).timeZone;
    const history = await readHistory(this.deps.store().db, this.deps.now());
    if (!dailyBackupDue(history, this.deps.now(), timeZone)) return null;
    this.begin('backup');
    return this.track(this.backup('daily', null, (h) => dailyBackupDue(h, this.deps.now(), timeZone)));
  }

  /** On closing the app: waits for a job running, then backs up unless a good backup is minutes old. */
  async runOnClosing(): Promise<BackupRunResult | null> {
    if (this.onPostgres) return null;
    await this.idle();
    const history = await readHistory(this.deps.store().db, this.deps.now());
    if (!closingBackupDue(history, this.deps.now())) return null;
    this.begin('backup');
    return this.track(this.backup('closing', null, (h) => closingBackupDue(h, this.deps.now())));
  }

  /** `npm run backup`: a backup now, with its progress, into the backup folder or `folder`; waits for its end. */
  async runCommand(options: { folder?: string; onProgress?: (p: BackupProgress) => void } = {}): Promise<BackupRunResult> {
    this.refuseOnPostgres();
    await this.idle();
    this.begin('backup');
    const result = await this.track(this.backup('command', null, (h) => !h.running, options));
    if (!result) throw new AppError('conflict', ar.backups.busy);
    return result;
  }

  /** Starts a restore: the checks of the file come first, the current data is touched only if they pass. */
  startRestore(file: string, by: RestoredBy): void {
    this.refuseOnPostgres();
    if (this.job) throw new AppError('conflict', ar.backups.busy);
    this.begin('restore');
    void this.track(nextTurn().then(() => this.restore(file, by)));
  }

  /** `npm run restore`: the same, waiting for its end; the result as the status shows it. */
  async runRestore(file: string, by: RestoredBy, onProgress?: (p: RestoreProgress) => void): Promise<NonNullable<BackupStatusView['lastRestore']>> {
    this.refuseOnPostgres();
    await this.idle();
    this.begin('restore');
    return this.track(this.restore(file, by, onProgress));
  }

  /** Resolves when no job is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /**
   * The shells' daily schedule: asks "is a backup due" shortly after start, then every few minutes.
   * Returns the function that stops it.
   */
  startSchedule(options: { firstAfterMs?: number; everyMs?: number } = {}): () => void {
    // Nothing to schedule on PostgreSQL: the server's backups are its administrator's (pg_dump).
    if (this.onPostgres) return () => undefined;
    const check = () => void this.runIfDue().catch((error) => this.deps.log(error, 'backups.daily'));
    const first = setTimeout(check, options.firstAfterMs ?? 60_000);
    const every = setInterval(check, options.everyMs ?? 5 * 60_000);
    first.unref();
    every.unref();
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }

  private begin(kind: Job['kind']) {
    this.job = { kind, phase: 'starting', fraction: 0, startedAt: this.deps.now().toISOString() };
  }

  private progress(phase: BackupJobPhase, fraction: number) {
    if (this.job) this.job = { ...this.job, phase, fraction };
  }

  private track<T>(work: Promise<T>): Promise<T> {
    const done = work.finally(() => {
      this.job = null;
      if (this.running === done) this.running = null;
    });
    this.running = done;
    return done;
  }

  private async backup(
    trigger: BackupTrigger,
    userId: number | null,
    due: Parameters<typeof claimRun>[2],
    options: { folder?: string; onProgress?: (p: BackupProgress) => void } = {},
  ): Promise<BackupRunResult | null> {
    const configured = (await this.folder()).folder;
    const folder = options.folder ?? configured;
    const store = this.deps.store();
    const id = await claimRun(store, { trigger, folder, userId, now: this.deps.now() }, due);
    if (id === null) return null;
    const heartbeat = setInterval(() => void beat(store, id, this.deps.now()).catch((e) => this.deps.log(e, 'backups.heartbeat')), HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const created = await createBackup({
        dataDir: this.deps.dataDir,
        folder,
        now: this.deps.now(),
        nativeBinding: this.deps.nativeBinding,
        onProgress: (p) => {
          this.progress(p.phase, p.fraction);
          options.onProgress?.(p);
        },
        amendSnapshot: (name) => markDoneInSnapshot(id, name, this.deps.now()),
      });
      clearInterval(heartbeat);
      await finishRun(store, id, { outcome: 'ok', now: this.deps.now(), fileName: created.name, sizeBytes: created.size });
      // Rotation only where the schedule writes: a backup put elsewhere by hand is the administrator's to keep.
      if (folder === configured) await this.rotate(folder);
      return { ok: true, backup: created };
    } catch (error) {
      clearInterval(heartbeat);
      const message = error instanceof AppError ? error.message : fill(ar.backups.failed, { reason: ar.backups.unexpected });
      if (!(error instanceof AppError) || error.code === 'internal') this.deps.log((error as { cause?: unknown }).cause ?? error, `backups.${trigger}`);
      await finishRun(store, id, { outcome: 'failed', now: this.deps.now(), message }).catch((e) => this.deps.log(e, 'backups.record'));
      return { ok: false, message };
    }
  }

  /** Rotation (7 daily + 4 weekly) of the backups in the folder; only files named as backups are ever removed. */
  private async rotate(folder: string): Promise<void> {
    const timeZone = (await readSettings(this.deps.store().db, ['timeZone'])).timeZone;
    const backups = readdirSync(folder).flatMap((name) => {
      const at = backupTimeOf(name);
      return at ? [{ name, at }] : [];
    });
    for (const name of backupsToRemove(backups, timeZone)) rmSync(join(folder, name), { force: true });
  }

  private async restore(file: string, by: RestoredBy, onProgress?: (p: RestoreProgress) => void): Promise<NonNullable<BackupStatusView['lastRestore']>> {
    const at = this.deps.now();
    try {
      const restored = await restoreBackup({
        dataDir: this.deps.dataDir,
        file,
        now: at,
        nativeBinding: this.deps.nativeBinding,
        swap: this.deps.swap,
        onProgress: (p) => {
          this.progress(p.phase, p.fraction);
          onProgress?.(p);
        },
      });
      const message = fill(ar.backups.restored, { name: ltr(basename(file)), aside: ltr(restored.keptAside) });
      this.lastRestore = { at: at.toISOString(), name: basename(file), ok: true, message, keptAside: restored.keptAside };
      // In the restored store's own audit trail: who restored which backup, and where the data before it went.
      await this.deps.store().write((trx) =>
        trx
          .insertInto('audit')
          .values({
            at: this.deps.now().toISOString(),
            user_id: null,
            operation: 'backups.restore',
            entity: 'backup',
            entity_id: null,
            before: null,
            after: JSON.stringify({ file, backupCreatedAt: restored.manifest.createdAt, keptAside: restored.keptAside, by }),
          })
          .execute(),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal') this.deps.log((error as { cause?: unknown }).cause ?? error, 'backups.restore');
      const message = error instanceof AppError ? error.message : fill(ar.backups.failed, { reason: ar.backups.unexpected });
      this.lastRestore = { at: at.toISOString(), name: basename(file), ok: false, message, keptAside: null };
    }
    return this.lastRestore;
  }
}

/** After the current call's transaction has ended. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
