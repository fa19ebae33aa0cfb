import { Badge } from '@mantine/core';
import { formatCount } from '@shared/labels/count';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';

/** On the contacts tab: how many of the user's follow-ups are due today or late, seen from any tab. */
export function FollowUpBadge() {
  const due = useOp('contacts.followUps', {}, { refetchInterval: 60_000 });
  const count = due.data?.length ?? 0;
  if (count === 0) return null;
  const late = due.data!.some((c) => c.followUp?.state === 'overdue');
  return (
    <Badge size="sm" circle color={late ? 'red' : 'orange'} ms={4} title={fill(ar.contacts.dueCount, { count: formatCount(count) })} data-testid="follow-up-badge">
      {formatCount(count)}
    </Badge>
  );
}
