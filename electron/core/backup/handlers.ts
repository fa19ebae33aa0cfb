import type { backupOperations } from '@shared/contract/backups';
import { existsSync, statSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { requireUser, type HandlerContext } from '../context';
import type { HandlersOf } from '../handler-kinds';
import { peekManifest, refuseNewerSchema } from './archive-check';
import type { BackupService } from './backup-service';

/** The shell's backup jobs; a core always has them (context.ts). None on a PostgreSQL store: refused, naming pg_dump. */
function backups(ctx: HandlerContext): BackupService {
  const service = ctx.runtime.backups;
  if (!service) throw new Error('this core has no backup service');
  service.refuseOnPostgres();
  return service;
}

export const backupHandlers: HandlersOf<typeof backupOperations> = {
  'backups.status': async (_input, ctx) => backups(ctx).status(ctx.db),

  'backups.list': async (_input, ctx) => backups(ctx).list(),

  'backups.run': async (_input, ctx) => {
    const service = backups(ctx);
    const { folder } = await service.folder();
    await service.startBackup(requireUser(ctx).id, ctx.db);
    ctx.audit({ entity: 'backup', entityId: null, after: { started: 'manual', folder } });
    return service.status(ctx.db);
  },

  'backups.restore': async (input, ctx) => {
    const service = backups(ctx);
    if (service.busy) throw new AppError('conflict', ar.backups.busy);
    if (!existsSync(input.backupFile) || !statSync(input.backupFile).isFile()) {
      throw new AppError('validation', ar.backups.fileMissing, [{ path: ['backupFile'], message: ar.backups.fileMissing }]);
    }
    // What the manifest tells is told now (read from the file's end: a moment, inside this transaction);
    // the whole file is checked by the job, before any swap.
    const manifest = await peekManifest(input.backupFile);
    refuseNewerSchema(manifest);
    const user = requireUser(ctx);
    service.startRestore(input.backupFile, { userId: user.id, username: user.username, fullName: user.fullName });
    ctx.audit({ entity: 'backup', entityId: null, after: { restoreStarted: input.backupFile, backupCreatedAt: manifest.createdAt } });
    return service.status(ctx.db);
  },
};
