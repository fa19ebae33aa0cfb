import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import type { BoardDesk } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import css from './Board.module.css';
import { since } from './board-text';

const STATUS_COLOR: Record<BoardDesk['status'], string> = { serving: 'teal', open: 'blue', idle: 'gray' };

/** Each desk now: who serves whom and for how long (on the ticking clock), open with nobody, or idle. */
export function DesksCard({ desks, now }: { desks: BoardDesk[]; now: Date }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {ar.board.desks}
      </Title>
      {desks.map((d) => (
        <div key={d.id} className={css.row} data-testid="board-desk" data-desk={d.ticketPrefix} data-status={d.status}>
          <Badge color={STATUS_COLOR[d.status]} variant={d.status === 'idle' ? 'light' : 'filled'} w={64} style={{ flexShrink: 0 }}>
            {ar.board.deskStatus[d.status]}
          </Badge>
          <Stack gap={0} className={css.grow}>
            <Text fw={600} size="sm" truncate>
              {d.name}
              {d.employee && (
                <Text span c="dimmed" size="sm" fw={400}>
                  {' · '}
                  {d.employee}
                </Text>
              )}
            </Text>
            {d.serving ? (
              <Text size="xs" truncate data-testid="board-desk-serving">
                <span className={`${css.ticket} ltr tabular`}>{d.serving.ticket}</span> {d.serving.name} — {ar.reasons[d.serving.reason]}
              </Text>
            ) : (
              <Text size="xs" c="dimmed">
                {d.status === 'open' ? ar.board.availableHint : ar.board.idleHint}
              </Text>
            )}
          </Stack>
          {d.serving && (
            <Text size="sm" fw={600} className="tabular" style={{ flexShrink: 0 }}>
              {fill(ar.board.servingFor, { duration: since(d.serving.calledAt, now) })}
            </Text>
          )}
        </div>
      ))}
    </Paper>
  );
}
