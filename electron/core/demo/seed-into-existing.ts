import type { Core } from '../core';
import { readSettings } from '../settings/read-settings';
import { seedDemo, type DemoSummary } from './seed-demo';

/**
 * `--demo` on a store that already has an administrator and no visits: seed now, as that
 * administrator, with one audit row. A brand-new store is seeded from the first-run screen instead.
 */
export async function seedDemoIntoExistingStore(core: Core, now = new Date()): Promise<DemoSummary | null> {
  const { db } = core.store;
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').limit(1).executeTakeFirst();
  const anyVisit = await db.selectFrom('visits').select('id').limit(1).executeTakeFirst();
  if (!admin || anyVisit) return null;
  const { timeZone } = await readSettings(db);
  return core.store.write(async (trx) => {
    const summary = await seedDemo(trx, { actorId: admin.id, now, timeZone });
    await trx
      .insertInto('audit')
      .values({ at: now.toISOString(), user_id: admin.id, operation: 'demo.seed', entity: 'demo', entity_id: null, before: null, after: JSON.stringify(summary) })
      .execute();
    return summary;
  });
}
