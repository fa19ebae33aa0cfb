import type { SettingsView } from '../../../shared/contract';
import type { Db } from '../store/store';
import { selectVisits, toVisitView } from '../visits/visit-view';
import type { DailyRegisterInput } from './daily-register';
import { letterhead } from './letterhead';

/** السجل اليومي's input: a day's visits in arrival order, for one desk or all (deskId null). */
export async function buildRegisterInput(
  db: Db,
  opts: { day: string; deskId: number | null; deskName: string | null; showFullIds: boolean; settings: SettingsView; supervisor: string; printedAt: string },
): Promise<DailyRegisterInput> {
  let query = selectVisits(db).select('b.id_number').where('v.day', '=', opts.day).orderBy('v.arrived_at').orderBy('v.id');
  if (opts.deskId !== null) query = query.where('v.desk_id', '=', opts.deskId);
  const rows = await query.execute();
  return {
    header: letterhead(opts.settings),
    day: opts.day,
    deskName: opts.deskName,
    visits: rows.map((r) => {
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
    }),
    showFullIds: opts.showFullIds,
    supervisor: { fullName: opts.supervisor },
    printedAt: opts.printedAt,
    printedBy: opts.supervisor,
  };
}
