import type { BackupRunView } from '@shared/contract';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';

/** "4 شعبان 1445 هـ — 14 فبراير 2024م، الساعة 09:05 ص" at the association's clock. */
export function backupTime(iso: string, timeZone?: string): string {
  return fill(ar.backups.atTime, { date: formatBothDates(iso, timeZone), time: formatTime(iso, timeZone) });
}

export function sizeMb(bytes: number): string {
  return fill(ar.backups.sizeMb, { mb: (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0) });
}

/** When and how the run was started (its outcome is the badge beside it). */
export function runLine(run: BackupRunView, timeZone?: string): string {
  return fill(ar.backups.lastLine, { at: backupTime(run.finishedAt ?? run.startedAt, timeZone), trigger: ar.backups.triggers[run.trigger] });
}

export const OUTCOME_COLOR: Record<BackupRunView['outcome'], string> = { ok: 'teal', failed: 'red', interrupted: 'orange', running: 'blue' };
