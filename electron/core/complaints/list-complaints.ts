import type { ComplaintPage, ParsedInputOf } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { UNANSWERED_COMPLAINT_STATES } from '@shared/domain/complaints';
import { parseComplaintNumberLoosely } from '@shared/text/complaint-numbers';
import type { HandlerContext } from '../context';
import { selectComplaints, toComplaintView } from './complaint-view';

/** The log (P8), the newest first, filtered by state, lateness, category, the days received or a number. */
export async function listComplaints(input: ParsedInputOf<'complaints.list'>, ctx: HandlerContext): Promise<ComplaintPage> {
  const today = businessDay(ctx.now, ctx.timeZone);
  const filtered = <Q extends ReturnType<typeof selectComplaints>>(q: Q): Q => {
    let out = q;
    if (input.status) out = out.where('c.state', '=', input.status) as Q;
    if (input.overdue) out = out.where('c.state', 'in', [...UNANSWERED_COMPLAINT_STATES]).where('c.due_date', '<', today) as Q;
    if (input.category) out = out.where('c.category', '=', input.category) as Q;
    if (input.from) out = out.where('c.received_day', '>=', input.from) as Q;
    if (input.to) out = out.where('c.received_day', '<=', input.to) as Q;
    if (input.number) {
      // A text that is no acknowledgement number finds none, rather than everything.
      out = out.where('c.number', '=', parseComplaintNumberLoosely(input.number) ?? '') as Q;
    }
    return out;
  };
  const rows = await filtered(selectComplaints(ctx.db))
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const { n } = await filtered(selectComplaints(ctx.db))
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((r) => toComplaintView(r, today)), total: Number(n) };
}
