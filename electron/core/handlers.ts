import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { beneficiaryHandlers } from './beneficiaries/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { computerHandlers } from './computer/handlers';
import { demoHandlers } from './demo/handlers';
import { documentHandlers } from './documents/handlers';
import { requestHandlers } from './requests/handlers';
import type { HandlerContext } from './context';
import { settingsHandlers } from './settings/handlers';
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

/** The preparation of a handler made by withPreparation, if it has one. */
export function preparationOf(handler: unknown): Prepare | undefined {
  return (handler as { prepare?: Prepare }).prepare;
}
export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };
export type Handlers = HandlerMap<OperationName>;

/** Every operation's handler. The type makes a missing one a compile error; the loop refuses one given twice. */
export function buildHandlers(): Handlers {
  const maps = [authHandlers, userHandlers, settingsHandlers, beneficiaryHandlers, visitHandlers, demoHandlers, requestHandlers, catalogueHandlers, documentHandlers, auditHandlers, backupHandlers, computerHandlers];
  const seen = new Set<string>();
  for (const name of maps.flatMap((m) => Object.keys(m))) {
    if (seen.has(name)) throw new Error(`handler registered twice: ${name}`);
    seen.add(name);
  }
  return { ...authHandlers, ...userHandlers, ...settingsHandlers, ...beneficiaryHandlers, ...visitHandlers, ...demoHandlers, ...requestHandlers, ...catalogueHandlers, ...documentHandlers, ...auditHandlers, ...backupHandlers, ...computerHandlers } satisfies Handlers;
}

