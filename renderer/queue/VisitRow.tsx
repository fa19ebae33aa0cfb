import { memo } from 'react';
import type { UserView, VisitView } from '@shared/contract';
import { waitBand, type WaitTarget } from '@shared/domain/wait-targets';
import { formatDuration, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { formatMobile } from '@shared/validation/mobile';
import { mayCall } from '../data/access';
import { TicketNotPrinted } from './TicketNotPrinted';
import { VisitActions } from './VisitActions';
import css from './VisitRow.module.css';

export function waitedMs(v: VisitView, now: Date): number {
  const end = v.calledAt ?? v.endedAt;
  return (end ? new Date(end).getTime() : now.getTime()) - new Date(v.arrivedAt).getTime();
}

/** One visitor in the hall; memoised so a refresh redraws only the rows whose visit changed. */
export const VisitRow = memo(function VisitRow({ visit: v, user, now, target }: { visit: VisitView; user: UserView; now: Date; target: WaitTarget }) {
  const stillWaiting = v.state === 'waiting';
  // S1: only a visitor still waiting is marked; once called, the wait is history for the reports.
  const band = stillWaiting ? waitBand(waitedMs(v, now), target) : 'within';
  return (
    <div className={`${css.row} ${band === 'critical' ? css.criticalRow : ''}`} data-testid="queue-row" data-ticket={v.ticket} data-state={v.state} data-wait-band={band}>
      <span className={`${css.ticket} tabular ltr`}>{v.ticket}</span>
      <div className={css.who}>
        <div className={css.nameLine}>
          <span className={css.name}>{v.name}</span>
          {!v.hasFile && <span className={css.noFile}>{ar.ui.noFile}</span>}
        </div>
        <span className={`${css.small} ${css.dimmed}`}>
          {ar.reasons[v.reason]}
          {v.channel !== 'interview' && ` · ${ar.channels[v.channel]}`}
          {v.mobile && (
            <>
              {' · '}
              <span className="ltr">{formatMobile(v.mobile)}</span>
            </>
          )}
        </span>
      </div>
      <div className={css.times}>
        <span className={`${css.arrived} tabular`}>{formatTime(v.arrivedAt)}</span>
        <span className={`${css.small} ${css[band]} tabular`} data-testid="waiting-time" title={band === 'within' ? undefined : ar.ui.waitBands[band]}>
          {ar.ui.waited} {formatDuration(waitedMs(v, now))}
        </span>
      </div>
      <div className={css.handling}>
        {/* A waiting visitor has nobody serving yet: the unprinted ticket takes that column, leaving the name its width. */}
        {stillWaiting && v.ticketPrinted === false && <TicketNotPrinted visit={v} canReprint={mayCall(user.role, 'documents.ticket')} />}
        {v.servedBy && (
          <span className={css.small}>
            {v.state === 'serving' ? ar.ui.servedBy : ar.ui.handledBy}: {v.servedBy.fullName}
          </span>
        )}
        {v.state === 'referred' && (
          <span className={`${css.small} ${css.referred}`} title={v.referralNote ?? ''}>
            {ar.ui.referredTo}: {v.referredTo?.fullName ?? ar.ui.anyResearcher}
          </span>
        )}
        {v.outcome && <span className={`${css.small} ${css.dimmed}`}>{ar.outcomes[v.outcome]}</span>}
      </div>
      <VisitActions visit={v} user={user} />
    </div>
  );
});
