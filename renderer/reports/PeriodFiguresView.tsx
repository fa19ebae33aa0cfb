import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PeriodFigures } from '@shared/contract/reports';
import { formatBothDates, formatWeekday } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { complaintRows, figureText, requestRows } from '@shared/labels/report-rows';
import { countText, daysText, durationText, hourText, shareText, weekdayName } from '@shared/labels/report-values';
import { FigureTable } from './FigureTable';

const R = ar.reports;

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

/** The period report's figures on screen: the same figures as the PDF and the spreadsheet. */
export function PeriodFiguresView({ f }: { f: PeriodFigures }) {
  const v = f.visits;
  const q = f.requests;
  const busyHours = v.perHour.filter((h) => h.visits > 0).map((h) => h.hour);
  const days = v.perDay.filter((d) => d.visits > 0);
  return (
    <Stack gap="md" data-testid="report-figures">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Tile label={R.visitsTotal} value={countText(v.total)} testId="tile-visits" />
        <Tile label={R.meanWait} value={durationText(v.wait.meanMs)} testId="tile-mean-wait" />
        <Tile label={R.withinShare} value={shareText(v.target.withinShare)} testId="tile-within" />
        <Tile label={R.leftRate} value={shareText(v.leftRate)} testId="tile-left" />
        <Tile label={R.opened} value={countText(q.opened)} testId="tile-opened" />
        <Tile label={R.decided} value={countText(q.decided)} testId="tile-decided" />
        <Tile label={R.answeredWithinPeriod} value={`${countText(q.answeredWithinPeriod)} / ${countText(q.decided)}`} testId="tile-answered-within" />
        <Tile label={`${R.awaitingCommittee} (${R.overdue})`} value={`${countText(q.stillOpen.awaitingCommittee)} (${countText(q.stillOpen.overdue)})`} testId="tile-awaiting" />
      </SimpleGrid>
      {v.total === 0 ? (
        <Text c="dimmed" ta="center" p="md" data-testid="report-no-visits">
          {R.noVisits}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {R.targetsNote} {R.p90Note}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <FigureTable
              title={R.byReason}
              testId="report-by-reason"
              rows={v.byReason.filter((r) => r.visits > 0)}
              columns={[
                { header: R.reason, cell: (r) => ar.reasons[r.reason], name: true },
                { header: R.visits, cell: (r) => countText(r.visits) },
                { header: R.mean, cell: (r) => durationText(r.wait.meanMs) },
                { header: R.median, cell: (r) => durationText(r.wait.medianMs) },
                { header: R.p90, cell: (r) => durationText(r.wait.p90Ms) },
                { header: R.withinShare, cell: (r) => shareText(r.target.withinShare) },
                { header: R.aboveTarget, cell: (r) => countText(r.target.aboveTarget) },
              ]}
            />
            <FigureTable
              title={R.byDesk}
              testId="report-by-desk"
              rows={v.byDesk}
              columns={[
                { header: R.desk, cell: (d) => d.deskName ?? R.notCalled, name: true },
                { header: R.visits, cell: (d) => countText(d.visits) },
                { header: R.meanWait, cell: (d) => durationText(d.wait.meanMs) },
                { header: R.meanService, cell: (d) => durationText(d.service.meanMs) },
                { header: R.withinShare, cell: (d) => shareText(d.target.withinShare) },
                { header: R.aboveTarget, cell: (d) => countText(d.target.aboveTarget) },
              ]}
            />
            <FigureTable
              title={R.perWeekday}
              testId="report-per-weekday"
              rows={v.perWeekday}
              columns={[
                { header: R.weekday, cell: (w) => weekdayName(w.weekday), name: true },
                { header: R.weekdayDays, cell: (w) => countText(w.days) },
                { header: R.visits, cell: (w) => countText(w.visits) },
                { header: R.perWeekdayAverage, cell: (w) => daysText(w.perDay) },
              ]}
            />
            <FigureTable
              title={R.perHour}
              testId="report-per-hour"
              rows={v.perHour.slice(Math.min(...busyHours), Math.max(...busyHours) + 1)}
              columns={[
                { header: R.hour, cell: (h) => hourText(h.hour), name: true },
                { header: R.visits, cell: (h) => countText(h.visits) },
                { header: R.share, cell: (h) => shareText(h.visits / v.total) },
              ]}
            />
          </SimpleGrid>
          <FigureTable
            title={R.perDay}
            testId="report-per-day"
            rows={days}
            columns={[
              { header: R.day, cell: (d) => formatBothDates(d.day), name: true },
              { header: R.weekday, cell: (d) => formatWeekday(d.day) },
              { header: R.visits, cell: (d) => countText(d.visits) },
              { header: R.leftBeforeServed, cell: (d) => countText(d.left) },
              { header: R.meanWait, cell: (d) => durationText(d.wait.meanMs) },
              { header: R.p90, cell: (d) => durationText(d.wait.p90Ms) },
              { header: R.withinShare, cell: (d) => shareText(d.target.withinShare) },
              { header: R.aboveTarget, cell: (d) => countText(d.target.aboveTarget) },
            ]}
          />
          {v.perDay.length > days.length && (
            <Text size="xs" c="dimmed">
              {fill(R.daysWithoutVisits, { count: countText(v.perDay.length - days.length) })}
            </Text>
          )}
        </>
      )}
      <FigureTable
        title={R.requests}
        testId="report-requests"
        rows={requestRows(f)}
        columns={[
          { header: R.figure, cell: (r) => r.label, name: true },
          { header: R.value, cell: (r) => figureText(r) },
        ]}
      />
      <Text size="xs" c="dimmed">
        {fill(R.asOf, { day: formatBothDates(f.asOf) })}
      </Text>
      <FigureTable
        title={ar.complaints.report.section}
        testId="report-complaints"
        rows={complaintRows(f)}
        columns={[
          { header: R.figure, cell: (r) => r.label, name: true },
          { header: R.value, cell: (r) => figureText(r) },
        ]}
      />
    </Stack>
  );
}
