import type { CompiledQuery } from 'kysely';
import type { AheadStatement } from './store/sent-ahead';
import type { OperationName, OutputOf, ParsedInputOf } from '@shared/contract';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { storeMoveHandlers } from './store-move/handlers';
import { beneficiaryHandlers } from './beneficiaries/handlers';
import { boardHandlers } from './board/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { complaintHandlers } from './complaints/handlers';
import { computerHandlers } from './computer/handlers';
import { contactHandlers } from './contacts/handlers';
import { demoHandlers } from './demo/handlers';
import { deviceHandlers } from './devices/handlers';
import { displayHandlers } from './display/handlers';
import { printingHandlers } from './printing/handlers';
import { registerHandlers } from './registers/handlers';
import { reportHandlers } from './reports/handlers';
import { requestHandlers } from './requests/handlers';
import { satisfactionHandlers } from './satisfaction/handlers';
import type { HandlerContext } from './context';
import type { WriteScope } from './store/store';
import { settingsHandlers } from './settings/handlers';
import { storeConnectionHandlers } from './settings/store-connection-handlers';
import { userHandlers } from './users/handlers';
import { visitHandlers } from './visits/handlers';

export type Handler<K extends OperationName> = (input: ParsedInputOf<K>, ctx: HandlerContext) => Promise<OutputOf<K>>;

/** What a mutation's preparation may use: reads on the store's connection, no transaction, nothing recorded. */
export type PrepareContext = Pick<HandlerContext, 'db' | 'store' | 'session' | 'user' | 'now' | 'runtime'>;
type Prepare = (input: never, ctx: PrepareContext) => Promise<unknown>;

/**
 * A mutation whose slow part runs before its write transaction (a password's scrypt hash, 0.4 s):
 * the dispatcher awaits `prepare` first, with the connection and the write lock free for every other
 * call, then runs `run` in the transaction with what it returned. `run` decides with what it reads
 * there, so a preparation overtaken by another desk's change cannot do harm.
 */
export function withPreparation<K extends OperationName, P>(
  prepare: (input: ParsedInputOf<K>, ctx: PrepareContext) => Promise<P>,
  run: (input: ParsedInputOf<K>, ctx: HandlerContext, prepared: P) => Promise<OutputOf<K>>,
): Handler<K> {
  return Object.assign((input: ParsedInputOf<K>, ctx: HandlerContext) => run(input, ctx, ctx.prepared as P), { prepare });
}

/**
 * What a call's first statements may be built from before its facts are read: the settings and the
 * signed-in user as the dispatcher kept them (`user` null when it keeps none for the session).
 */
export type AheadContext = Pick<HandlerContext, 'db' | 'store' | 'session' | 'now' | 'timeZone' | 'user'>;
type Ahead = (input: never, at: AheadContext) => CompiledQuery | undefined;

/**
 * A mutation that touches only its desk's own day and at most one beneficiary (WriteScope): on
 * PostgreSQL the desks of a hall run such changes side by side. `scope` names them from the input and
 * the session; undefined makes it an ordinary change. `ahead`, when given, builds the change's first
 * statement (a read) before its transaction, to go with BEGIN (Store.write); `run` takes its rows with
 * rowsOf as its first statement, and builds it again with what it reads under the lock: a statement
 * built from a setting changed meanwhile differs, and then runs as any other.
 */
export function withDeskScope<K extends OperationName>(
  scope: (input: ParsedInputOf<K>, session: HandlerContext['session']) => WriteScope | undefined,
  run: Handler<K>,
  ahead?: (input: ParsedInputOf<K>, at: AheadContext) => CompiledQuery | undefined,
): Handler<K> {
  return Object.assign((input: ParsedInputOf<K>, ctx: HandlerContext) => run(input, ctx), { writeScope: scope, ahead });
}

/** The first statement a change made with withDeskScope sends ahead (undefined: none). */
export function aheadOf(handler: unknown, input: unknown, at: AheadContext): CompiledQuery | undefined {
  return (handler as { ahead?: Ahead }).ahead?.(input as never, at);
}

/**
 * A read whose first statements are known from its input and the settings kept so far (today's queue):
 * on PostgreSQL they go with the change mark the call reads anyway (Store.changeMarkWith), one round
 * trip for the whole read. `run` takes their rows with rowsOf / arrayRowsOf, in the order `ahead` gives
 * them, and builds each again with the settings read for the call: one built from a setting changed
 * meanwhile differs, and then runs as any other.
 */
export function withReadAhead<K extends OperationName>(ahead: (input: ParsedInputOf<K>, at: AheadContext) => AheadStatement[], run: Handler<K>): Handler<K> {
  return Object.assign((input: ParsedInputOf<K>, ctx: HandlerContext) => run(input, ctx), { readAhead: ahead });
}

/** Whether a read was made with withReadAhead (its input is then parsed before its facts are read). */
export function readsAhead(handler: unknown): boolean {
  return typeof (handler as { readAhead?: unknown }).readAhead === 'function';
}

/** The first statements a read made with withReadAhead sends with its change mark (undefined: none). */
export function readAheadOf(handler: unknown, input: unknown, at: AheadContext): AheadStatement[] | undefined {
  return (handler as { readAhead?: (input: never, at: AheadContext) => AheadStatement[] }).readAhead?.(input as never, at);
}

/** The scope of a change made with withDeskScope (undefined for any other handler, or when it names none). */
export function writeScopeOf(handler: unknown, input: unknown, session: HandlerContext['session']): WriteScope | undefined {
  const scope = (handler as { writeScope?: (input: unknown, session: HandlerContext['session']) => WriteScope | undefined }).writeScope;
  return scope?.(input, session);
}

/** The preparation of a handler made by withPreparation, if it has one. */
export function preparationOf(handler: unknown): Prepare | undefined {
  return (handler as { prepare?: Prepare }).prepare;
}
export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };
/** A domain's handlers, named by its part of the contract: an operation added there is a compile error here until handled. */
export type HandlersOf<Operations> = HandlerMap<keyof Operations & OperationName>;
export type Handlers = HandlerMap<OperationName>;

/** Each domain's handlers: one list, read below for the compile-time check and for the table itself. */
const DOMAIN_HANDLERS = [
  authHandlers,
  userHandlers,
  settingsHandlers,
  storeConnectionHandlers,
  storeMoveHandlers,
  computerHandlers,
  beneficiaryHandlers,
  visitHandlers,
  demoHandlers,
  requestHandlers,
  catalogueHandlers,
  printingHandlers,
  registerHandlers,
  boardHandlers,
  reportHandlers,
  auditHandlers,
  backupHandlers,
  complaintHandlers,
  contactHandlers,
  satisfactionHandlers,
  deviceHandlers,
  displayHandlers,
] as const;

/** An operation of the contract that no domain handles: a compile error below names it. */
type KeysOf<T> = T extends unknown ? keyof T : never;
type Unhandled = Exclude<OperationName, KeysOf<(typeof DOMAIN_HANDLERS)[number]>>;
const everyOperationHandled: [Unhandled] extends [never] ? true : Unhandled = true;

/** Every operation's handler. A missing one is a compile error (above); the loop refuses one given twice. */
export function buildHandlers(): Handlers {
  void everyOperationHandled;
  const handlers: Record<string, unknown> = {};
  for (const map of DOMAIN_HANDLERS) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in handlers) throw new Error(`handler registered twice: ${name}`);
      handlers[name] = handler;
    }
  }
  return handlers as Handlers;
}
