import { Anchor, Paper, Text, Title, UnstyledButton } from '@mantine/core';
import type { BoardRequest, BoardView } from '@shared/contract';
import { formatHijri } from '@shared/dates/calendar';
import { countOf, formatCount } from '@shared/labels/count';
import { ar, fill } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import css from './Board.module.css';

/** S5: the committee's backlog, the overdue first; each request opens in the app. */
export function CommitteeCard({ committee, onOpenCommittee }: { committee: BoardView['committee']; onOpenCommittee?: () => void }) {
  const pages = usePages();
  const shown = committee.overdueList.length + committee.dueList.length;
  const more = committee.awaiting - shown;
  const row = (r: BoardRequest) => (
    <UnstyledButton key={r.id} className={`${css.row} ${css.link}`} onClick={() => pages.open({ kind: 'request', requestId: r.id })} data-testid="board-request" data-number={r.number}>
      <span className={`${css.ticket} ltr tabular`}>{r.number}</span>
      <div className={css.grow}>
        <Text size="sm" fw={600} truncate>
          {r.beneficiaryName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {r.serviceName}
          {r.daysLate === 0 && r.expectedAnswerDate && ` · ${fill(ar.board.dueOn, { date: formatHijri(r.expectedAnswerDate) })}`}
        </Text>
      </div>
      {r.daysLate > 0 && (
        <Text size="xs" c="red" fw={700} style={{ flexShrink: 0 }}>
          {fill(ar.board.late, { days: countOf(r.daysLate, ar.board.days) })}
        </Text>
      )}
    </UnstyledButton>
  );
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {ar.board.committee}
      </Title>
      <Text size="sm" fw={700} c="red">
        {ar.board.overdue} ({formatCount(committee.overdue)})
      </Text>
      {committee.overdueList.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {ar.board.noneOverdue}
        </Text>
      ) : (
        committee.overdueList.map(row)
      )}
      <Text size="sm" fw={700} mt="xs">
        {ar.board.notYetDue} ({formatCount(committee.awaiting - committee.overdue)})
      </Text>
      {committee.dueList.length === 0 ? (
        <Text size="sm" c="dimmed">
          {ar.board.noneAwaiting}
        </Text>
      ) : (
        committee.dueList.map(row)
      )}
      {more > 0 && (
        <Anchor component="button" size="sm" mt="xs" onClick={onOpenCommittee} disabled={!onOpenCommittee}>
          {fill(ar.board.more, { count: formatCount(more) })}
        </Anchor>
      )}
    </Paper>
  );
}
