import { contract, type InputOf, type OutputOf } from '@shared/contract';
import { insertAuditRow } from '../audit/write-audit';
import type { AuditEntry, HandlerContext, RuntimeFlags, SignedInUser } from '../context';
import { requestHandlers } from '../requests/handlers';
import { SessionStore } from '../sessions';
import type { Db, Store } from '../store/store';

export type DemoOperation = keyof typeof requestHandlers;

/** Plays staff at work, back in time, inside the seeding transaction. */
export interface DemoDesk {
  /**
   * Runs one operation as `user` at the instant `at`: its contract's validation and its real handler
   * (so demo requests obey every rule a desk does), with the audit rows the dispatcher would write.
   */
  run<K extends DemoOperation>(operation: K, user: SignedInUser, at: Date, input: InputOf<K>): Promise<OutputOf<K>>;
}

export function demoDesk(trx: Db, env: { store: Store; runtime: RuntimeFlags; timeZone: string }): DemoDesk {
  const sessions = new SessionStore();
  return {
    async run(operation, user, at, input) {
      const parsed = contract[operation].input.parse(input);
      const entries: AuditEntry[] = [];
      const ctx: HandlerContext = {
        db: trx,
        store: env.store,
        sessions,
        session: sessions.create(at.getTime()),
        user,
        now: at,
        timeZone: env.timeZone,
        runtime: env.runtime,
        audit: (e) => entries.push(e),
        unchanged: () => {},
        // Request handlers never refuse with a commit; a refusal here is a demo that broke a rule.
        refuse: (error) => {
          throw error;
        },
      };
      const handler = requestHandlers[operation] as (input: unknown, ctx: HandlerContext) => Promise<OutputOf<typeof operation>>;
      const result = await handler(parsed, ctx);
      for (const e of entries) {
        await insertAuditRow(trx, {
          at: at.toISOString(),
          userId: user.id,
          // The training data's past work was done at the desks of the hall.
          deskId: 1,
          operation,
          kind: 'change',
          reason: null,
          entity: e.entity,
          entityId: e.entityId,
          before: e.before === undefined ? null : JSON.stringify(e.before),
          after: e.after === undefined ? null : JSON.stringify(e.after),
        });
      }
      return result as never;
    },
  };
}
