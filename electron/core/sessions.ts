import { randomBytes } from 'node:crypto';
import type { DeviceKind } from '@shared/domain/devices';

/**
 * A device screen's session (devices.open): no user is signed in to it, so it never locks and no
 * sign-out at the desk ends it; it may call only what the contract grants its kind.
 */
export interface DeviceBinding {
  readonly kind: DeviceKind;
  /** The desk it was opened at: a kiosk asks about this desk's visits. */
  readonly deskId: number;
  /** Who opened it, named by the audit rows of the calls it is refused. */
  readonly openedBy: number;
}

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
  /** Last call of any kind (a window polls every second while open), ms since epoch. */
  lastSeen: number;
  /** An Electron window's own session: it ends with the window, never removed for idleness or the cap. */
  readonly heldByWindow: boolean;
  /** Set while this session is a device screen's (its deskId is then the device's desk). */
  device: DeviceBinding | null;
}

/** How many sessions a shell keeps: a script opening sessions in a loop cannot fill the memory. */
export const MAX_SESSIONS = 1_000;

/**
 * Sessions live in memory: a restart signs everyone out, which is what a desk expects. The map is
 * kept in order of last call (each call moves its session to the end), so the least recently seen
 * come first when the cap must make room.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly max = MAX_SESSIONS) {}

  create(now: number, options: { heldByWindow?: boolean; device?: DeviceBinding } = {}): Session {
    if (this.sessions.size >= this.max) this.makeRoom();
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      userId: null,
      deskId: options.device?.deskId ?? null,
      passwordVersion: null,
      lastActivity: now,
      locked: false,
      lastSeen: now,
      heldByWindow: options.heldByWindow ?? false,
      device: options.device ?? null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** The sessions someone is signed in to (the board's desks: who works where in this shell). */
  *signedIn(): IterableIterator<Readonly<Session>> {
    for (const session of this.sessions.values()) if (session.userId !== null) yield session;
  }

  /**
   * A call arrives on `session`: false (and the session is gone) when nobody had called it for
   * `idleMs` — a closed tab's, or an abandoned script's. A signed-in session without user activity for
   * `idleMs` is signed out (a window left open overnight asks for the password from the start).
   */
  use(session: Session, now: number, idleMs: number): boolean {
    if (!session.heldByWindow && now - session.lastSeen > idleMs) {
      this.sessions.delete(session.id);
      return false;
    }
    if (session.userId !== null && now - session.lastActivity > idleMs) signOut(session);
    session.lastSeen = now;
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    return true;
  }

  /** What use() does at a call, for every session at once (the core runs it every few minutes). */
  sweep(now: number, idleMs: number): { removed: number; signedOut: number } {
    let removed = 0;
    let signedOut = 0;
    for (const session of [...this.sessions.values()]) {
      if (!session.heldByWindow && now - session.lastSeen > idleMs) {
        this.sessions.delete(session.id);
        removed++;
      } else if (session.userId !== null && now - session.lastActivity > idleMs) {
        signOut(session);
        signedOut++;
      }
    }
    return { removed, signedOut };
  }

  /** At the cap: the least recently seen session nobody is signed in to goes, else the least recently seen of all (never a window's). */
  private makeRoom(): void {
    let oldest: Session | undefined;
    for (const session of this.sessions.values()) {
      if (session.heldByWindow) continue;
      if (session.userId === null) {
        oldest = session;
        break;
      }
      oldest ??= session;
    }
    if (oldest) this.sessions.delete(oldest.id);
  }

  /**
   * After a restore: the users may not be the same ones, so every window signs in again (its session
   * stays), and a device screen is opened again from a desk.
   */
  signOutAll(): void {
    for (const s of this.sessions.values()) {
      signOut(s);
      endDevice(s);
    }
  }
}

export function signOut(session: Session): void {
  session.userId = null;
  session.deskId = null;
  session.passwordVersion = null;
  session.locked = false;
}

/** The device screen is closed: its session is an anonymous one again, allowed nothing a device was. */
export function endDevice(session: Session): void {
  session.device = null;
  session.deskId = null;
}
