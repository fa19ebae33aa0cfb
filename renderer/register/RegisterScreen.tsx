import { Button, Group, Pagination, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { REGISTER_PAGE, type RegisterFormat } from '@shared/contract/registers';
import type { InputOf } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { usePrintPdf } from '../printing/usePrintPdf';
import { call } from '../transport/call';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { notifyError } from '../ui/notify';
import { saveFile } from '../ui/save-file';
import { useToday } from '../ui/useToday';
import { dayFilters, narrowed, RegisterFilters, type RegisterFilterValues } from './RegisterFilters';
import { RegisterTable, type RegisterSort } from './RegisterTable';

const r = ar.registers;
const ARRIVAL: RegisterSort = { column: 'arrivedAt', direction: 'asc' };

/**
 * السجل اليومي for supervisors (docs/design.md#around-the-desk-watching-and-reporting): a day or a range, one desk or all, filtered and sorted on
 * screen a page at a time; exported as a spreadsheet (XLSX, CSV) or printed (PDF, one day). IDs are
 * masked to their last four digits unless the supervisor asks for them in full, deliberately: the core
 * records that choice with every read and export it applies to.
 */
export function RegisterScreen() {
  const today = useToday();
  const settings = useOp('settings.get', {});
  const [filters, setFilters] = useState<RegisterFilterValues>(() => dayFilters(today));
  const [sort, setSort] = useState<RegisterSort>(ARRIVAL);
  const [page, setPage] = useState(1);
  const [showFullIds, setShowFullIds] = useState(false);
  const [asking, setAsking] = useState(false);
  const [exporting, setExporting] = useState<RegisterFormat | null>(null);
  const register = usePrintPdf('documents.dailyRegister');

  // The screen left open past midnight follows the new day, as long as it shows only «today».
  const shownToday = useRef(today);
  useEffect(() => {
    if (shownToday.current === today) return;
    if (filters.from === shownToday.current && filters.to === shownToday.current) setFilters((f) => ({ ...f, from: today, to: today }));
    shownToday.current = today;
  }, [today, filters.from, filters.to]);

  // What the list and the exports share: the days, the filters, the order, and how IDs are shown.
  const scope: Omit<InputOf<'registers.export'>, 'format'> | null =
    filters.invalid || !filters.from || !filters.to
      ? null
      : {
          from: filters.from,
          to: filters.to,
          deskId: filters.deskId ?? undefined,
          employeeId: filters.employeeId ?? undefined,
          states: filters.states.length ? filters.states : undefined,
          reasons: filters.reasons.length ? filters.reasons : undefined,
          channels: filters.channels.length ? filters.channels : undefined,
          outcomes: filters.outcomes.length ? filters.outcomes : undefined,
          sort,
          showFullIds,
        };
  const list = useOp(
    'registers.list',
    { ...(scope ?? { from: today, to: today }), offset: (page - 1) * REGISTER_PAGE, limit: REGISTER_PAGE },
    { enabled: scope !== null, placeholderData: keepPreviousData },
  );
  const change = (next: RegisterFilterValues) => {
    setFilters(next);
    setPage(1);
  };
  const sortBy = (next: RegisterSort) => {
    setSort(next);
    setPage(1);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE));
  const oneDay = !!filters.from && filters.from === filters.to;

  const exportAs = async (format: RegisterFormat) => {
    if (!scope || exporting) return;
    setExporting(format);
    try {
      await saveFile(await call('registers.export', { ...scope, format }));
    } catch (error) {
      notifyError(error as Error);
    } finally {
      setExporting(null);
    }
  };
  const print = () => {
    if (!oneDay || register.isPending) return;
    void register.print({ day: filters.from!, deskId: filters.deskId ?? undefined, showFullIds });
  };

  return (
    <Stack maw={1320} mx="auto" gap="sm" data-testid="register-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{ar.printing.registerTitle}</Title>
          <Text size="sm" c="dimmed">
            {r.hint}
          </Text>
        </div>
        <Switch
          label={r.showFullIds}
          description={r.showFullIdsHint}
          checked={showFullIds}
          onChange={(e) => (e.currentTarget.checked ? setAsking(true) : setShowFullIds(false))}
          maw={430}
          data-testid="register-full-ids"
        />
      </Group>
      <RegisterFilters value={filters} today={today} onChange={change} />
      <ErrorAlert error={list.error} />
      <Group justify="space-between">
        <Text size="sm" fw={500} data-testid="register-count" data-total={list.data?.total}>
          {list.data && (oneDay && !narrowed(filters) ? fill(ar.printing.registerVisits, { count: total }) : fill(r.count, { count: total }))}
        </Text>
        <Group gap="xs">
          <Button variant="light" onClick={() => void exportAs('xlsx')} disabled={!scope} loading={exporting === 'xlsx'} data-testid="export-xlsx">
            {r.exportXlsx}
          </Button>
          <Button variant="light" onClick={() => void exportAs('csv')} disabled={!scope} loading={exporting === 'csv'} data-testid="export-csv">
            {r.exportCsv}
          </Button>
          <Tooltip label={r.pdfOneDay} disabled={oneDay} withArrow>
            {/* A disabled button takes no hover: the tooltip sits on its wrapper. */}
            <span>
              <Button onClick={print} disabled={!oneDay || filters.invalid} loading={register.isPending} data-testid="print-register">
                {ar.printing.printRegister}
              </Button>
            </span>
          </Tooltip>
        </Group>
      </Group>
      <Paper withBorder>
        {list.isSuccess && total === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="register-none">
            {r.none}
          </Text>
        ) : (
          <RegisterTable rows={list.data?.rows ?? []} sort={sort} onSort={sortBy} showDay={!oneDay} timeZone={settings.data?.timeZone} />
        )}
      </Paper>
      {pages > 1 && (
        <Group justify="center" gap="sm">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" data-testid="register-pages" />
          <Text size="sm" c="dimmed">
            {fill(r.page, { page, pages })}
          </Text>
        </Group>
      )}
      {asking && (
        <ConfirmModal
          title={r.fullIdsTitle}
          message={r.fullIdsMessage}
          confirmLabel={r.fullIdsConfirm}
          onConfirm={() => {
            setShowFullIds(true);
            setAsking(false);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </Stack>
  );
}
