import { describe, expect, it } from 'vitest';
import { isConnectionLoss } from '../../../electron/core/store/postgres/connection-errors';

/**
 * Which failures of `pg` mean "the server is away" (the call answers «unavailable») rather than
 * "a statement failed" (a fault of ours: «internal»). The real ones are raised by a stopped, restarted or
 * unplugged server in tests/core/store/postgres/live-changes.test.ts; this is the whole table.
 */
const error = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'x')), fields);

describe('a lost connection to the PostgreSQL server', () => {
  it.each([
    ['ECONNREFUSED (nothing listens: the server is stopped)', { code: 'ECONNREFUSED' }],
    ['ECONNRESET', { code: 'ECONNRESET' }],
    ['ETIMEDOUT', { code: 'ETIMEDOUT' }],
    ['EHOSTUNREACH', { code: 'EHOSTUNREACH' }],
    ['57P01 admin_shutdown (a restart)', { code: '57P01' }],
    ['57P02 crash_shutdown', { code: '57P02' }],
    ['57P03 cannot_connect_now (starting up or shutting down)', { code: '57P03' }],
    ['08006 connection_failure', { code: '08006' }],
    ['08001 unable to connect', { code: '08001' }],
    ['pg: the connection ended under a query', { message: 'Connection terminated unexpectedly' }],
    ['pg: a client whose connection broke', { message: 'Client has encountered a connection error and is not queryable' }],
    ['pg: the pool could not connect in time', { message: 'timeout exceeded when trying to connect' }],
    ['Node: every address of a name refused', { code: undefined, errors: [error({ code: 'ECONNREFUSED' }), error({ code: 'ECONNREFUSED' })] }],
  ])('is %s', (_name, fields) => {
    expect(isConnectionLoss(error(fields))).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a serialization failure (retried by the store, not lost)', { code: '40001' }],
    ['the writers\' lock not had in time (busy)', { code: '55P03' }],
    ['a syntax error', { code: '42601' }],
    ['a plain error of our own', { message: 'handler of a non-public operation ran without a user' }],
  ])('is not %s', (_name, fields) => {
    expect(isConnectionLoss(error(fields))).toBe(false);
  });

  it('is nothing that is not an error', () => {
    for (const value of [null, undefined, 'ECONNREFUSED', 57, {}]) expect(isConnectionLoss(value)).toBe(false);
  });
});
