/**
 * A backup's file name says when it was made (UTC, to the second): `istiqbal-backup-2024-02-14T06-00-00Z.tar`,
 * with `-2`, `-3` … when two are made within one second. Only files named so are listed, rotated and
 * offered for a restore; a backup in the making has another name (`.…partial-<pid>`), so a final name
 * only ever points at a complete, verified backup.
 */
const FINAL = /^istiqbal-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-(\d+))?\.tar$/;
const PARTIAL = /^\.istiqbal-backup-.*\.partial-(\d+)$/;

export function backupFileName(at: Date, serial = 1): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `istiqbal-backup-${stamp}Z${serial > 1 ? `-${serial}` : ''}.tar`;
}

/** The name a backup is written under until it is verified. */
export function partialFileName(finalName: string, pid = process.pid): string {
  return `.${finalName}.partial-${pid}`;
}

/** When a backup named so was made; null for any other file. */
export function backupTimeOf(name: string): Date | null {
  const m = FINAL.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The process that was writing a partial backup, or null when the name is not one. */
export function partialOwner(name: string): number | null {
  const m = PARTIAL.exec(name);
  return m ? Number(m[1]) : null;
}
