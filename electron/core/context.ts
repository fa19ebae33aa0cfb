import type { Role } from '@shared/domain/roles';
import type { AppError } from '@shared/errors';
import type { PasswordCost } from './auth/passwords';
import type { AboutView } from '@shared/contract';
import type { BackupService } from './backup/backup-service';
import type { ShellFacts } from './computer/shell-facts';
import type { JobRunner } from './jobs/job-runner';
import type { Session, SessionStore } from './sessions';
import type { StoreMoveService } from './store-move/store-move-service';
import type { FileStore } from './store/files/file-store';
import type { StoreConnectionRuntime } from './store/connection/connection-state';
import type { Db, Store } from './store/store';
import type { SentAhead } from './store/sent-ahead';

export interface SignedInUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
}

export interface RuntimeFlags {
  /** The data folder (the SQLite store's, with its files; on either store the desk's own). */
  dataDir: string;
  /** Scans, reference PDFs and printed copies, kept as the store keeps them (store/files/file-store.ts). */
  files: FileStore;
  /** resources/fonts of a packaged app; undefined: found beside the sources or the build. */
  fontsDir?: string;
  /** scrypt's cost for new password hashes: PASSWORD_COST, lowered only by the test helpers. */
  passwordCost: PasswordCost;
  /** resources/passwords/common-passwords.txt of a packaged app; undefined: found beside the sources or the build. */
  commonPasswordsFile?: string;
  /** The backup and restore jobs of this core (backups.* operations); every core made by createCore has them. */
  backups?: BackupService;
  /** Moving this desk's SQLite store into PostgreSQL (store.* operations); every core made by createCore has it. */
  storeMove?: StoreMoveService;
  /** Long documents and exports off the shell's thread; absent where none is made (the demo's seeding). */
  jobs?: JobRunner;
  /** This desk's store and where it was named, for the store.* operations; every core made by createCore has it. */
  storeConnection?: StoreConnectionRuntime;
  /** «حول البرنامج»: fixed when the core is made. */
  about: AboutView;
  /** What the shell running this core can do for this computer (start with Windows). */
  shell: ShellFacts;
}

export interface AuditEntry {
  entity: string | null;
  entityId: number | null;
  /** The desk the row names when it is not the session's (a failed sign-in names the desk it tried). */
  deskId?: number | null;
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
  /**
   * A mutation: records what it changed; the dispatcher writes it to the audit trail in the same
   * transaction. A query: records a read of personal data in full (a whole file, a scan, full IDs),
   * written as a read once the query has succeeded — `after` says what was read, never the data itself.
   */
  audit(entry: AuditEntry): void;
  /** Says the mutation changed nothing (an empty call-next, a repeated check-in): no audit row. */
  unchanged(): void;
  /**
   * Answers with `error` but, unlike a thrown AppError, commits what the mutation wrote and recorded
   * first (a failed sign-in: its counter and its audit row).
   */
  refuse(error: AppError): never;
  /** What the handler's `prepare` step returned (see withPreparation); undefined for other handlers. */
  prepared?: unknown;
  /** The change's first statement sent ahead with BEGIN and its rows (see withDeskScope): taken with rowsOf. */
  sentAhead?: SentAhead | null;
}

/** The signed-in user of a handler whose operation is not public. */
export function requireUser(ctx: Pick<HandlerContext, 'user'>): SignedInUser {
  if (!ctx.user) throw new Error('handler of a non-public operation ran without a user');
  return ctx.user;
}
