import type { CompiledQuery } from 'kysely';
import type { z } from 'zod';
import { contract, isOperationName, type OperationName, type SettingsView } from '@shared/contract';
import { describeIssue } from '@shared/contract/field-names';
import type { RefusalReason } from '@shared/domain/audit';
import { AppError, type Envelope } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { auditsRefusal, READ_REPEAT_MS, REFUSAL_REPEAT_MS, RepeatFilter } from './audit/audit-policy';
import { auditRowInsert, insertAuditRow, type AuditRowInput } from './audit/write-audit';
import type { AuditEntry, HandlerContext, RuntimeFlags, SignedInUser } from './context';
import { aheadOf, preparationOf, readAheadOf, readsAhead, writeScopeOf, type AheadContext, type Handlers } from './handler-kinds';
import type { Session, SessionStore } from './sessions';
import { readSettings } from './settings/read-settings';
import { checkUploadIn, takesUpload } from './uploads/checked-uploads';
import type { AheadStatement, SentAhead } from './store/sent-ahead';
import type { ChangeMark, Db, Store, WriteScope } from './store/store';

export interface DispatcherDeps {
  store: Store;
  sessions: SessionStore;
  handlers: Handlers;
  runtime: RuntimeFlags;
  now: () => Date;
  /** Where unexpected errors go (never to the renderer). */
  log?: (error: unknown, operation: string) => void;
}

export type Dispatch = (operation: string, input: unknown, sessionId: string) => Promise<Envelope<unknown>>;

type CallSettings = Pick<SettingsView, 'timeZone' | 'lockAfterMinutes' | 'sessionExpiryHours'>;
/** Audit entities whose change may change what the dispatcher keeps between calls. */
const KEPT_ENTITIES = new Set(['user', 'settings']);
/** What a call is checked against: three settings and the signed-in user's row (undefined: no such user). */
type CallFacts = { settings: CallSettings; row: UserRow | undefined };
/** Who a change is from, the settings it runs with, its validated input. */
type Admitted = { user: SignedInUser | null; settings: CallSettings; input: unknown };
type UserRow = { id: number; username: string; full_name: string; role: string; active: number; must_change_password: number; password_version: number };

/**
 * The one way into the core, for both shells: validate → check the session and role → run (a
 * mutation in one write transaction with its audit rows) → envelope. Handlers throw AppError;
 * a store's server gone away becomes "unavailable", anything else "internal", with nothing written.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { store, sessions, handlers } = deps;

  /**
   * What every call reads before its handler — three settings and the signed-in user — kept between
   * calls and read again as soon as the store may have changed (store.changeMark: another desk's
   * process committed users or settings, or anything was written here). A search then costs its own
   * statement, not three.
   */
  let kept: { mark: ChangeMark; settings: CallSettings; users: Map<number, UserRow | undefined> } | null = null;
  async function callFacts(userId: number | null): Promise<CallFacts> {
    const asked = store.changeMark();
    // SQLite answers at once: no await (a turn of the event loop on every call) unless it is a promise.
    return factsAt(store.db, asked instanceof Promise ? await asked : asked, userId);
  }
  /** What a call's first statements are built from before its facts are read (AheadContext): what is kept. */
  function aheadContext(facts: NonNullable<typeof kept>, session: Session, now: Date): AheadContext {
    const row = session.userId === null ? undefined : facts.users.get(session.userId);
    const user = row ? { id: row.id, username: row.username, fullName: row.full_name, role: row.role as SignedInUser['role'] } : null;
    return { db: store.db, store, session, now, timeZone: facts.settings.timeZone, user };
  }

  /**
   * callFacts, with a read's first statements sent along with the change mark (Store.changeMarkWith:
   * one round trip on PostgreSQL) and their rows, for the handler to take (rowsOf).
   */
  async function callFactsWith(userId: number | null, statements: AheadStatement[]): Promise<CallFacts & { sentAhead: SentAhead | null }> {
    const { mark, rows } = await store.changeMarkWith!(statements);
    const facts = await factsAt(store.db, mark, userId);
    return { ...facts, sentAhead: rows && { statements: statements.map((s, i) => ({ ...s, rows: rows[i] ?? [] })) } };
  }
  /** What is kept, read again with `db` first if `mark` says it may have changed since. */
  async function factsAt(db: Db, mark: ChangeMark, userId: number | null): Promise<CallFacts> {
    if (kept?.mark.others !== mark.others || kept.mark.own !== mark.own) {
      kept = { mark, settings: await readSettings(db, ['timeZone', 'lockAfterMinutes', 'sessionExpiryHours']), users: new Map() };
    }
    const facts = kept;
    if (userId === null) return { settings: facts.settings, row: undefined };
    if (!facts.users.has(userId)) {
      const row = await db
        .selectFrom('users')
        .select(['id', 'username', 'full_name', 'role', 'active', 'must_change_password', 'password_version'])
        .where('id', '=', userId)
        .executeTakeFirst();
      facts.users.set(userId, row);
    }
    return { settings: facts.settings, row: facts.users.get(userId) };
  }

  /**
   * Audit rows that are not part of a change (a read, a refusal), in their own short write
   * transaction after the call. What the dispatcher keeps between calls stays true: only these rows
   * were written, and they name no user or setting.
   */
  async function writeAside(rows: AuditRowInput[]): Promise<void> {
    await store.write(async (trx) => {
      const keptAtStart = kept?.mark.own === store.ownChanges() ? kept : null;
      for (const row of rows) await insertAuditRow(trx, row);
      if (keptAtStart && keptAtStart === kept) keptAtStart.mark = { ...keptAtStart.mark, own: store.ownChanges() };
    });
  }

  /**
   * Each call's facts in the order the calls came, however long each took to read: on PostgreSQL the
   * store's change mark is a round trip of its own, and three changes a desk asked one after the
   * other, admitted before their transactions, must still take the write lock in that order
   * (Store.write), as on SQLite. (A change admitted under its lock asks for it at once.)
   */
  let factsInTurn: Promise<unknown> = Promise.resolve();
  function callFactsInTurn(userId: number | null): Promise<CallFacts> {
    return inTurn(callFacts(userId));
  }
  function inTurn<T>(facts: Promise<T>): Promise<T> {
    const turn = factsInTurn.then(() => facts);
    factsInTurn = turn.catch(() => undefined);
    return turn;
  }

  const repeats = new RepeatFilter();

  /** A call refused for its session or role, recorded after the refusal (which itself wrote nothing). */
  async function auditRefusal(session: Session, operation: string, refusal: Refusal): Promise<void> {
    if (!auditsRefusal(operation, refusal.reason)) return;
    const now = deps.now();
    const key = `refused:${operation}:${refusal.reason}`;
    if (repeats.recent(session, key, now.getTime(), REFUSAL_REPEAT_MS)) return;
    try {
      await writeAside([
        { at: now.toISOString(), userId: refusal.userId, deskId: refusal.deskId, operation, kind: 'refused', reason: refusal.reason, entity: null, entityId: null, before: null, after: null },
      ]);
      repeats.remember(session, key, now.getTime());
    } catch (error) {
      // The caller is told of the refusal either way; a store too busy to record it is worth a log line
      // (one whose server is away is already reported by the change listener).
      if (!store.lostConnection(error)) deps.log?.(error, operation);
    }
  }

  /**
   * Personal data read in full (the handler said so with ctx.audit), recorded once the read has
   * succeeded. A read that cannot be recorded is not answered: the error goes back instead of the data.
   */
  async function auditReads(session: Session, user: SignedInUser | null, operation: string, at: Date, entries: AuditEntry[]): Promise<void> {
    const fresh = entries
      .map((e) => ({ e, key: `read:${operation}:${e.entity}:${e.entityId}:${auditJson(e.after)}` }))
      .filter(({ key }) => !repeats.recent(session, key, at.getTime(), READ_REPEAT_MS));
    if (fresh.length === 0) return;
    await writeAside(
      fresh.map(({ e }) => ({
        at: at.toISOString(),
        userId: user?.id ?? session.userId,
        deskId: session.deskId,
        operation,
        kind: 'read' as const,
        reason: null,
        entity: e.entity ?? null,
        entityId: e.entityId ?? null,
        before: null,
        after: auditJson(e.after),
      })),
    );
    for (const { key } of fresh) repeats.remember(session, key, at.getTime());
  }

  return async function dispatch(operation, rawInput, sessionId) {
    // Set by refuse() below (a closure): typed wide so the catch block does not take them for null.
    let refusal = null as Refusal | null;
    let refusedSession = null as Session | null;
    /** Notes who was refused and why, for the audit row written after the refusal. */
    const refuse = (session: Session, reason: RefusalReason, userId: number, deskId: number | null, error: AppError) => {
      refusal = { reason, userId, deskId };
      refusedSession = session;
      return error;
    };
    try {
      if (typeof operation !== 'string' || !isOperationName(operation)) {
        throw new AppError('unknown_operation', ar.errors.unknown_operation);
      }
      const def = contract[operation];
      const session = sessions.get(sessionId);
      if (!session) throw new AppError('unauthenticated', ar.errors.unauthenticated);

      const now = deps.now();
      /** The session's checks against the facts: the user calling (null: nobody), or a refusal thrown. */
      const admit = ({ settings, row }: CallFacts): SignedInUser | null => {
        // Idle past the setting: a session nobody called is gone, a signed-in one is signed out.
        if (!sessions.use(session, now.getTime(), settings.sessionExpiryHours * 3_600_000)) {
          throw new AppError('unauthenticated', ar.errors.unauthenticated);
        }
        let user: SignedInUser | null = null;
        let mustChangePassword = false;
        let signedOutNow: { userId: number; deskId: number | null } | null = null;
        if (session.userId !== null) {
          // Deactivated, or the password changed or was reset since this session signed in (here or on another desk).
          if (!row || !row.active || row.password_version !== session.passwordVersion) {
            signedOutNow = { userId: session.userId, deskId: session.deskId };
            session.userId = null;
            session.deskId = null;
            session.passwordVersion = null;
            session.locked = false;
          } else {
            mustChangePassword = !!row.must_change_password;
            user = { id: row.id, username: row.username, fullName: row.full_name, role: row.role as SignedInUser['role'] };
            if (!session.locked && now.getTime() - session.lastActivity > settings.lockAfterMinutes * 60_000) {
              session.locked = true;
            }
          }
        }

        if (session.device) {
          // A device screen (nobody at it): only what the contract grants its kind — not even a public
          // operation such as a sign-in, which would turn the hall's screen into a desk.
          if (!def.devices?.includes(session.device.kind)) {
            const { openedBy, deskId } = session.device;
            throw refuse(session, 'forbidden', openedBy, deskId, new AppError('forbidden', ar.errors.forbidden));
          }
        } else if (def.access !== 'public') {
          if (!user) {
            const error = new AppError('unauthenticated', ar.errors.unauthenticated);
            // A session that never had a user names nobody: nothing to record.
            throw signedOutNow ? refuse(session, 'unauthenticated', signedOutNow.userId, signedOutNow.deskId, error) : error;
          }
          // What a locked session, or one that must first choose a new password, may still call is the contract's word.
          if (session.locked && !def.whileLocked) {
            throw refuse(session, 'locked', user.id, session.deskId, new AppError('locked', ar.errors.locked));
          }
          if (mustChangePassword && !def.beforeNewPassword) {
            throw refuse(session, 'password_must_change', user.id, session.deskId, new AppError('forbidden', ar.staff.mustChangePassword));
          }
          if (def.access !== 'signed-in' && !def.access.includes(user.role)) {
            throw refuse(session, 'forbidden', user.id, session.deskId, new AppError('forbidden', ar.errors.forbidden));
          }
        }
        return user;
      };

      const handler = handlers[operation] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;

      /**
       * The change in one write transaction with its audit rows. `admitted` runs first inside it, given
       * the change mark the store read as it took the lock: who calls, the settings, the handler's input.
       */
      const change = async (
        admitted: (trx: Db, mark: ChangeMark) => Promise<Admitted>,
        scope: WriteScope | undefined,
        prepared?: unknown,
        ahead?: CompiledQuery,
      ): Promise<Envelope<unknown>> => {
        // Sign-in sets the desk and sign-out clears it: the row names the desk the session had at either end.
        const deskAtStart = session.deskId;
        // ctx.refuse: the handler's writes and audit rows are committed, then its error is the answer.
        let committedRefusal: AppError | null = null;
        const value = await store.write(async (trx, mark, aheadRows) => {
          const { user, settings, input } = await admitted(trx, mark);
          // What is kept is true as the lock was taken (the facts it reads again there are no write of
          // this transaction's, though the store may count them as statements of it).
          const keptAtStart = kept && kept.mark.own === mark.own && kept.mark.others === mark.others ? kept : null;
          const entries: AuditEntry[] = [];
          let unchanged = false;
          let result: unknown;
          try {
            result = await handler(input, {
              store,
              sessions,
              session,
              user,
              now,
              timeZone: settings.timeZone,
              runtime: deps.runtime,
              db: trx,
              audit: (e) => entries.push(e),
              unchanged: () => (unchanged = true),
              refuse: (error) => {
                throw new CommittedRefusal(error);
              },
              prepared,
              sentAhead: ahead && aheadRows ? { statements: [{ query: ahead, arrays: false, rows: aheadRows }] } : null,
            });
          } catch (e) {
            if (!(e instanceof CommittedRefusal)) throw e;
            committedRefusal = e.error;
          }
          if (unchanged && entries.length === 0) return result;
          if (entries.length === 0) entries.push({ entity: null, entityId: null, after: input });
          const at = now.toISOString();
          const userId = auditUserId(user, session.userId);
          // A refused try (a wrong password) is recorded as refused, with what the handler noted of it.
          const kind = committedRefusal ? 'refused' : 'change';
          const reason = committedRefusal ? 'credentials' : null;
          for (const e of entries) {
            // Nothing in the transaction reads the audit row back: it goes with the commit.
            await store.atCommit(trx, auditRowInsert(trx, {
              at,
              userId,
              deskId: e.deskId ?? deskAtStart ?? session.deskId,
              operation,
              kind,
              reason,
              entity: e.entity ?? null,
              entityId: e.entityId ?? null,
              before: auditJson(e.before),
              after: auditJson(e.after),
            }));
          }
          // A change that names neither a user nor the settings (every change is audited) leaves what
          // the dispatcher keeps true, if nothing else was written since it was read: then only this
          // transaction moved the connection's own changes (no other write of this process runs inside it).
          if (keptAtStart && keptAtStart === kept && entries.every((e) => e.entity && !KEPT_ENTITIES.has(e.entity))) {
            keptAtStart.mark = { ...keptAtStart.mark, own: store.ownChanges() };
          }
          return result;
        }, scope, ahead);
        const answer = committedRefusal as AppError | null; // set inside the transaction's callback
        if (answer) throw answer;
        if (session.userId !== null) session.lastActivity = now.getTime();
        return { ok: true, value: value ?? null };
      };

      const prepare = preparationOf(handler);
      // Most changes are admitted under their write lock, against the change mark the store read as it
      // took the lock (Store.write): on PostgreSQL the mark then costs no round trip of its own. A change
      // with work to do before its transaction (a password's hash, a file to open) is admitted first, as
      // a read is: nothing is worked on for a call that will be refused.
      if (def.kind === 'mutation' && !prepare && !takesUpload(operation)) {
        const parsed = def.input.safeParse(rawInput ?? {});
        // The lock a valid input would take; an invalid one is refused inside, after the session's checks.
        const scope = parsed.success ? writeScopeOf(handler, parsed.data, session) : undefined;
        // Its first statement, if the handler has one to send with BEGIN, built with the settings kept
        // so far; the handler builds it again with those read under the lock (rowsOf). Not for a session
        // already locked: its change will be refused, and a claim sent ahead would hold a visitor meanwhile.
        const ahead =
          parsed.success && kept && session.userId !== null && !session.locked
            ? aheadOf(handler, parsed.data, aheadContext(kept, session, now))
            : undefined;
        return await change(async (trx, mark) => {
          const facts = await factsAt(trx, mark, session.userId);
          const user = admit(facts);
          if (!parsed.success) throw validationError(parsed.error);
          return { user, settings: facts.settings, input: parsed.data };
        }, scope, undefined, ahead);
      }

      // A read's first statements, if its handler knows them before it runs (withReadAhead), go with the
      // change mark, built with the settings kept so far (the handler builds them again with the settings
      // read for the call). Only where the mark is a round trip, and not for a session that will be refused.
      const early =
        def.kind === 'query' && store.changeMarkWith && kept && session.userId !== null && !session.locked && readsAhead(handler)
          ? def.input.safeParse(rawInput ?? {})
          : undefined;
      const ahead = early?.success ? readAheadOf(handler, early.data, aheadContext(kept!, session, now)) : undefined;
      const facts: CallFacts & { sentAhead?: SentAhead | null } = ahead?.length ? await inTurn(callFactsWith(session.userId, ahead)) : await callFactsInTurn(session.userId);
      const user = admit(facts);
      const { settings } = facts;
      const parsed = early ?? def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      // A file is opened before the transaction, never while holding the write lock.
      await checkUploadIn(operation, parsed.data);

      if (def.kind === 'query') {
        const reads: AuditEntry[] = [];
        const base = { store, sessions, session, user, now, timeZone: settings.timeZone, runtime: deps.runtime };
        const value = await handler(parsed.data, { ...base, db: store.db, audit: (e) => reads.push(e), unchanged: () => {}, refuse: throwIt, sentAhead: facts.sentAhead ?? null });
        if (reads.length > 0) await auditReads(session, user, operation, now, reads);
        return { ok: true, value: value ?? null };
      }

      // A handler's slow part (a password's hash) runs before the transaction: see withPreparation.
      const prepared = prepare
        ? await prepare(parsed.data as never, { store, session, user, now, runtime: deps.runtime, db: store.db })
        : undefined;
      return await change(async () => ({ user, settings, input: parsed.data }), writeScopeOf(handler, parsed.data, session), prepared);
    } catch (error) {
      if (refusal && refusedSession) await auditRefusal(refusedSession, String(operation), refusal);
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      // The server went away (a restart, a cable out): one transaction per call, so nothing of it was
      // written unless its commit had reached the server; the desk says so and tries again by itself.
      if (store.lostConnection(error)) return { ok: false, error: { code: 'unavailable', message: ar.errors.unavailable } };
      deps.log?.(error, String(operation));
      return { ok: false, error: { code: 'internal', message: ar.errors.internal } };
    }
  };
}

/** Thrown by ctx.refuse inside the transaction, so the dispatcher commits before answering with the error. */
class CommittedRefusal {
  constructor(readonly error: AppError) {}
}

function throwIt(error: AppError): never {
  throw error;
}

/** The user the audit row names: whoever was signed in before or after (sign-in and setup set it). */
function auditUserId(before: SignedInUser | null, after: number | null): number | null {
  return before?.id ?? after;
}

/**
 * Every problem with its own path (a field the operation does not take is named by its path, never
 * in the message), and a message that names the first problem's field for whoever shows only that.
 */
function validationError(error: z.ZodError): AppError {
  const issues = error.issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const paths = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...path, k]) : [path];
    return paths.map((p) => ({ path: p, message: i.message }));
  });
  const first = issues[0];
  return new AppError('validation', first ? `${ar.errors.validation} ${describeIssue(first)}` : ar.errors.validation, issues);
}

/** Who a refused call was refused to, and why (the audit row written after the refusal). */
interface Refusal {
  reason: RefusalReason;
  userId: number;
  deskId: number | null;
}

/**
 * Before or after of a change, as JSON (no copy of the value is made). Secrets never reach the audit
 * trail: any text under a password-like key (a password, a hash); flags about a password
 * (mustChangePassword, passwordChanged) are numbers or booleans and stay readable.
 */
function auditJson(value: unknown): string | null {
  return value === undefined
    ? null
    : JSON.stringify(value, (key, v: unknown) => (/password/i.test(key) && (typeof v === 'string' || (v !== null && typeof v === 'object')) ? '[محذوف]' : v));
}

export type { OperationName };
