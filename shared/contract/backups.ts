import { z } from 'zod';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';

/** An absolute path (Linux and macOS `/…`, Windows `C:\…` or `\\server\…`), as the administrator types it. */
export function absolutePath() {
  return z
    .string()
    .trim()
    .min(1, ar.backups.pathNotAbsolute)
    .max(1000)
    // eslint-disable-next-line no-control-regex -- a folder's path with a control character in it is refused
    .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), ar.backups.pathNotAbsolute)
    .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(p), ar.backups.pathNotAbsolute);
}

export type BackupTrigger = 'daily' | 'closing' | 'manual' | 'command';
export type BackupOutcome = 'running' | 'ok' | 'failed' | 'interrupted';
export type BackupJobPhase = 'starting' | 'snapshot' | 'archive' | 'verify' | 'extract' | 'check' | 'swap';

export interface BackupRunView {
  trigger: BackupTrigger;
  startedAt: string;
  finishedAt: string | null;
  outcome: BackupOutcome;
  fileName: string | null;
  sizeBytes: number | null;
  /** Why it failed, in Arabic. */
  message: string | null;
}

export interface BackupStatusView {
  /** Where backups go: the administrator's folder, or backups/ in the data folder. */
  folder: string;
  folderIsDefault: boolean;
  last: BackupRunView | null;
  lastGoodAt: string | null;
  /** The last good backup is older than two days (the administrator's warning). */
  stale: boolean;
  /** A backup or restore this desk's process is doing now, with its progress. */
  job: { kind: 'backup' | 'restore'; phase: BackupJobPhase; fraction: number; startedAt: string } | null;
  /** How the last restore started here ended (the sessions are signed out after one). */
  lastRestore: { at: string; name: string; ok: boolean; message: string; keptAside: string | null } | null;
}

export interface BackupFileView {
  name: string;
  path: string;
  sizeBytes: number;
  createdAt: string;
  /** Its manifest could be read; the full check (every file's SHA-256) is made when it is restored. */
  readable: boolean;
  counts: { beneficiaries: number; visits: number; requests: number; files: number } | null;
  /** Made by a newer program than this one: it cannot be restored here. */
  newer: boolean;
}

export const backupOperations = {
  'backups.status': query<BackupStatusView>()({ input: emptyInput, access: ['admin'] }),
  /** The backups in the backup folder, newest first. */
  'backups.list': query<BackupFileView[]>()({ input: emptyInput, access: ['admin'] }),
  /** Starts a backup now; its progress and result come through backups.status. */
  'backups.run': mutation<BackupStatusView>()({ input: emptyInput, access: ['admin'], invalidates: ['backups.'] }),
  /**
   * Starts restoring a backup file over the current data (kept aside): checked whole first, then
   * swapped in; every desk signs in again. `confirmed` says the administrator was asked.
   */
  'backups.restore': mutation<BackupStatusView>()({
    input: z.object({
      backupFile: absolutePath(),
      confirmed: z.literal(true, ar.errors.confirm),
    }),
    access: ['admin'],
    invalidates: ['backups.'],
  }),
} as const;
