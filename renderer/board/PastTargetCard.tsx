import { Paper, Text, Title } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import { formatDuration } from '@shared/dates/calendar';
import css from './Board.module.css';
import type { LiveWaiting } from './live-waiting';

/** S1: who is waiting past the target of their visit's reason right now, the longest wait first. */
export function PastTargetCard({ live }: { live: LiveWaiting }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {ar.board.pastTarget}
      </Title>
      {live.pastTarget.length === 0 && (
        <Text c="dimmed" size="sm">
          {ar.board.nobodyPastTarget}
        </Text>
      )}
      {live.pastTarget.map((v) => (
        <div key={v.ticket} className={css.row} data-testid="board-past-target-row" data-ticket={v.ticket} data-wait-band={v.liveBand}>
          <span className={`${css.ticket} ltr tabular`}>{v.ticket}</span>
          <div className={css.grow}>
            <Text size="sm" fw={600} truncate>
              {v.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {ar.reasons[v.reason]}
            </Text>
          </div>
          <Text size="sm" className={`${css[v.liveBand]} tabular`} style={{ flexShrink: 0 }} title={ar.ui.waitBands[v.liveBand]}>
            {formatDuration(v.liveMs)} · {ar.ui.waitBands[v.liveBand]}
          </Text>
        </div>
      ))}
    </Paper>
  );
}
