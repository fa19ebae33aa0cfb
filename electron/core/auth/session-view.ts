import type { SessionView, UserView } from '@shared/contract';
import type { Role } from '@shared/domain/roles';
import type { HandlerContext } from '../context';
import { readSettings } from '../settings/read-settings';
import type { Db } from '../store/store';

/** The users columns a UserView is made of (never the password hash). */
export const USER_VIEW_COLUMNS = ['id', 'username', 'full_name', 'role', 'active', 'must_change_password'] as const;

type UserRow = { id: number; username: string; full_name: string; role: string; active: number; must_change_password: number };

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role as Role,
    active: !!row.active,
    mustChangePassword: !!row.must_change_password,
  };
}

export async function sessionView(ctx: Pick<HandlerContext, 'db' | 'session'>): Promise<SessionView> {
  const db: Db = ctx.db;
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const settings = await readSettings(db, ['lockAfterMinutes']);
  const { session } = ctx;
  const user = session.userId
    ? await db.selectFrom('users').select(USER_VIEW_COLUMNS).where('id', '=', session.userId).executeTakeFirst()
    : undefined;
  const desk = session.deskId
    ? await db.selectFrom('desks').selectAll().where('id', '=', session.deskId).executeTakeFirst()
    : undefined;
  return {
    needsSetup: !anyUser,
    user: user ? toUserView(user) : null,
    desk: desk ? { id: desk.id, name: desk.name, ticketPrefix: desk.ticket_prefix } : null,
    locked: session.locked,
    lockAfterMinutes: settings.lockAfterMinutes,
  };
}
