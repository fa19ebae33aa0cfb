import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { DATA_FOLDERS } from './data-folder';
import { ltr } from '@shared/text/isolate';

/**
 * A folder the administrator chose for backups: it must be usable now (created user-only if missing,
 * a file can be written in it), and not inside the folders a backup copies — a backup would copy the
 * backups before it.
 */
export function checkBackupFolder(folder: string, dataDir: string): void {
  const inside = DATA_FOLDERS.some((name) => {
    const r = relative(resolve(dataDir, name), resolve(folder));
    return r === '' || (!r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
  });
  if (inside) throw refusal(ar.backups.folderInsideData);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const probe = join(folder, `.istiqbal-probe-${process.pid}`);
    writeFileSync(probe, '', { mode: 0o600 });
    rmSync(probe, { force: true });
  } catch {
    throw refusal(fill(ar.backups.folderUnusable, { folder: ltr(folder) }));
  }
}

function refusal(message: string): AppError {
  return new AppError('validation', message, [{ path: ['backupFolder'], message }]);
}
