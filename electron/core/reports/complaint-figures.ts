import type { PeriodComplaintFigures } from '@shared/contract/reports';
import type { Db } from '../store/store';
import type { PeriodScope } from './period-scope';

/**
 * P8 over a period: complaints received in it and how their answers kept the due date, and those still
 * open at its end (or today) whenever they came. The answer's day against the due date is as the store
 * knows it now, so a complaint of the period answered after the period counts as answered.
 */
export async function loadComplaintFigures(db: Db, scope: PeriodScope): Promise<PeriodComplaintFigures> {
  const rows = await db
    .selectFrom('complaints')
    .select(['received_day', 'due_date', 'answered_at', 'answered_day', 'closed_at'])
    .where('received_day', '<=', scope.asOf)
    .where((eb) => eb.or([eb('received_day', '>=', scope.from), eb('closed_at', 'is', null), eb('closed_at', '>=', scope.asOfEndIso)]))
    .execute();
  const out: PeriodComplaintFigures = { received: 0, answeredWithinDue: 0, answeredLate: 0, stillOpen: 0, overdue: 0 };
  for (const c of rows) {
    if (c.received_day >= scope.from && c.received_day <= scope.to) {
      out.received++;
      if (c.answered_day && c.answered_day <= c.due_date) out.answeredWithinDue++;
      else if (c.answered_day) out.answeredLate++;
    }
    const openAtEnd = c.closed_at === null || c.closed_at >= scope.asOfEndIso;
    if (!openAtEnd) continue;
    out.stillOpen++;
    const answeredByEnd = c.answered_at !== null && c.answered_at < scope.asOfEndIso;
    if (!answeredByEnd && c.due_date < scope.asOf) out.overdue++;
  }
  return out;
}
