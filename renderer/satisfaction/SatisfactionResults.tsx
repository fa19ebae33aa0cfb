import { Badge, Group, Loader, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import type { SatisfactionGroup, SatisfactionResultsView } from '@shared/contract';
import { formatBothDates, formatHijri } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { countText, daysText, NO_FIGURE, shareText } from '@shared/labels/report-values';
import { useOp } from '../data/operations';
import { FigureTable, type FigureColumn } from '../reports/FigureTable';
import { ErrorAlert } from '../ui/ErrorAlert';

const S = ar.satisfaction;
const R = S.results;

const scoreText = (mean: number | null) => (mean === null ? NO_FIGURE : `${daysText(mean)} ${R.outOf5}`);

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22} lh={1.3}>
        {value}
      </Text>
    </Paper>
  );
}

/** The columns every grouping shares: finished visits, ratings, response rate, mean, share satisfied. */
function groupColumns<Row extends SatisfactionGroup>(): FigureColumn<Row>[] {
  return [
    { header: R.finished, cell: (r) => countText(r.finished) },
    { header: R.ratings, cell: (r) => countText(r.ratings) },
    { header: R.responseRate, cell: (r) => shareText(r.responseRate) },
    { header: R.mean, cell: (r) => scoreText(r.mean) },
    { header: R.satisfied, cell: (r) => shareText(r.satisfiedShare) },
  ];
}

/**
 * P6, P7: the supervisors' results for the reports screen's period. Per employee only as the core
 * gives it (supervisors, 10 ratings up, by name); nothing here ranks anyone.
 */
export function SatisfactionResults({ from, to, ready }: { from: string; to: string; ready: boolean }) {
  const results = useOp('satisfaction.results', { from, to }, { enabled: ready, placeholderData: keepPreviousData });
  return (
    <Paper withBorder p="md" data-testid="satisfaction-results">
      <Stack gap="md">
        <div>
          <Title order={4}>{R.title}</Title>
          <Text size="sm" c="dimmed">
            {R.hint}
          </Text>
        </div>
        <ErrorAlert error={results.error} />
        {results.isPending && ready ? (
          <Group justify="center" p="md">
            <Loader />
          </Group>
        ) : (
          results.data && <ResultsBody r={results.data} />
        )}
      </Stack>
    </Paper>
  );
}

function ResultsBody({ r }: { r: SatisfactionResultsView }) {
  const s = r.summary;
  const most = Math.max(1, ...s.distribution.map((d) => d.count));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Tile label={R.ratings} value={countText(s.ratings)} testId="satisfaction-tile-ratings" />
        <Tile label={R.responseRate} value={shareText(s.responseRate)} testId="satisfaction-tile-response" />
        <Tile label={R.mean} value={scoreText(s.mean)} testId="satisfaction-tile-mean" />
        <Tile label={R.satisfied} value={shareText(s.satisfiedShare)} testId="satisfaction-tile-satisfied" />
        <Tile label={R.flagged} value={countText(s.flagged)} testId="satisfaction-tile-flagged" />
      </SimpleGrid>
      {s.ratings === 0 ? (
        <Text c="dimmed" ta="center" p="md">
          {R.noRatings}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <FigureTable
            title={R.distribution}
            testId="satisfaction-distribution"
            rows={[...s.distribution].reverse()}
            columns={[
              { header: R.score, cell: (d) => `${d.score} · ${S.scores[d.score]}`, name: true },
              { header: R.count, cell: (d) => countText(d.count) },
              { header: '', cell: (d) => <Progress value={(d.count / most) * 100} color={d.score <= 2 ? 'red' : d.score === 3 ? 'yellow' : 'teal'} size="lg" miw={120} /> },
            ]}
          />
          <FigureTable
            title={R.aspects}
            testId="satisfaction-aspects"
            rows={s.aspects}
            columns={[
              { header: R.aspect, cell: (a) => S.aspects[a.aspect], name: true },
              { header: R.ratings, cell: (a) => countText(a.count) },
              { header: R.mean, cell: (a) => scoreText(a.mean) },
            ]}
          />
          <FigureTable
            title={R.byDesk}
            testId="satisfaction-by-desk"
            rows={r.byDesk}
            columns={[{ header: R.desk, cell: (d) => d.deskName ?? NO_FIGURE, name: true }, ...groupColumns<(typeof r.byDesk)[number]>()]}
          />
          <FigureTable
            title={R.byReason}
            testId="satisfaction-by-reason"
            rows={r.byReason}
            columns={[{ header: R.reason, cell: (x) => ar.reasons[x.reason], name: true }, ...groupColumns<(typeof r.byReason)[number]>()]}
          />
          <FigureTable
            title={R.byChannel}
            testId="satisfaction-by-channel"
            rows={r.byChannel}
            columns={[{ header: R.channel, cell: (x) => ar.channels[x.channel], name: true }, ...groupColumns<(typeof r.byChannel)[number]>()]}
          />
          <FigureTable
            title={R.trend}
            testId="satisfaction-trend"
            rows={r.trend.points.filter((p) => p.finished > 0 || p.ratings > 0)}
            columns={[
              { header: R.period, cell: (p) => (r.trend.unit === 'day' ? formatBothDates(p.period) : formatHijriMonth(p.period)), name: true },
              ...groupColumns<(typeof r.trend.points)[number]>(),
            ]}
          />
        </SimpleGrid>
      )}
      {r.employees && (
        <Stack gap={4} data-testid="satisfaction-employees">
          <FigureTable
            title={R.employees}
            testId="satisfaction-employees-table"
            rows={r.employees.shown}
            columns={[
              { header: R.employee, cell: (e) => e.name, name: true },
              { header: R.ratings, cell: (e) => countText(e.ratings) },
              { header: R.mean, cell: (e) => scoreText(e.mean) },
              { header: R.satisfied, cell: (e) => shareText(e.satisfiedShare) },
            ]}
          />
          <Text size="xs" c="dimmed">
            {R.employeesNote} {r.employees.hidden > 0 && fill(R.employeesHidden, { count: countText(r.employees.hidden) })}
          </Text>
        </Stack>
      )}
      <Paper withBorder p="sm" data-testid="satisfaction-comments">
        <Title order={5} mb="xs">
          {R.comments}
        </Title>
        {r.comments.length === 0 && (
          <Text size="sm" c="dimmed">
            {R.noComments}
          </Text>
        )}
        <Stack gap={6}>
          {r.comments.map((c) => (
            <Group key={c.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="satisfaction-comment">
              <Badge color={c.overall <= 2 ? 'red' : c.overall === 3 ? 'yellow' : 'teal'} variant="light" size="lg" style={{ flexShrink: 0 }}>
                {c.overall} {R.outOf5}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm">{c.comment}</Text>
                <Text size="xs" c="dimmed">
                  {formatHijri(c.day)} · {c.deskName ?? NO_FIGURE} · {ar.reasons[c.reason]} · {ar.channels[c.channel]} · {S.sources[c.source]} ·{' '}
                  {c.visit ? `${R.visit} ${c.visit.ticket} — ${c.visit.name}` : S.anonymous}
                  {c.contactMe && ` · ${R.contactMe}${c.visit?.mobile ? ` ${c.visit.mobile}` : ''}`}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** A month of the trend (YYYY-MM) by its Hijri and Gregorian names, from its first day. */
function formatHijriMonth(month: string): string {
  return formatBothDates(`${month}-01`);
}
