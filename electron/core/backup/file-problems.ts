import { ar, fill } from '@shared/labels/ar';
import { ltr } from '@shared/text/isolate';

/** What went wrong with a file or folder, in words for the administrator (the details go to the log). */
export function fileProblem(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return ar.backups.noSpace;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return fill(ar.backups.noAccess, { folder: ltr(folder) });
  if (code === 'ENOENT' || code === 'ENOTDIR') return fill(ar.backups.folderUnusable, { folder: ltr(folder) });
  return ar.backups.unexpected;
}
