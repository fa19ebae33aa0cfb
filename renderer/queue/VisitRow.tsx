import { memo } from 'react';
import type { UserView, VisitView } from '../../shared/contract';
import { formatDuration, formatTime } from '../../shared/dates/calendar';
import { ar } from '../../shared/labels/ar';
import { formatMobile } from '../../shared/validation/mobile';
import { mayCall } from '../data/access';
import { TicketNotPrinted } from './TicketNotPrinted';
import { VisitActions } from './VisitActions';
import css from './VisitRow.module.css';

export function waitedMs(v: VisitView, now: Date): number {
  const end = v.calledAt ?? v.endedAt;
  return (end ? new Date(end).getTime() : now.getTime()) - new Date(v.arrivedAt).getTime();
}

/** One visitor in the hall; memoised so a refresh redraws only the rows whose visit changed. */
export const VisitRow = memo(function VisitRow({ visit: v, user, now }: { visit: VisitView; user: UserView; now: Date }) {
  const stillWaiting = v.state === 'waiting';
  const late = stillWaiting && waitedMs(v, now) > 20 * 60_000;
  return (
    <div className={css.row} data-testid="queue-row" data-ticket={v.ticket} data-state={v.state}>
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
        <span className={`${css.small} ${late ? css.late : css.dimmed} tabular`} data-testid="waiting-time">
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
