import type { RefusalReason } from '@shared/domain/audit';
import type { Session } from '../sessions';

/**
 * What the audit trail keeps besides changes, and why (PDPL: who reached whose personal data, and who
 * tried what they may not do).
 *
 * Refusals of access — a session whose user was signed out behind it, a locked session, a role that
 * may not call the operation, a temporary password not yet changed — are kept: they are the attempts
 * an auditor looks for. Refused input (validation), a missing record or a stale save are not: they are
 * the desk's ordinary typing and racing (a search box refuses a keystroke flood all day), say nothing
 * about who may see what, and already write nothing.
 */

/**
 * Calls a desk's screen makes by itself, not a person: the once-a-second change poll and the
 * activity report. A desk left locked overnight would otherwise write 86,400 refusals of the poll.
 */
const BACKGROUND_OPERATIONS: ReadonlySet<string> = new Set(['settings.revision', 'auth.touch']);

export function auditsRefusal(operation: string, reason: RefusalReason): boolean {
  // The call that finds its user signed out happens once per session (the session has no user after
  // it), whichever call it is: always kept.
  if (reason === 'unauthenticated') return true;
  return !BACKGROUND_OPERATIONS.has(operation);
}

/**
 * The same refusal again from the same session within a minute is the same attempt (a script's loop,
 * a button pressed twice): one row, not one per call — the trail stays readable and a loop cannot
 * fill the disk.
 */
export const REFUSAL_REPEAT_MS = 60_000;

/**
 * The same session reading the same thing again within ten minutes is one access: an open file or
 * scan is fetched again by the screen whenever anything changes anywhere in the hall.
 */
export const READ_REPEAT_MS = 10 * 60_000;

/** Remembers, per session, when each kind of event was last recorded; forgotten with the session. */
export class RepeatFilter {
  private readonly seen = new WeakMap<Session, Map<string, number>>();

  /** Whether `key` was recorded for this session less than `windowMs` before `now`. */
  recent(session: Session, key: string, now: number, windowMs: number): boolean {
    const last = this.seen.get(session)?.get(key);
    return last !== undefined && now >= last && now - last < windowMs;
  }

  /** Notes `key` as recorded at `now` (only once its row is committed: a failed write is no record). */
  remember(session: Session, key: string, now: number): void {
    let keys = this.seen.get(session);
    if (!keys) this.seen.set(session, (keys = new Map()));
    if (keys.size >= 256) {
      for (const [k, t] of keys) if (now - t >= READ_REPEAT_MS) keys.delete(k);
    }
    keys.set(key, now);
  }
}
