import type { BoardDesk } from '@shared/contract';
import type { VisitReason } from '@shared/domain/visit';
import type { HandlerContext } from '../context';
import { compiledOnce } from '../store/compiled-once';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';

const allDesks = compiledOnce((db: Db) => db.selectFrom('desks').select(['id', 'name', 'ticket_prefix']).orderBy('id'));
const staffNames = compiledOnce((db: Db) => db.selectFrom('users').select(['id', 'full_name']));

/**
 * Everyone being served now, whatever day they arrived (a visit called before midnight is still at its
 * desk after it). SQLite reads them from the partial index visits_open only when the statement repeats
 * that index's own condition in literals (a plain state = 'serving' scans a million visits); PostgreSQL
 * reads them from visits_serving (its 0026).
 */
const servingNow = compiledOnce((db: Db) =>
  db
    .selectFrom('visits as v')
    .leftJoin('beneficiaries as b', 'b.id', 'v.beneficiary_id')
    .select((eb) => [
      'v.serving_desk_id',
      'v.served_by',
      'v.ticket',
      'v.reason',
      'v.called_at',
      eb.fn.coalesce('b.full_name', 'v.visitor_name', textLiteral('')).as('name'),
    ])
    .where('v.state', 'in', [textLiteral('referred'), textLiteral('serving')])
    .where('v.state', '=', textLiteral('serving'))
    .orderBy('v.called_at'),
);

/**
 * What each desk's staff did lately, newest first: every change (a sign-in, a check-in, a call…) and
 * every read of a file in full is recorded with the desk, by every desk's process — on a shared
 * PostgreSQL store the only trace of a desk that runs elsewhere. A refused call is no sign of work.
 */
const recentWork = compiledOnce((db: Db, since: string) =>
  db
    .selectFrom('audit')
    .select(['desk_id', 'user_id', 'operation', 'at'])
    .where('at', '>=', since)
    .where('desk_id', 'is not', null)
    .where('kind', '<>', textLiteral('refused'))
    .orderBy('at', 'desc'),
);

/** Leaving the desk: after these, it is idle until its next sign of work. */
const LEAVING = new Set(['auth.signOut', 'auth.lock']);

interface Seen {
  at: number;
  userId: number | null;
  open: boolean;
}

/**
 * Each desk now: serving someone (who serves whom, since when), open (someone signed in there was at
 * work within `activeMs`, the inactivity lock's time: a session idle longer locks itself), or idle.
 */
export async function desksNow(ctx: Pick<HandlerContext, 'db' | 'sessions' | 'now'>, activeMs: number): Promise<BoardDesk[]> {
  const now = ctx.now.getTime();
  const since = new Date(now - activeMs).toISOString();
  const [desks, names, serving, work] = await Promise.all([allDesks(ctx.db), staffNames(ctx.db), servingNow(ctx.db), recentWork(ctx.db, since)]);
  const nameOf = new Map(names.map((u) => [u.id, u.full_name]));

  const seen = new Map<number, Seen>();
  const note = (deskId: number, s: Seen) => {
    const before = seen.get(deskId);
    if (!before || s.at > before.at) seen.set(deskId, s);
  };
  // Newest first: the first row of each desk is its latest.
  for (const row of work) {
    if (row.desk_id === null || seen.has(row.desk_id)) continue;
    seen.set(row.desk_id, { at: Date.parse(row.at), userId: row.user_id, open: !LEAVING.has(row.operation) });
  }
  // This shell's own sessions also know of work that changes nothing (typing, reading the hall).
  for (const s of ctx.sessions.signedIn()) {
    if (s.deskId === null || now - s.lastActivity > activeMs) continue;
    note(s.deskId, { at: s.lastActivity, userId: s.userId, open: !s.locked });
  }

  const servingAt = new Map<number, (typeof serving)[number]>();
  for (const v of serving) if (v.serving_desk_id !== null && !servingAt.has(v.serving_desk_id)) servingAt.set(v.serving_desk_id, v);

  return desks.map((d): BoardDesk => {
    const v = servingAt.get(d.id);
    const last = seen.get(d.id);
    const lastActiveAt = last ? new Date(last.at).toISOString() : null;
    const base = { id: d.id, name: d.name, ticketPrefix: d.ticket_prefix, lastActiveAt };
    if (v) {
      return {
        ...base,
        status: 'serving',
        employee: v.served_by !== null ? (nameOf.get(v.served_by) ?? null) : null,
        serving: { ticket: v.ticket, name: v.name, reason: v.reason as VisitReason, calledAt: v.called_at! },
      };
    }
    if (last?.open) return { ...base, status: 'open', employee: last.userId !== null ? (nameOf.get(last.userId) ?? null) : null, serving: null };
    return { ...base, status: 'idle', employee: null, serving: null };
  });
}
