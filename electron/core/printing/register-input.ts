import type { SettingsView } from '@shared/contract';
import type { ContactChannel } from '@shared/domain/channels';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';
import { selectVisits, toVisitView } from '../visits/visit-view';
import type { DailyRegisterHead, DailyRegisterInput, RegisterContact, RegisterVisit } from './daily-register';
import { letterhead } from './letterhead';

export interface RegisterScope {
  day: string;
  deskId: number | null;
  deskName: string | null;
  showFullIds: boolean;
  settings: SettingsView;
  supervisor: string;
  printedAt: string;
}

/** What السجل اليومي prints around its visits. */
export function registerHead(opts: RegisterScope): DailyRegisterHead {
  return {
    header: letterhead(opts.settings),
    day: opts.day,
    deskName: opts.deskName,
    showFullIds: opts.showFullIds,
    supervisor: { fullName: opts.supervisor },
    printedAt: opts.printedAt,
    printedBy: opts.supervisor,
  };
}

/** A day's visits in arrival order, for one desk or all (deskId null). */
function registerQuery(db: Db, day: string, deskId: number | null) {
  let query = selectVisits(db).select('b.id_number').where('v.day', '=', day).orderBy('v.arrived_at').orderBy('v.id');
  if (deskId !== null) query = query.where('v.desk_id', '=', deskId);
  return query;
}

type Row = Awaited<ReturnType<ReturnType<typeof registerQuery>['executeTakeFirstOrThrow']>>;

function toRegisterVisit(r: Row): RegisterVisit {
  const v = toVisitView(r);
  return {
    ticket: v.ticket,
    state: v.state,
    reason: v.reason,
    channel: v.channel,
    name: v.name,
    idNumber: r.id_number ?? null,
    arrivedAt: v.arrivedAt,
    calledAt: v.calledAt,
    endedAt: v.endedAt,
    deskName: v.deskName,
    employee: v.servedBy?.fullName ?? null,
    outcome: v.outcome,
  };
}

/**
 * The day's visits one by one as the store reads them (one statement, so one consistent snapshot),
 * never the whole day in memory at once.
 */
export async function* streamRegisterVisits(db: Db, day: string, deskId: number | null): AsyncGenerator<RegisterVisit> {
  for await (const row of registerQuery(db, day, deskId).stream()) yield toRegisterVisit(row);
}

/**
 * A day's contacts on the other channels (C2–C8) in the order they were logged, for one desk or all:
 * the same ones the register's screen and exports list beside the visits (registers/register-query.ts).
 */
export async function registerContacts(db: Db, day: string, deskId: number | null): Promise<RegisterContact[]> {
  let query = db
    .selectFrom('contacts as c')
    .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
    .leftJoin('desks as d', 'd.id', 'c.desk_id')
    .innerJoin('users as s', 's.id', 'c.logged_by')
    .select((eb) => [
      'c.channel',
      'c.logged_at',
      eb.fn.coalesce('b.full_name', 'c.name', textLiteral('')).as('name'),
      'b.id_number',
      'c.subject',
      'd.name as desk_name',
      's.full_name as employee',
    ])
    .where('c.day', '=', day)
    .orderBy('c.logged_at')
    .orderBy('c.id');
  if (deskId !== null) query = query.where('c.desk_id', '=', deskId);
  const rows = await query.execute();
  return rows.map((r) => ({
    channel: r.channel as ContactChannel,
    loggedAt: r.logged_at,
    name: r.name,
    idNumber: r.id_number ?? null,
    subject: r.subject,
    deskName: r.desk_name ?? null,
    employee: r.employee,
  }));
}

/** السجل اليومي's whole input at once: a day's visits in arrival order and its contacts, for one desk or all (deskId null). */
export async function buildRegisterInput(db: Db, opts: RegisterScope): Promise<DailyRegisterInput> {
  const rows = await registerQuery(db, opts.day, opts.deskId).execute();
  return { ...registerHead(opts), visits: rows.map(toRegisterVisit), contacts: await registerContacts(db, opts.day, opts.deskId) };
}
