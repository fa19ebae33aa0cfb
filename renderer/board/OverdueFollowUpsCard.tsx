import { Paper, Text, Title } from '@mantine/core';
import type { BoardView } from '@shared/contract';
import { countOf, formatCount } from '@shared/labels/count';
import { ar, fill } from '@shared/labels/ar';
import css from './Board.module.css';

const DAY_MS = 86_400_000;

/** P4: contacts' follow-ups (C2–C8) still open past their due day, the oldest first, with whose they are. */
export function OverdueFollowUpsCard({ followUps, day }: { followUps: BoardView['overdueFollowUps']; day: string }) {
  return (
    <Paper withBorder p="md" data-testid="board-follow-ups">
      <Title order={5} mb="xs">
        {ar.contacts.overdueTitle} ({formatCount(followUps.count)})
      </Title>
      {followUps.list.length === 0 && (
        <Text size="sm" c="dimmed">
          {ar.contacts.noneOverdue}
        </Text>
      )}
      {followUps.list.map((f) => (
        <div key={f.contactId} className={css.row} data-testid="board-follow-up">
          <div className={css.grow}>
            <Text size="sm" fw={600} truncate>
              {f.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {ar.channels[f.channel]} · {f.subject} · {f.owner}
            </Text>
          </div>
          <Text size="xs" c="red" fw={700} style={{ flexShrink: 0 }}>
            {fill(ar.contacts.lateBy, { days: countOf(Math.round((Date.parse(day) - Date.parse(f.due)) / DAY_MS), ar.board.days) })}
          </Text>
        </div>
      ))}
    </Paper>
  );
}
