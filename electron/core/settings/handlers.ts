import type { settingsOperations } from '@shared/contract/settings';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { checkBackupFolder } from '../backup/backup-folder';
import type { HandlersOf } from '../handler-kinds';
import { readSettings } from './read-settings';
import { isDeskFact, readDeskFacts, writeDeskFacts, type DeskFacts } from './desk-facts';
import type { HandlerContext } from '../context';

/** The shared settings with this PC's own facts (its backup folder) beside them. */
async function settingsHere(ctx: Pick<HandlerContext, 'db' | 'runtime'>) {
  return { ...(await readSettings(ctx.db)), ...readDeskFacts(ctx.runtime.dataDir) };
}

export const settingsHandlers: HandlersOf<typeof settingsOperations> = {
  'settings.get': async (_input, ctx) => settingsHere(ctx),

  'settings.update': async (input, ctx) => {
    if (input.backupFolder) checkBackupFolder(input.backupFolder, ctx.runtime.dataDir);
    const before = await settingsHere(ctx);
    // Targets arrive for the reasons changed; the whole table is kept so a reader never merges.
    const values = input.waitTargets ? { ...input, waitTargets: { ...before.waitTargets, ...input.waitTargets } } : input;
    const deskFacts: Partial<DeskFacts> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (isDeskFact(key)) {
        deskFacts[key] = value as DeskFacts[typeof key];
        continue;
      }
      await ctx.db
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    // This PC's facts last, once everything else has been accepted: a refusal above leaves its file as it was.
    if (Object.keys(deskFacts).length > 0) writeDeskFacts(ctx.runtime.dataDir, deskFacts);
    const after = await settingsHere(ctx);
    ctx.audit({ entity: 'settings', entityId: null, before, after });
    return after;
  },

  'settings.desks': async (_input, ctx) =>
    (await ctx.db.selectFrom('desks').selectAll().orderBy('id').execute()).map((d) => ({
      id: d.id,
      name: d.name,
      ticketPrefix: d.ticket_prefix,
    })),

  'settings.createDesk': async (input, ctx) => {
    const taken = await ctx.db.selectFrom('desks').select('id').where('ticket_prefix', '=', input.ticketPrefix).executeTakeFirst();
    if (taken) {
      throw new AppError('validation', ar.messages.ticketPrefixTaken, [{ path: ['ticketPrefix'], message: ar.messages.ticketPrefixTaken }]);
    }
    const row = await ctx.db
      .insertInto('desks')
      .values({ name: input.name, ticket_prefix: input.ticketPrefix })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'desk', entityId: row.id, after: row });
    return { id: row.id, name: row.name, ticketPrefix: row.ticket_prefix };
  },

  'settings.revision': async (_input, ctx) => ({ revision: await ctx.store.revision(ctx.db) }),
};
