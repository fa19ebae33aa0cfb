import type { CompiledQuery } from 'kysely';
import type { OperationName, OutputOf, ParsedInputOf } from '@shared/contract';
import type { HandlerContext } from './context';
import type { AheadStatement } from './store/sent-ahead';
import type { WriteScope } from './store/store';

/*
 * What a handler is, and the kinds of handler the dispatcher treats apart (a preparation before the
 * transaction, a desk's own change, statements sent ahead). Apart from the table of every handler
 * (handlers.ts), which imports every domain: a domain's handlers import these, and a cycle through
 * the table would leave a domain's map undefined in it, depending on which module is loaded first.
 */

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
