import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { PeriodFigures } from '@shared/contract/reports';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useToday } from '../ui/useToday';
import { SatisfactionResults } from '../satisfaction/SatisfactionResults';
import { PeriodFiguresView } from './PeriodFiguresView';
import { PeriodPicker, type PeriodValue } from './PeriodPicker';
import { useReportFile } from './useReportFile';

/**
 * التقارير, for supervisors and administrators (the core refuses anyone else; docs/design.md#around-the-desk-watching-and-reporting): the period
 * report for any period on screen, printed or as a spreadsheet, and the board's evidence pack.
 */
export function ReportsScreen() {
  const today = useToday();
  const [period, setPeriod] = useState<PeriodValue>(() => ({ from: `${today.slice(0, 7)}-01`, to: today, invalid: false }));
  const ready = !!period.from && !!period.to && !period.invalid;
  const asked = { from: period.from ?? today, to: period.to ?? today };
  const figures = useOp('reports.period', asked, { enabled: ready, placeholderData: keepPreviousData });
  const files = useReportFile();
  const busy = (key: string) => files.pending === key;

  return (
    <Stack maw={1200} mx="auto" data-testid="reports-screen">
      <div>
        <Title order={3}>{ar.reports.title}</Title>
        <Text size="sm" c="dimmed">
          {ar.reports.hint}
        </Text>
      </div>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <PeriodPicker value={period} onChange={setPeriod} today={today} />
          <Group gap="xs" justify="flex-end">
            <Button variant="subtle" onClick={() => void figures.refetch()} disabled={!ready} loading={figures.isFetching} data-testid="refresh-report">
              {ar.reports.refresh}
            </Button>
            <Button
              onClick={() => void files.print('period-pdf', 'reports.period', asked, ar.reports.title)}
              disabled={!ready || files.pending !== null}
              loading={busy('period-pdf')}
              data-testid="print-period-report"
            >
              {ar.reports.printReport}
            </Button>
            <Button
              variant="default"
              onClick={() => void files.download('period-xlsx', 'reports.period', asked)}
              disabled={!ready || files.pending !== null}
              loading={busy('period-xlsx')}
              data-testid="download-period-report"
            >
              {ar.reports.downloadReport}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={figures.error} />
      {figures.isPending && ready ? (
        <Group justify="center" p="xl">
          <Loader />
        </Group>
      ) : (
        figures.data && <PeriodFiguresView f={figures.data as PeriodFigures} />
      )}
      <SatisfactionResults from={asked.from} to={asked.to} ready={ready} />
      <Paper withBorder p="md" data-testid="evidence-panel">
        <Group justify="space-between" align="center" wrap="nowrap">
          <div>
            <Title order={4}>{ar.reports.evidenceTitle}</Title>
            <Text size="sm" c="dimmed" maw={640}>
              {ar.reports.evidenceHint}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            <Button
              onClick={() => void files.print('evidence-pdf', 'reports.evidence', asked, ar.reports.evidenceTitle)}
              disabled={!ready || files.pending !== null}
              loading={busy('evidence-pdf')}
              data-testid="print-evidence"
            >
              {ar.reports.printEvidence}
            </Button>
            <Button
              variant="default"
              onClick={() => void files.download('evidence-xlsx', 'reports.evidence', asked)}
              disabled={!ready || files.pending !== null}
              loading={busy('evidence-xlsx')}
              data-testid="download-evidence"
            >
              {ar.reports.downloadEvidence}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}
