import { Badge, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { UserView, VisitView } from '../../shared/contract';
import { formatDuration, formatTime } from '../../shared/dates/calendar';
import { ar } from '../../shared/labels/ar';
import { formatMobile } from '../../shared/validation/mobile';
import { mayCall } from '../data/access';
import { TicketNotPrinted } from './TicketNotPrinted';
import { VisitActions } from './VisitActions';

export function waitedMs(v: VisitView, now: Date): number {
  const end = v.calledAt ?? v.endedAt;
  return (end ? new Date(end).getTime() : now.getTime()) - new Date(v.arrivedAt).getTime();
}

/** One visitor in the hall; memoised so a refresh redraws only the rows whose visit changed. */
export const VisitRow = memo(function VisitRow({ visit: v, user, now }: { visit: VisitView; user: UserView; now: Date }) {
  const stillWaiting = v.state === 'waiting';
  return (
    <Group
      px="md"
      h="100%"
      gap="md"
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="queue-row"
      data-ticket={v.ticket}
      data-state={v.state}
    >
      <Text fw={700} size="lg" w={78} className="tabular ltr" ta="center">
        {v.ticket}
      </Text>
      <Stack gap={0} flex={1} miw={0}>
        <Group gap={6} wrap="nowrap">
          <Text fw={600} truncate>
            {v.name}
          </Text>
          {!v.hasFile && (
            <Badge size="xs" variant="outline" color="gray">
              {ar.ui.noFile}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {ar.reasons[v.reason]}
          {v.channel !== 'interview' && ` · ${ar.channels[v.channel]}`}
          {v.mobile && (
            <>
              {' · '}
              <span className="ltr">{formatMobile(v.mobile)}</span>
            </>
          )}
        </Text>
      </Stack>
      <Stack gap={0} w={92} align="center">
        <Text size="sm" className="tabular">
          {formatTime(v.arrivedAt)}
        </Text>
        <Text size="xs" c={stillWaiting && waitedMs(v, now) > 20 * 60_000 ? 'red' : 'dimmed'} className="tabular" data-testid="waiting-time">
          {ar.ui.waited} {formatDuration(waitedMs(v, now))}
        </Text>
      </Stack>
      <Stack gap={0} w={170} miw={0}>
        {/* A waiting visitor has nobody serving yet: the unprinted ticket takes that column, leaving the name its width. */}
        {stillWaiting && v.ticketPrinted === false && <TicketNotPrinted visit={v} canReprint={mayCall(user.role, 'documents.ticket')} />}
        {v.servedBy && (
          <Text size="xs" truncate>
            {v.state === 'serving' ? ar.ui.servedBy : ar.ui.handledBy}: {v.servedBy.fullName}
          </Text>
        )}
        {v.state === 'referred' && (
          <Text size="xs" c="violet" truncate title={v.referralNote ?? ''}>
            {ar.ui.referredTo}: {v.referredTo?.fullName ?? ar.ui.anyResearcher}
          </Text>
        )}
        {v.outcome && (
          <Text size="xs" c="dimmed" truncate>
            {ar.outcomes[v.outcome]}
          </Text>
        )}
      </Stack>
      <VisitActions visit={v} user={user} />
    </Group>
  );
});
