import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { beneficiaryHandlers } from './beneficiaries/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { demoHandlers } from './demo/handlers';
import { documentHandlers } from './documents/handlers';
import { requestHandlers } from './requests/handlers';
import type { HandlerContext } from './context';
import { settingsHandlers } from './settings/handlers';
import { userHandlers } from './users/handlers';
import { visitHandlers } from './visits/handlers';

export type Handler<K extends OperationName> = (input: ParsedInputOf<K>, ctx: HandlerContext) => Promise<OutputOf<K>>;
export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };
export type Handlers = HandlerMap<OperationName>;

/** Every operation's handler. The type makes a missing one a compile error; the loop refuses one given twice. */
export function buildHandlers(): Handlers {
  const maps = [authHandlers, userHandlers, settingsHandlers, beneficiaryHandlers, visitHandlers, demoHandlers, requestHandlers, catalogueHandlers, documentHandlers, backupHandlers];
  const seen = new Set<string>();
  for (const name of maps.flatMap((m) => Object.keys(m))) {
    if (seen.has(name)) throw new Error(`handler registered twice: ${name}`);
    seen.add(name);
  }
  return { ...authHandlers, ...userHandlers, ...settingsHandlers, ...beneficiaryHandlers, ...visitHandlers, ...demoHandlers, ...requestHandlers, ...catalogueHandlers, ...documentHandlers, ...backupHandlers } satisfies Handlers;
}

