import type { Selectable, Updateable } from 'kysely';
import type { RequestView } from '@shared/contract';
import { REQUEST_TRANSITIONS, canMoveRequest, type RequestAction, type RequestState } from '@shared/domain/request';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import type { Database } from '../store/schema';
import { loadRequestView, requireRequest } from './request-view';

type RequestChanges = Omit<Updateable<Database['requests']>, 'id' | 'state' | 'version'>;

/** One event on the request's timeline (who, when, what, note). */
export async function recordRequestEvent(
  ctx: HandlerContext,
  requestId: number,
  action: string,
  note: string | null,
  fromState: RequestState | null = null,
  toState: RequestState | null = null,
) {
  await ctx.db
    .insertInto('request_events')
    .values({ request_id: requestId, at: ctx.now.toISOString(), user_id: ctx.user!.id, action, from_state: fromState, to_state: toState, note })
    .execute();
}

/**
 * Moves a request along REQUEST_TRANSITIONS or refuses in Arabic; bumps its version (so a stale
 * screen cannot overwrite it), records the event and the audit row.
 */
export async function moveRequest(
  ctx: HandlerContext,
  request: number | Selectable<Database['requests']>,
  action: RequestAction,
  changes: RequestChanges = {},
  note: string | null = null,
): Promise<RequestView> {
  // The row itself when the caller has just read it in this transaction (nothing changed it since).
  const before = typeof request === 'number' ? await requireRequest(ctx.db, request) : request;
  const requestId = before.id;
  const from = before.state as RequestState;
  if (!canMoveRequest(action, from)) {
    throw new AppError('conflict', fill(ar.messages.requestWrongState, { action: ar.requestActions[action], state: ar.requestStates[from] }));
  }
  const to = REQUEST_TRANSITIONS[action].to;
  await updateRequest(ctx, before, { ...changes, state: to });
  await recordRequestEvent(ctx, requestId, action, note, from, to);
  const after = await loadRequestView(ctx, requestId);
  ctx.audit({ entity: 'request', entityId: requestId, before, after: { ...after, events: undefined } });
  return after;
}

/** Writes request fields guarded by the version read in `before`. */
export async function updateRequest(
  ctx: HandlerContext,
  before: { id: number; version: number },
  changes: RequestChanges & { state?: RequestState },
): Promise<void> {
  const result = await ctx.db
    .updateTable('requests')
    .set({ ...changes, version: before.version + 1, updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('conflict', ar.errors.conflict);
}

/** Refuses a save made on an older version, naming who saved since and when. */
export async function assertFreshVersion(
  ctx: HandlerContext,
  current: { version: number; updated_by: number | null; updated_at: string },
  seenVersion: number,
): Promise<void> {
  if (current.version === seenVersion) return;
  const who = current.updated_by
    ? await ctx.db.selectFrom('users').select('full_name').where('id', '=', current.updated_by).executeTakeFirst()
    : undefined;
  const time = new Intl.DateTimeFormat('ar-SA-u-nu-latn', { timeZone: ctx.timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(current.updated_at),
  );
  throw new AppError('conflict', fill(ar.messages.staleVersion, { by: who?.full_name ?? '—', time }));
}
