import type { Db } from '../store/store';

/** Whether anyone has recorded anything in this store: a beneficiary, a visit or a support request. */
export async function storeHasData(db: Db): Promise<boolean> {
  for (const table of ['beneficiaries', 'visits', 'requests'] as const) {
    if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return true;
  }
  return false;
}
