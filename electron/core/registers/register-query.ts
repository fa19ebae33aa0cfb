import type { AliasableExpression, ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { RegisterFilters, RegisterSortColumn } from '@shared/contract/registers';
import { CHANNELS, CONTACT_CHANNELS } from '@shared/domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES } from '@shared/domain/visit';
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

/** The columns a visit gives the register, with its kind and the scope's sort key beside them. */
function visitColumns(db: Db, scope: RegisterScope) {
  // Named outright: a compound statement's ORDER BY finds its columns by their names given with AS.
  return scopedVisits(db, scope).select((eb) => [
    'v.id as id',
    textLiteral<'visit' | 'contact'>('visit').as('kind'),
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
  ]);
}

/**
 * The register's rows in the scope's order (ties: arrival, then the row's number): its visits, and
 * beside them the contacts of the same days on the other channels (C2–C8) where the filters let any
 * through. Visits alone keep the plain statement they always had.
 */
export function registerRows(db: Db, scope: RegisterScope) {
  const { column, direction } = scope.sort;
  const contacts = scopedContacts(db, scope);
  if (!contacts) {
    return visitColumns(db, scope)
      .orderBy((eb) => sortKey(db, eb, column), (ob) => (direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
      .orderBy('v.arrived_at')
      .orderBy('v.id');
  }
  // A compound statement sorts by its result's columns: each part brings its own sort key.
  const visits = visitColumns(db, scope).select((eb) => aliasable(sortKey(db, eb, column)).as('sort_key'));
  return visits
    .unionAll(contactColumns(db, contacts, column) as unknown as typeof visits)
    .orderBy('sort_key', (ob) => (direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy('arrived_at')
    .orderBy('kind', 'desc')
    .orderBy('id') as unknown as ReturnType<typeof visitColumns>;
}

export type RegisterRow = Awaited<ReturnType<ReturnType<typeof visitColumns>['executeTakeFirstOrThrow']>>;

/**
 * The contacts (C2–C8) of the scope's days, or null when its filters leave none: a state, reason or
 * outcome is a visit's only, and a channel filter of the walk-in interview alone is visits only.
 */
export function scopedContacts(db: Db, scope: RegisterScope) {
  if (scope.states?.length || scope.reasons?.length || scope.outcomes?.length) return null;
  const channels = scope.channels?.length ? CONTACT_CHANNELS.filter((c) => scope.channels!.includes(c)) : null;
  if (channels && channels.length === 0) return null;
  let query = db
    .selectFrom('contacts as c')
    .leftJoin('desks as d', 'd.id', 'c.desk_id')
    .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
    .innerJoin('users as s', 's.id', 'c.logged_by')
    .where('c.day', '>=', scope.from)
    .where('c.day', '<=', scope.to);
  if (scope.deskId !== undefined) query = query.where('c.desk_id', '=', scope.deskId);
  if (scope.employeeId !== undefined) query = query.where('c.logged_by', '=', scope.employeeId);
  if (channels) query = query.where('c.channel', 'in', channels);
  return query;
}

/** A sort key of whichever type its column has, as one selectable value. */
const aliasable = (key: unknown) => key as AliasableExpression<string | number | null>;

type ScopedContacts = NonNullable<ReturnType<typeof scopedContacts>>;
type ContactEb = ScopedContacts extends SelectQueryBuilder<infer DB, infer TB, infer _O> ? ExpressionBuilder<DB, TB> : never;

/** A contact as a register row: the visit's own columns empty (typed nulls, so both engines unite the parts). */
function contactColumns(db: Db, contacts: ScopedContacts, column: RegisterSortColumn) {
  return contacts.select((eb) => [
    'c.id as id',
    textLiteral<'visit' | 'contact'>('contact').as('kind'),
    'c.day',
    textLiteral('').as('ticket'),
    eb.cast<string | null>(eb.val(null), 'text').as('state'),
    eb.cast<string | null>(eb.val(null), 'text').as('reason'),
    'c.channel',
    'c.beneficiary_id',
    eb.fn.coalesce('b.full_name', 'c.name', textLiteral('')).as('name'),
    'b.id_number',
    'b.file_number',
    'c.logged_at as arrived_at',
    eb.cast<string | null>(eb.val(null), 'text').as('called_at'),
    eb.cast<string | null>(eb.val(null), 'text').as('ended_at'),
    eb.fn.coalesce('d.name', textLiteral('')).as('desk_name'),
    's.full_name as employee',
    eb.cast<string | null>(eb.val(null), 'text').as('outcome'),
    'c.subject as outcome_note',
    aliasable(contactSortKey(db, eb, column)).as('sort_key'),
  ]);
}

/** The same sort keys as a visit's, of the same types; null where the column is a visit's only. */
function contactSortKey(_db: Db, eb: ContactEb, column: RegisterSortColumn) {
  const none = (type: 'text' | 'bigint' | 'integer') => eb.cast<never>(eb.val(null), type);
  switch (column) {
    case 'arrivedAt':
      return eb.ref('c.logged_at');
    case 'desk':
      return eb.ref('d.name');
    case 'employee':
      return eb.ref('s.full_name');
    case 'channel': {
      const [first, ...rest] = CHANNELS;
      let chain = eb.case().when('c.channel', '=', first as never).then(0);
      rest.forEach((code, i) => (chain = chain.when('c.channel', '=', code as never).then(i + 1)));
      return chain.else(null).end();
    }
    case 'name':
      return eb.fn.coalesce('b.full_name', 'c.name');
    case 'fileNumber':
      return eb.ref('b.file_number');
    case 'requestNumber':
      return eb.selectFrom('requests as r').select((e) => e.fn.min('r.number').as('n')).whereRef('r.contact_id', '=', 'c.id');
    case 'waited':
    case 'servedFor':
      return none('bigint');
    case 'reason':
    case 'state':
    case 'outcome':
      return none('integer');
    case 'ticket':
    case 'calledAt':
    case 'endedAt':
      return none('text');
  }
}

/** How many rows the scope holds: its visits and its contacts. */
export async function countVisits(db: Db, scope: RegisterScope): Promise<number> {
  const contacts = scopedContacts(db, scope);
  const [visits, others] = await Promise.all([
    scopedVisits(db, scope)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    contacts?.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(visits.n) + Number(others?.n ?? 0);
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
  const contacts = await scopedContacts(db, scope)
    ?.select((eb) => [
      eb.fn.max(eb.fn<number>('length', [eb.fn.coalesce('b.full_name', 'c.name', textLiteral(''))])).as('name'),
      eb.fn.max(eb.fn<number>('length', ['d.name'])).as('desk'),
      eb.fn.max(eb.fn<number>('length', ['s.full_name'])).as('employee'),
      eb.fn.max(eb.fn<number>('length', ['c.subject'])).as('note'),
    ])
    .executeTakeFirst();
  const most = (key: 'name' | 'desk' | 'employee' | 'note') => Math.max(Number(row?.[key] ?? 0), Number(contacts?.[key] ?? 0));
  return { name: most('name'), desk: most('desk'), employee: most('employee'), note: most('note') };
}

/** The request numbers opened at each of these visits, in number order. */
export async function requestNumbersOf(db: Db, visitIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (visitIds.length === 0) return out;
  const rows = await db.selectFrom('requests').select(['visit_id', 'number']).where('visit_id', 'in', [...visitIds]).orderBy('number').execute();
  for (const r of rows) if (r.visit_id !== null) push(out, r.visit_id, r.number);
  return out;
}

/** The request numbers opened from each of these contacts, in number order. */
export async function contactRequestNumbersOf(db: Db, contactIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (contactIds.length === 0) return out;
  const rows = await db.selectFrom('requests').select(['contact_id', 'number']).where('contact_id', 'in', [...contactIds]).orderBy('number').execute();
  for (const r of rows) if (r.contact_id !== null) push(out, r.contact_id, r.number);
  return out;
}

/** The request numbers opened from every contact of the scope's days (an export's). */
export async function contactRequestNumbersInScope(db: Db, scope: RegisterScope): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const query = db
    .selectFrom('requests as r')
    .innerJoin('contacts as c', 'c.id', 'r.contact_id')
    .select(['r.contact_id', 'r.number'])
    .where('c.day', '>=', scope.from)
    .where('c.day', '<=', scope.to);
  for (const r of await query.orderBy('r.number').execute()) if (r.contact_id !== null) push(out, r.contact_id, r.number);
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
