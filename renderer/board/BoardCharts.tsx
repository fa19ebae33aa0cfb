import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Group, Paper, Text, Title } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import type { BoardView } from '@shared/contract';
import { CHANNELS } from '@shared/domain/channels';
import { VISIT_REASONS, type VisitReason } from '@shared/domain/visit';
import { formatCount } from '@shared/labels/count';
import { ar } from '@shared/labels/ar';
import css from './Board.module.css';
import { dayInFull, dayLabel, meanMinutes } from './board-text';

const REASON_COLORS: Record<VisitReason, string> = {
  inquiry: 'teal.6',
  new_request: 'blue.6',
  follow_up: 'violet.5',
  missing_documents: 'orange.5',
  receive_aid: 'green.7',
  complaint: 'red.6',
  volunteering: 'cyan.4',
  other: 'gray.5',
};

/*
 * Right to left: the first day stands at the right and today at the left (the x axis reversed), the
 * value axis on the right, and the legend and tooltips are our own Arabic HTML, laid out right to left.
 */
const TIME_AXIS = { reversed: true } as const;
const VALUE_AXIS = { orientation: 'right', allowDecimals: false, tick: { transform: 'translate(10, 0)', fontSize: 12, fill: 'currentColor' } } as const;

interface TooltipProps {
  active?: boolean;
  label?: string | number;
  payload?: readonly { name?: string | number; value?: unknown; color?: string }[];
}

/** A tooltip in Arabic: the day in both calendars (or the bar's name), then each figure under it. */
function rtlTooltip(title: (label: string) => string, name: (key: string) => string, unit?: string) {
  return function Tooltip({ active, label, payload }: TooltipProps) {
    if (!active || !payload?.length) return null;
    const rows = payload.filter((p) => typeof p.value === 'number' && p.value > 0);
    return (
      <Paper dir="rtl" withBorder shadow="md" p="xs" miw={160}>
        <Text size="sm" fw={700} mb={4}>
          {title(String(label ?? ''))}
        </Text>
        {rows.length === 0 && (
          <Text size="xs" c="dimmed">
            {unit ? ar.board.noMean : formatCount(0)}
          </Text>
        )}
        {rows.map((p) => (
          <Group key={String(p.name)} gap={6} wrap="nowrap">
            <span className={css.swatch} style={{ background: p.color }} />
            <Text size="xs" style={{ flex: 1 }}>
              {name(String(p.name))}
            </Text>
            <Text size="xs" fw={700} className="tabular">
              {formatCount(p.value as number)}
              {unit ? ` ${unit}` : ''}
            </Text>
          </Group>
        ))}
      </Paper>
    );
  };
}

function ChartCard({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The last 30 days: visits per day by reason, the mean wait per day, and the month by reason and by
 * channel. Memoised: the board's ticking clock must not redraw four charts every few seconds.
 */
export const BoardCharts = memo(function BoardCharts({ board }: { board: BoardView }) {
  const byDayKey = new Map(board.days.map((d) => [dayLabel(d.day), d.day]));
  const fullDay = (label: string) => dayInFull(byDayKey.get(label) ?? label);
  const perDay = board.days.map((d) => ({ label: dayLabel(d.day), ...d.byReason }));
  const waits = board.days.map((d) => ({ label: dayLabel(d.day), minutes: meanMinutes(d.meanWaitMs) }));
  const reasons = VISIT_REASONS.map((r) => ({ label: ar.reasons[r], visits: board.byReason[r] }));
  const channels = CHANNELS.map((c) => ({ label: ar.channels[c], visits: board.byChannel[c] }));
  const reasonName = (key: string) => ar.reasons[key as VisitReason] ?? key;

  return (
    <div className={css.charts}>
      <ChartCard title={`${ar.board.visitsPerDay} — ${ar.board.lastDays}`} testId="board-chart-days">
        <Group gap="sm" mb="xs" wrap="wrap">
          {VISIT_REASONS.map((r) => (
            <Group key={r} gap={4} wrap="nowrap">
              <span className={css.swatch} style={{ background: `var(--mantine-color-${REASON_COLORS[r].replace('.', '-')})` }} />
              <Text size="xs">{ar.reasons[r]}</Text>
            </Group>
          ))}
        </Group>
        <BarChart
          h={240}
          data={perDay}
          dataKey="label"
          type="stacked"
          series={VISIT_REASONS.map((r) => ({ name: r, label: ar.reasons[r], color: REASON_COLORS[r] }))}
          xAxisProps={TIME_AXIS}
          yAxisProps={VALUE_AXIS}
          tooltipProps={{ content: rtlTooltip(fullDay, reasonName) }}
          tooltipAnimationDuration={0}
          barChartProps={{ barCategoryGap: 2 }}
        />
      </ChartCard>
      <ChartCard title={`${ar.board.meanWait} — ${ar.board.lastDays}`} testId="board-chart-wait">
        <LineChart
          h={240}
          mt={30}
          data={waits}
          dataKey="label"
          series={[{ name: 'minutes', label: ar.board.meanWait, color: 'indigo.6' }]}
          xAxisProps={TIME_AXIS}
          yAxisProps={VALUE_AXIS}
          connectNulls={false}
          curveType="linear"
          tooltipProps={{ content: rtlTooltip(fullDay, () => ar.board.meanWait, ar.board.minutes) }}
          tooltipAnimationDuration={0}
        />
      </ChartCard>
      <ChartCard title={`${ar.board.byReason} — ${ar.board.lastDays}`} testId="board-chart-reasons">
        <BarChart
          h={260}
          data={reasons}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'visits', label: ar.board.visits, color: 'teal.6' }]}
          xAxisProps={TIME_AXIS}
          yAxisProps={{ orientation: 'right', width: 120, tick: { fontSize: 12, fill: 'currentColor' } }}
          tooltipProps={{ content: rtlTooltip((l) => l, () => ar.board.visits) }}
          tooltipAnimationDuration={0}
        />
      </ChartCard>
      <ChartCard title={`${ar.board.byChannel} — ${ar.board.lastDays}`} testId="board-chart-channels">
        <BarChart
          h={260}
          data={channels}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'visits', label: ar.board.visits, color: 'blue.6' }]}
          xAxisProps={TIME_AXIS}
          yAxisProps={{ orientation: 'right', width: 120, tick: { fontSize: 12, fill: 'currentColor' } }}
          tooltipProps={{ content: rtlTooltip((l) => l, () => ar.board.visits) }}
          tooltipAnimationDuration={0}
        />
      </ChartCard>
    </div>
  );
});
