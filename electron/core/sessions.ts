import { randomBytes } from 'node:crypto';

/** One signed-in window (an Electron window, or a browser tab on the loopback shell). */
export interface Session {
  readonly id: string;
  userId: number | null;
  deskId: number | null;
  /** The user's password_version at sign-in: a later change or reset of the password signs this session out. */
  passwordVersion: number | null;
  /** Last user-initiated activity (a change, or the renderer's report of typing), ms since epoch. */
  lastActivity: number;
  locked: boolean;
}

/** Sessions live in memory: a restart signs everyone out, which is what a desk expects. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(now: number): Session {
    const session: Session = { id: randomBytes(24).toString('base64url'), userId: null, deskId: null, passwordVersion: null, lastActivity: now, locked: false };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /** After a restore: the users may not be the same ones, so every window signs in again (its session stays). */
  signOutAll(): void {
    for (const s of this.sessions.values()) {
      s.userId = null;
      s.deskId = null;
      s.passwordVersion = null;
      s.locked = false;
    }
  }
}
