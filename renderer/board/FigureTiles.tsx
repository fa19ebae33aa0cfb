import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BoardView } from '@shared/contract';
import { formatDuration } from '@shared/dates/calendar';
import { formatCount } from '@shared/labels/count';
import { ar, fill } from '@shared/labels/ar';
import css from './Board.module.css';
import type { LiveWaiting } from './live-waiting';

function Tile({ title, value, testId, tone, children }: { title: string; value: number; testId: string; tone?: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={600}>
        {title}
      </Text>
      <Text className={`${css.big} tabular`} c={tone} data-testid={`${testId}-value`}>
        {formatCount(value)}
      </Text>
      {children}
    </Paper>
  );
}

/** The figures of the moment, one tile each; `children` are the tiles of other parts (complaints, satisfaction) on the same row. */
export function FigureTiles({ board, live, children }: { board: BoardView; live: LiveWaiting; children?: ReactNode }) {
  const { today, committee } = board;
  return (
    <div className={css.figures}>
      <Tile title={ar.board.waitingNow} value={live.count} testId="board-waiting">
        <Text size="sm" className="tabular">
          {live.longestMs === null ? ar.board.nobodyWaiting : `${ar.board.longestWait}: ${formatDuration(live.longestMs)}`}
        </Text>
      </Tile>
      <Tile title={ar.board.pastTarget} value={live.pastTarget.length} testId="board-past-target" tone={live.pastTarget.length > 0 ? 'red' : undefined}>
        <Text size="sm" className="tabular">
          {fill(ar.board.calledAfterTarget, { count: formatCount(today.calledAfterTarget), called: formatCount(today.called) })}
        </Text>
      </Tile>
      <Tile title={ar.board.today} value={today.total} testId="board-today">
        <Group gap="md" wrap="wrap">
          <Figure label={ar.board.served} value={today.states.done} testId="board-served" />
          <Figure label={ar.board.referred} value={today.referred} testId="board-referred" />
          <Figure label={ar.board.left} value={today.states.left} testId="board-left" />
          <Figure label={ar.board.cancelled} value={today.states.cancelled} testId="board-cancelled" />
        </Group>
      </Tile>
      <Tile title={ar.board.committee} value={committee.awaiting} testId="board-awaiting">
        <Text size="sm" c={committee.overdue > 0 ? 'red' : 'dimmed'} fw={committee.overdue > 0 ? 700 : undefined} className="tabular" data-testid="board-overdue">
          {ar.board.overdue}: {formatCount(committee.overdue)}
        </Text>
      </Tile>
      {children}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} className="tabular" data-testid={`${testId}-value`}>
        {formatCount(value)}
      </Text>
    </Stack>
  );
}
