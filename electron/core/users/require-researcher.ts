import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { Db } from '../store/store';

/** S3: a referral names an active social researcher, or nobody (any researcher may take it). */
export async function requireActiveResearcher(db: Db, researcherId: number | undefined): Promise<void> {
  if (!researcherId) return;
  const researcher = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', researcherId)
    .where('role', '=', 'researcher')
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!researcher) throw new AppError('not_found', ar.errors.not_found);
}
