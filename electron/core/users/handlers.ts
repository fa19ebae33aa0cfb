import { AppError } from '../../../shared/errors';
import { ar } from '../../../shared/labels/ar';
import { hashPassword } from '../auth/passwords';
import { toUserView } from '../auth/session-view';
import type { HandlerMap } from '../handlers';

const columns = ['id', 'username', 'full_name', 'role', 'active'] as const;

export const userHandlers: HandlerMap<'users.list' | 'users.researchers' | 'users.create' | 'users.setActive'> = {
  'users.list': async (_input, ctx) =>
    (await ctx.db.selectFrom('users').select(columns).orderBy('id').execute()).map(toUserView),

  'users.researchers': async (_input, ctx) =>
    (
      await ctx.db
        .selectFrom('users')
        .select(columns)
        .where('role', '=', 'researcher')
        .where('active', '=', 1)
        .orderBy('full_name')
        .execute()
    ).map(toUserView),

  'users.create': async (input, ctx) => {
    const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) {
      throw new AppError('validation', ar.messages.usernameTaken, [{ path: ['username'], message: ar.messages.usernameTaken }]);
    }
    const row = await ctx.db
      .insertInto('users')
      .values({
        username: input.username,
        full_name: input.fullName,
        role: input.role,
        password_hash: await hashPassword(input.password),
        active: 1,
        created_at: ctx.now.toISOString(),
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'user', entityId: row.id, after: row });
    return toUserView(row);
  },

  'users.setActive': async (input, ctx) => {
    if (input.userId === ctx.user?.id && !input.active) throw new AppError('conflict', ar.messages.cannotDeactivateSelf);
    const before = await ctx.db.selectFrom('users').select(columns).where('id', '=', input.userId).executeTakeFirst();
    if (!before) throw new AppError('not_found', ar.errors.not_found);
    const after = await ctx.db
      .updateTable('users')
      .set({ active: input.active ? 1 : 0 })
      .where('id', '=', input.userId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'user', entityId: after.id, before, after });
    return toUserView(after);
  },
};
