import type { HandlerMap } from '../handlers';
import { readSettings } from './read-settings';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update' | 'settings.desks' | 'settings.revision'> = {
  'settings.get': async (_input, ctx) => readSettings(ctx.db),

  'settings.update': async (input, ctx) => {
    const before = await readSettings(ctx.db);
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      await ctx.db
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    const after = await readSettings(ctx.db);
    ctx.audit({ entity: 'settings', entityId: null, before, after });
    return after;
  },

  'settings.desks': async (_input, ctx) =>
    (await ctx.db.selectFrom('desks').selectAll().orderBy('id').execute()).map((d) => ({
      id: d.id,
      name: d.name,
      ticketPrefix: d.ticket_prefix,
    })),

  'settings.revision': async (_input, ctx) => ({ revision: await ctx.store.revision(ctx.db) }),
};
