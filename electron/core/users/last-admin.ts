import { AppError } from '@shared/errors';
import type { Db } from '../store/store';

/**
 * The store must keep one active administrator (only an administrator manages accounts): refuses,
 * with `message`, to take the administrator role or activity away from the last one. Runs inside the
 * mutation's write transaction, so two administrators demoting each other at once cannot both succeed.
 */
export async function keepAnActiveAdmin(db: Db, user: { id: number; role: string; active: number }, message: string): Promise<void> {
  if (user.role !== 'admin' || !user.active) return;
  const other = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', user.id)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new AppError('conflict', message);
}
