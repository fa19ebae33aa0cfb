import type { OperationName } from '@shared/contract';
import type { Handlers } from './handler-kinds';
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
import { settingsHandlers } from './settings/handlers';
import { storeConnectionHandlers } from './settings/store-connection-handlers';
import { userHandlers } from './users/handlers';
import { visitHandlers } from './visits/handlers';

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
