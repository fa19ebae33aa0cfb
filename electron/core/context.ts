import type { Role } from '../../shared/domain/roles';
import type { JobRunner } from './jobs/job-runner';
import type { Session, SessionStore } from './sessions';
import type { Db, Store } from './store/store';

export interface SignedInUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
}

export interface RuntimeFlags {
  /** The data folder (attachments live under it, never inside the database). */
  dataDir: string;
  /** resources/fonts of a packaged app; undefined: found beside the sources or the build. */
  fontsDir?: string;
  /** Long documents and exports off the shell's thread; absent where none is made (the demo's seeding). */
  jobs?: JobRunner;
}

export interface AuditEntry {
  entity: string | null;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  /** The transaction for a mutation; the store's connection for a query. */
  db: Db;
  store: Store;
  sessions: SessionStore;
  session: Session;
  /** The signed-in user; null only for public operations called before sign-in. */
  user: SignedInUser | null;
  now: Date;
  timeZone: string;
  /** How this core was started (flags that are not settings). */
  runtime: RuntimeFlags;
  /** Records what the mutation changed; the dispatcher writes it to the audit trail in the same transaction. */
  audit(entry: AuditEntry): void;
  /** Says the mutation changed nothing (an empty call-next, a repeated check-in): no audit row. */
  unchanged(): void;
}

/** The signed-in user of a handler whose operation is not public. */
export function requireUser(ctx: HandlerContext): SignedInUser {
  if (!ctx.user) throw new Error('handler of a non-public operation ran without a user');
  return ctx.user;
}
