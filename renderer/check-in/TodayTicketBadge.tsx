import { Badge } from '@mantine/core';
import type { TodayVisit } from '@shared/contract';
import { ar } from '@shared/labels/ar';

/** Today's ticket of a beneficiary and where it stands, beside their name: a second ticket is never a surprise. */
export function TodayTicketBadge({ visit }: { visit: TodayVisit }) {
  const open = visit.state === 'waiting' || visit.state === 'serving' || visit.state === 'referred';
  return (
    <Badge size="md" variant="light" color={open ? 'orange' : 'gray'} style={{ flexShrink: 0 }} data-testid="today-ticket" data-state={visit.state}>
      {ar.visitDesk.todayTicket}{' '}
      <span className="ltr tabular">{visit.ticket}</span> · {ar.visitStates[visit.state]}
    </Badge>
  );
}
