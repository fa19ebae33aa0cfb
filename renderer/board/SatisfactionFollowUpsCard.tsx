import { Badge, Button, Paper, Text, Title } from '@mantine/core';
import type { SatisfactionFollowUp } from '@shared/contract';
import { formatHijri } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import css from './Board.module.css';

const S = ar.satisfaction;

/**
 * P6: low ratings (1–2) whose visitor left a comment or asked to be contacted, until a supervisor
 * follows them up. An anonymous one shows its desk and reason only; a named one its ticket and person.
 */
export function SatisfactionFollowUpsCard({ items }: { items: SatisfactionFollowUp[] }) {
  const done = useOpMutation('satisfaction.followUp');
  return (
    <Paper withBorder p="md" data-testid="board-satisfaction-follow-ups">
      <Title order={5} mb="xs">
        {S.board.title} ({items.length})
      </Title>
      <ErrorAlert error={done.error} />
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          {S.board.none}
        </Text>
      )}
      {items.map((f) => (
        <div key={f.id} className={css.row} data-testid="board-satisfaction-item">
          <Badge color="red" variant="light" size="lg" style={{ flexShrink: 0 }}>
            {f.overall} {S.results.outOf5}
          </Badge>
          <div className={css.grow}>
            <Text size="sm" fw={600} truncate>
              {f.comment ?? S.board.noComment}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {formatHijri(f.day)} · {f.deskName} · {ar.reasons[f.reason]} · {ar.channels[f.channel]} ·{' '}
              {f.visit ? `${f.visit.ticket} ${f.visit.name}${f.visit.mobile ? ` ${f.visit.mobile}` : ''}` : S.anonymous}
              {f.contactMe && ` · ${S.board.contactMe}`}
            </Text>
          </div>
          <Button size="compact-sm" variant="light" loading={done.isPending && done.variables?.ratingId === f.id} onClick={() => done.mutate({ ratingId: f.id, note: null })}>
            {S.board.done}
          </Button>
        </div>
      ))}
    </Paper>
  );
}
