import { Group, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { formatBothDates, formatTime, formatWeekday } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNow } from '../ui/useNow';
import css from './Board.module.css';
import { BoardCharts } from './BoardCharts';
import { CommitteeCard } from './CommitteeCard';
import { ComplaintsTile } from './ComplaintsTile';
import { DesksCard } from './DesksCard';
import { FigureTiles } from './FigureTiles';
import { OverdueFollowUpsCard } from './OverdueFollowUpsCard';
import { PastTargetCard } from './PastTargetCard';
import { SatisfactionFollowUpsCard } from './SatisfactionFollowUpsCard';
import { liveWaiting } from './live-waiting';

/** What turns with time alone (a desk gone quiet, the day's end) is asked again this often. */
const QUIET_REFRESH_MS = 60_000;

/**
 * The supervisor's home: the hall at a glance. It refreshes as the queue does — every change anywhere
 * makes the cached board stale (useLiveRevision) — and its durations move on with a ticking clock.
 */
export const BoardScreen = memo(function BoardScreen({ onOpenCommittee, onOpenComplaints }: { onOpenCommittee?: () => void; onOpenComplaints?: () => void }) {
  const board = useOp('board.today', {}, { staleTime: 0, refetchInterval: QUIET_REFRESH_MS });
  const settings = useOp('settings.get', {});
  const now = useNow(5_000);
  const timeZone = settings.data?.timeZone;
  const data = board.data;
  const live = data ? liveWaiting(data.waiting.visits, settings.data?.waitTargets, now) : null;

  return (
    <Stack gap="md" className={css.page} data-testid="board">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>{ar.board.title}</Title>
        {data && (
          <Stack gap={0} align="flex-end">
            <Text fw={700} data-testid="board-date">
              {formatWeekday(data.day, timeZone)} {formatBothDates(data.day, timeZone)}
            </Text>
            <Text size="xs" c="dimmed" className="tabular">
              {ar.board.updatedAt} {formatTime(data.now, timeZone)}
            </Text>
          </Stack>
        )}
      </Group>
      <ErrorAlert error={board.error} />
      {data && live && (
        <>
          <FigureTiles board={data} live={live}>
            <ComplaintsTile complaints={data.complaints} onOpenComplaints={onOpenComplaints} />
          </FigureTiles>
          <div className={css.details}>
            <DesksCard desks={data.desks} now={now} />
            <PastTargetCard live={live} />
            <CommitteeCard committee={data.committee} onOpenCommittee={onOpenCommittee} />
            <OverdueFollowUpsCard followUps={data.overdueFollowUps} day={data.day} />
          </div>
          <SatisfactionFollowUpsCard items={data.satisfactionFollowUps} />
          <BoardCharts board={data} />
        </>
      )}
    </Stack>
  );
});
