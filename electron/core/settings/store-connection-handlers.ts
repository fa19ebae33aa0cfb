import type { storeOperations } from '@shared/contract/store';
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { HandlerContext } from '../context';
import { withPreparation, type HandlersOf, type PrepareContext } from '../handler-kinds';
import { connectionView, passwordFor, savedOrNull, type StoreConnectionRuntime } from '../store/connection/connection-state';
import { removeSavedStore, writeSavedStore } from '../store/connection/saved-store';
import { urlOf, type ServerAddress } from '../store/connection/server-address';
import { probeServer } from '../store/postgres/probe-server';

function runtimeOf(ctx: Pick<HandlerContext, 'runtime'>): StoreConnectionRuntime {
  const runtime = ctx.runtime.storeConnection;
  if (!runtime) throw new Error('this core was made without its store connection runtime');
  return runtime;
}

type ConnectionInput = ParsedInputOf<'store.testConnection'>;

/** The server as typed, without the password: what is tested, saved, shown and audited. */
function addressFrom(input: ConnectionInput): ServerAddress {
  return { host: input.host, port: input.port, database: input.database, username: input.username, tls: input.tls };
}

/** Tries the server before any transaction: a test may wait seconds for an answer, never holding the writers' lock. */
async function probe(input: ConnectionInput, ctx: PrepareContext) {
  const runtime = runtimeOf(ctx);
  const server = addressFrom(input);
  const password = passwordFor(runtime, server, input.password);
  return { server, password, found: await probeServer(urlOf(server, password), { timeoutMs: runtime.probeTimeoutMs }) };
}

/**
 * Pointing this PC's desk at a PostgreSQL server from the settings screen. The choice is this
 * PC's (a file in its data folder), used from the desk's next start; the password never reaches the
 * data folder in plain text nor the audit trail.
 */
export const storeConnectionHandlers: HandlersOf<typeof storeOperations> = {
  'store.connection': async (_input, ctx) => connectionView(runtimeOf(ctx)),

  'store.testConnection': withPreparation(probe, async (_input, ctx, { server, found }) => {
    // An administrator probing database servers from a desk is worth a line in the audit trail, whatever the answer.
    ctx.audit({ entity: 'store', entityId: null, after: { ...server, connectionResult: found.message } });
    return found;
  }),

  'store.saveConnection': withPreparation(
    async (input, ctx) => {
      const tried = await probe(input, ctx);
      if (!tried.found.usable) {
        const field = tried.found.problem && tried.found.problem !== 'server' && tried.found.problem !== 'version' ? tried.found.problem : null;
        throw new AppError('conflict', tried.found.message, field ? [{ path: [field], message: tried.found.message }] : undefined);
      }
      return tried;
    },
    async (_input, ctx, { server, password }) => {
      const runtime = runtimeOf(ctx);
      const before = savedOrNull(runtime);
      const kept = runtime.keeper.keep(server, password);
      writeSavedStore(runtime.dataDir, { kind: 'postgres', server, password: kept, savedAt: ctx.now.toISOString() });
      // The password file's line of a server no longer saved goes (the one just written stays: same line).
      if (before && !(before.server.host === server.host && before.server.port === server.port && before.server.database === server.database && before.server.username === server.username)) {
        runtime.keeper.forget(before.server, before.password);
      }
      ctx.audit({ entity: 'store', entityId: null, before: before?.server ?? null, after: server });
      return connectionView(runtime);
    },
  ),

  'store.forgetConnection': async (_input, ctx) => {
    const runtime = runtimeOf(ctx);
    const saved = savedOrNull(runtime);
    if (saved) {
      runtime.keeper.forget(saved.server, saved.password);
      removeSavedStore(runtime.dataDir);
      ctx.audit({ entity: 'store', entityId: null, before: saved.server, after: { host: null, port: null, database: null, username: null, tls: null } });
    } else {
      removeSavedStore(runtime.dataDir); // an unreadable file goes too
      ctx.unchanged();
    }
    return connectionView(runtime);
  },
};
