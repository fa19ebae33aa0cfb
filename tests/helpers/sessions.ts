import type { InputOf, OperationName, OutputOf, SessionView, UserView } from '@shared/contract';
import type { Role } from '@shared/domain/roles';
import type { Envelope } from '@shared/errors';
import type { Core } from '../../electron/core/core';

export const ADMIN = { username: 'admin', fullName: 'عبدالعزيز محمد الإداري', password: 'hall-keeper-1445' } as const;
export const STAFF_PASSWORD = 'staff-pass-1445';

export interface CallEnvelope {
  <K extends OperationName>(operation: K, input: InputOf<K>): Promise<Envelope<OutputOf<K>>>;
  /** Anything at all, as a shell could send it: bad shapes, unknown operations. */
  (operation: string, input?: unknown): Promise<Envelope<unknown>>;
}

export interface SignedIn {
  sessionId: string;
  user: UserView;
  password: string;
  /** The desk it signed in at (to sign in again after a clock jump past the session's expiry). */
  deskId: number;
  /** The envelope, as the renderer would get it. */
  call: CallEnvelope;
  /** The value, or a thrown Error naming the code and Arabic message. */
  ok<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

export function bind(core: Core, sessionId: string): Pick<SignedIn, 'call' | 'ok'> {
  const call = ((operation: string, input?: unknown) => core.dispatch(operation, input, sessionId)) as CallEnvelope;
  async function ok<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>> {
    const env = await core.dispatch(operation, input, sessionId);
    if (!env.ok) {
      const issues = env.error.issues?.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${operation} failed: ${env.error.code} — ${env.error.message}${issues ? ` [${issues}]` : ''}`);
    }
    return env.value as OutputOf<K>;
  }
  return { call, ok };
}

/**
 * A fresh anonymous session: a new desk window before sign-in. Held as an Electron window's is, so a
 * test that moves the clock by days signs it in again (unlockAfterClockJump) rather than losing it.
 */
export function anonymous(core: Core): Pick<SignedIn, 'call' | 'ok'> & { sessionId: string } {
  const sessionId = core.createSession({ heldByWindow: true });
  return { sessionId, ...bind(core, sessionId) };
}

async function needsSetup(core: Core): Promise<boolean> {
  const probe = core.createSession();
  const env = await core.dispatch('auth.session', {}, probe);
  core.endSession(probe);
  if (!env.ok) throw new Error(`auth.session failed: ${env.error.message}`);
  return (env.value as SessionView).needsSetup;
}

let serial = 0;

/** The administrator's own session on each core, reused (every sign-in costs a scrypt hash). */
const adminSessions = new WeakMap<Core, Map<number, ReturnType<typeof anonymous>>>();

async function adminSession(core: Core, deskId: number): Promise<ReturnType<typeof anonymous>> {
  let byDesk = adminSessions.get(core);
  if (!byDesk) adminSessions.set(core, (byDesk = new Map()));
  const cached = byDesk.get(deskId);
  if (cached) {
    const probe = await cached.call('auth.session', {});
    if (probe.ok && (probe.value as SessionView).user && !(probe.value as SessionView).locked) return cached;
  }
  const admin = anonymous(core);
  if (await needsSetup(core)) {
    await admin.ok('auth.setup', { ...ADMIN, deskId });
  } else {
    await admin.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password, deskId });
  }
  byDesk.set(deskId, admin);
  return admin;
}

/**
 * A session signed in as a user of `role` at `deskId` (default desk 1). The first call on a store
 * creates the administrator through auth.setup, as the first-run screen does; other roles are then
 * created by that administrator through users.create. `role: 'admin'` returns the administrator.
 */
export async function signedInAs(
  core: Core,
  role: Role,
  options: { deskId?: number; username?: string; fullName?: string } = {},
): Promise<SignedIn> {
  const deskId = options.deskId ?? 1;
  const admin = await adminSession(core, deskId);
  if (role === 'admin' && !options.username) {
    const view = await admin.ok('auth.session', {});
    return { ...admin, user: view.user!, password: ADMIN.password, deskId };
  }
  serial += 1;
  const username = options.username ?? `${role}${serial}`;
  const user = await admin.ok('users.create', {
    username,
    fullName: options.fullName ?? `${DEFAULT_NAMES[role]} ${serial}`,
    role,
    password: STAFF_PASSWORD,
  });
  const me = anonymous(core);
  await me.ok('auth.signIn', { username, password: STAFF_PASSWORD, deskId });
  return { ...me, user, password: STAFF_PASSWORD, deskId };
}

const DEFAULT_NAMES: Record<Role, string> = {
  receptionist: 'موظفة الاستقبال نورة',
  researcher: 'الباحثة الاجتماعية منيرة',
  supervisor: 'المشرف فهد',
  admin: 'مدير آخر',
};
