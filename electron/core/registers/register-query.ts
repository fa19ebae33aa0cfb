import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { RegisterFilters, RegisterSortColumn } from '../../../shared/contract/registers';
import { CHANNELS } from '../../../shared/domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES } from '../../../shared/domain/visit';
import { msBetween, textLiteral } from '../store/portable';
import type { Db } from '../store/store';

/** Which visits a register holds and in what order: its filters without the choice of how IDs are shown. */
export type RegisterScope = Omit<RegisterFilters, 'showFullIds'>;


/**
 * The visits of the scope: their business days (`v.day`, the desk's day the ticket was issued on, so
 * a visit that ends after midnight stays in the register of the day it began), one desk or all, and
 * the filters. The days lead the index visits_day_arrival.
 */
export function scopedVisits(db: Db, scope: RegisterScope) {
  let query = db
    .selectFrom('visits as v')
    .innerJoin('desks as d', 'd.id', 'v.desk_id')
    .leftJoin('beneficiaries as b', 'b.id', 'v.beneficiary_id')
    .leftJoin('users as s', 's.id', 'v.served_by')
    .where('v.day', '>=', scope.from)
    .where('v.day', '<=', scope.to);
  if (scope.deskId !== undefined) query = query.where('v.desk_id', '=', scope.deskId);
  if (scope.employeeId !== undefined) query = query.where('v.served_by', '=', scope.employeeId);
  if (scope.states?.length) query = query.where('v.state', 'in', scope.states);
  if (scope.reasons?.length) query = query.where('v.reason', 'in', scope.reasons);
  if (scope.channels?.length) query = query.where('v.channel', 'in', scope.channels);
  if (scope.outcomes?.length) query = query.where('v.outcome', 'in', scope.outcomes);
  return query;
}

/** The expression builder of scopedVisits' statement: its tables, the left-joined ones nullable. */
type Scoped = ReturnType<typeof scopedVisits>;
type Eb = Scoped extends SelectQueryBuilder<infer DB, infer TB, infer _O> ? ExpressionBuilder<DB, TB> : never;

/** The register's rows in the scope's order (ties: arrival, then the visit's number). */
export function registerRows(db: Db, scope: RegisterScope) {
  const { column, direction } = scope.sort;
  return scopedVisits(db, scope)
    .select((eb) => [
      'v.id',
      'v.day',
      'v.ticket',
      'v.state',
      'v.reason',
      'v.channel',
      'v.beneficiary_id',
      eb.fn.coalesce('b.full_name', 'v.visitor_name', textLiteral('')).as('name'),
      'b.id_number',
      'b.file_number',
      'v.arrived_at',
      'v.called_at',
      'v.ended_at',
      'd.name as desk_name',
      's.full_name as employee',
      'v.outcome',
      'v.outcome_note',
    ])
    .orderBy((eb) => sortKey(db, eb, column), (ob) => (direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy('v.arrived_at')
    .orderBy('v.id');
}

export type RegisterRow = Awaited<ReturnType<ReturnType<typeof registerRows>['executeTakeFirstOrThrow']>>;

/** How many visits the scope holds. */
export async function countVisits(db: Db, scope: RegisterScope): Promise<number> {
  const row = await scopedVisits(db, scope)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The longest texts of the scope's columns whose width depends on the data (names, desks, employees,
 * notes): a spreadsheet's column widths are written before its rows.
 */
export async function longestTexts(db: Db, scope: RegisterScope) {
  const row = await scopedVisits(db, scope)
    .select((eb) => [
      eb.fn.max(eb.fn<number>('length', [eb.fn.coalesce('b.full_name', 'v.visitor_name', textLiteral(''))])).as('name'),
      eb.fn.max(eb.fn<number>('length', ['d.name'])).as('desk'),
      eb.fn.max(eb.fn<number>('length', ['s.full_name'])).as('employee'),
      eb.fn.max(eb.fn<number>('length', ['v.outcome_note'])).as('note'),
    ])
    .executeTakeFirst();
  return { name: Number(row?.name ?? 0), desk: Number(row?.desk ?? 0), employee: Number(row?.employee ?? 0), note: Number(row?.note ?? 0) };
}

/** The request numbers opened at each of these visits, in number order. */
export async function requestNumbersOf(db: Db, visitIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (visitIds.length === 0) return out;
  const rows = await db.selectFrom('requests').select(['visit_id', 'number']).where('visit_id', 'in', [...visitIds]).orderBy('number').execute();
  for (const r of rows) if (r.visit_id !== null) push(out, r.visit_id, r.number);
  return out;
}

/** The request numbers opened at every visit of the scope's days (an export's, read once before its rows). */
export async function requestNumbersInScope(db: Db, scope: RegisterScope): Promise<Map<number, string[]>> {
  let query = db
    .selectFrom('requests as r')
    .innerJoin('visits as v', 'v.id', 'r.visit_id')
    .select(['r.visit_id', 'r.number'])
    .where('v.day', '>=', scope.from)
    .where('v.day', '<=', scope.to);
  if (scope.deskId !== undefined) query = query.where('v.desk_id', '=', scope.deskId);
  const out = new Map<number, string[]>();
  for (const r of await query.orderBy('r.number').execute()) if (r.visit_id !== null) push(out, r.visit_id, r.number);
  return out;
}

function push(map: Map<number, string[]>, key: number, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Codes sort in the policy's order (reasons, channels C1–C8, states, outcomes), as every list shows them. */
function inOrder(eb: Eb, column: 'v.reason' | 'v.channel' | 'v.state' | 'v.outcome', codes: readonly string[]) {
  const [first, ...rest] = codes;
  let chain = eb.case().when(column, '=', first as never).then(0);
  rest.forEach((code, i) => (chain = chain.when(column, '=', code as never).then(i + 1)));
  return chain.else(null).end();
}

function sortKey(db: Db, eb: Eb, column: RegisterSortColumn) {
  switch (column) {
    case 'ticket':
      return eb.ref('v.ticket');
    case 'arrivedAt':
      return eb.ref('v.arrived_at');
    case 'calledAt':
      return eb.ref('v.called_at');
    case 'endedAt':
      return eb.ref('v.ended_at');
    case 'waited':
      // As waitingMs: to the call, or to leaving for a visitor never called; unknown while waiting.
      return eb
        .case()
        .when('v.called_at', 'is not', null)
        .then(msBetween(db, eb.ref('v.arrived_at'), eb.ref('v.called_at')))
        .when('v.state', 'in', ['left', 'cancelled'])
        .then(msBetween(db, eb.ref('v.arrived_at'), eb.ref('v.ended_at')))
        .else(null)
        .end();
    case 'servedFor':
      return msBetween(db, eb.ref('v.called_at'), eb.ref('v.ended_at'));
    case 'desk':
      return eb.ref('d.name');
    case 'employee':
      return eb.ref('s.full_name');
    case 'reason':
      return inOrder(eb, 'v.reason', VISIT_REASONS);
    case 'channel':
      return inOrder(eb, 'v.channel', CHANNELS);
    case 'state':
      return inOrder(eb, 'v.state', VISIT_STATES);
    case 'outcome':
      return inOrder(eb, 'v.outcome', VISIT_OUTCOMES);
    case 'name':
      return eb.fn.coalesce('b.full_name', 'v.visitor_name');
    case 'fileNumber':
      return eb.ref('b.file_number');
    case 'requestNumber':
      return eb.selectFrom('requests as r').select((e) => e.fn.min('r.number').as('n')).whereRef('r.visit_id', '=', 'v.id');
  }
}
