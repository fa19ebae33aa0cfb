import { Anchor, Paper, Text } from '@mantine/core';
import type { BoardView } from '@shared/contract';
import { formatHijri } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { formatCount } from '@shared/labels/count';
import { ComplaintNumber } from '../complaints/ComplaintNumber';
import css from './Board.module.css';

/** How many overdue complaints the tile names; the count says how many there are in all. */
const SHOWN = 3;

/** P8: complaints and suggestions unanswered past their due date; the register opens from here. */
export function ComplaintsTile({ complaints, onOpenComplaints }: { complaints: BoardView['complaints']; onOpenComplaints?: () => void }) {
  const C = ar.complaints;
  const shown = complaints.overdueList.slice(0, SHOWN);
  const more = complaints.overdue - shown.length;
  return (
    <Paper withBorder p="md" data-testid="board-complaints">
      <Text size="sm" c="dimmed" fw={600}>
        {C.boardTitle}
      </Text>
      <Text className={`${css.big} tabular`} c={complaints.overdue > 0 ? 'red' : undefined} data-testid="board-complaints-value">
        {formatCount(complaints.overdue)}
      </Text>
      {complaints.overdue === 0 && (
        <Text size="sm" c="dimmed">
          {C.boardNone}
        </Text>
      )}
      {shown.map((c) => (
        <div key={c.id} className={css.row} data-testid="board-complaint" data-number={c.number}>
          <ComplaintNumber number={c.number} size="sm" fw={700} />
          <Text size="xs" c="red" className={css.grow}>
            {fill(C.boardLate, { date: formatHijri(c.dueDate) })}
            {c.ownerName ? ` · ${c.ownerName}` : ''}
          </Text>
        </div>
      ))}
      {onOpenComplaints && complaints.overdue > 0 && (
        <Anchor component="button" size="sm" onClick={onOpenComplaints} data-testid="board-open-complaints">
          {more > 0 ? fill(C.boardMore, { count: formatCount(more) }) : C.tab}
        </Anchor>
      )}
    </Paper>
  );
}
