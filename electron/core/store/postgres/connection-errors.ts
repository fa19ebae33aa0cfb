/**
 * Whether an error from `pg` says the server could not be reached or went away, rather than that a
 * statement failed: the call is then answered 'unavailable' (never 'internal', never a success), and
 * the desk keeps what was typed until the server is back.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  // Node's connect to a name with several addresses fails with all their errors at once.
  if (Array.isArray(errors) && errors.some(isConnectionLoss)) return true;
  if (typeof code === 'string') {
    if (NODE_CODES.has(code)) return true;
    // Class 08: connection exception; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
    // (starting up or shutting down), 57P05 idle_session_timeout.
    if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '57P05'].includes(code)) return true;
  }
  return typeof message === 'string' && PG_MESSAGES.some((m) => message.startsWith(m));
}

/** Node's socket errors on the way to the server. */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN']);

/** `pg`'s own words when a connection ends or cannot be had (it gives them no code). */
const PG_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout expired',
  'timeout exceeded when trying to connect',
];
