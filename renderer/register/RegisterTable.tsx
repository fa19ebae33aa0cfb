import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RegisterRowView, RegisterSortColumn } from '@shared/contract';
import { businessDay, formatDuration, formatGregorian, formatHijri, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';

export interface RegisterSort {
  column: RegisterSortColumn;
  direction: 'asc' | 'desc';
}

const c = ar.registers.columns;

interface Column {
  sort: RegisterSortColumn;
  header: string;
  width?: number;
  cell(v: RegisterRowView, timeZone: string | undefined): ReactNode;
}

const time = (iso: string | null, day: string, timeZone: string | undefined) => {
  if (!iso) return null;
  // A visit that ends after midnight: its end names the next day.
  const other = businessDay(new Date(iso), timeZone) !== day;
  return (
    <>
      <Text size="xs" span style={{ whiteSpace: 'nowrap' }}>
        {formatTime(iso, timeZone)}
      </Text>
      {other && (
        <Text size="xs" c="dimmed" data-testid="register-other-day">
          {formatGregorian(iso, timeZone)}
        </Text>
      )}
    </>
  );
};

const minutes = (m: number | null) => (m === null ? null : formatDuration(m * 60_000));

const COLUMNS: Column[] = [
  { sort: 'ticket', header: c.ticket, width: 62, cell: (v) => <bdi dir="ltr">{v.ticket}</bdi> },
  { sort: 'arrivedAt', header: c.arrivedAt, width: 72, cell: (v, tz) => time(v.arrivedAt, v.day, tz) },
  { sort: 'calledAt', header: c.calledAt, width: 72, cell: (v, tz) => time(v.calledAt, v.day, tz) },
  { sort: 'endedAt', header: c.endedAt, width: 82, cell: (v, tz) => time(v.endedAt, v.day, tz) },
  { sort: 'waited', header: ar.registers.waited, width: 62, cell: (v) => minutes(v.waitedMinutes) },
  { sort: 'servedFor', header: ar.registers.servedFor, width: 62, cell: (v) => minutes(v.servedMinutes) },
  { sort: 'desk', header: c.desk, width: 112, cell: (v) => <span style={{ whiteSpace: 'nowrap' }}>{v.deskName}</span> },
  { sort: 'employee', header: c.employee, width: 110, cell: (v) => v.employee },
  { sort: 'reason', header: c.reason, width: 92, cell: (v) => (v.reason ? ar.reasons[v.reason] : null) },
  { sort: 'channel', header: c.channel, width: 92, cell: (v) => ar.channels[v.channel] },
  { sort: 'state', header: c.state, width: 70, cell: (v) => (v.state ? ar.visitStates[v.state] : <Badge size="sm" variant="light" color="grape">{ar.contacts.kind}</Badge>) },
  {
    sort: 'outcome',
    header: c.outcome,
    cell: (v) => (
      <>
        {v.outcome && <Text size="xs">{ar.outcomes[v.outcome]}</Text>}
        {v.outcomeNote && (
          <Text size="xs" c="dimmed" lineClamp={2} title={v.outcomeNote} data-testid="register-note">
            {v.outcomeNote}
          </Text>
        )}
      </>
    ),
  },
  {
    sort: 'name',
    header: c.name,
    width: 160,
    cell: (v) => (
      <>
        <Text size="xs">{v.name}</Text>
        {v.idNumber && (
          <Text size="xs" c="dimmed" data-testid="register-id">
            {/* Left to right, or «******1234» shows as «1234******»: stars and digits have no direction of their own. */}
            <bdi dir="ltr">{v.idNumber}</bdi>
          </Text>
        )}
      </>
    ),
  },
  { sort: 'fileNumber', header: c.fileNumber, width: 66, cell: (v) => v.fileNumber && <bdi dir="ltr">{v.fileNumber}</bdi> },
  { sort: 'requestNumber', header: c.requestNumber, width: 86, cell: (v) => v.requestNumbers.map((n) => <bdi key={n} dir="ltr" style={{ display: 'block' }}>{n}</bdi>) },
];

/** The register's rows; a click on a column's title sorts by it, a second click the other way. */
export function RegisterTable({
  rows,
  sort,
  onSort,
  showDay,
  timeZone,
}: {
  rows: RegisterRowView[];
  sort: RegisterSort;
  onSort: (sort: RegisterSort) => void;
  /** A range of days: each row says its day. */
  showDay: boolean;
  timeZone?: string;
}) {
  const toggle = (column: RegisterSortColumn) =>
    onSort({ column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' });
  return (
    <Table.ScrollContainer minWidth={1240} type="native">
      <Table verticalSpacing={4} horizontalSpacing={6} fz="xs" striped highlightOnHover withTableBorder data-testid="register-table">
        <Table.Thead>
          <Table.Tr>
            {showDay && <Table.Th w={92}>{c.day}</Table.Th>}
            {COLUMNS.map((column) => {
              const active = sort.column === column.sort;
              return (
                <Table.Th key={column.sort} w={column.width} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <UnstyledButton
                    onClick={() => toggle(column.sort)}
                    fz="xs"
                    fw={700}
                    title={active && sort.direction === 'asc' ? ar.registers.sortDescending : ar.registers.sortAscending}
                    data-testid={`register-sort-${column.sort}`}
                  >
                    {column.header}
                    {active && <span aria-hidden> {sort.direction === 'asc' ? '▲' : '▼'}</span>}
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr key={`${v.kind}-${v.visitId ?? v.contactId}`} data-testid="register-row" data-kind={v.kind} data-ticket={v.ticket} data-day={v.day}>
              {showDay && (
                <Table.Td>
                  <Text size="xs">{formatHijri(v.day)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatGregorian(v.day)}
                  </Text>
                </Table.Td>
              )}
              {COLUMNS.map((column) => (
                <Table.Td key={column.sort}>{column.cell(v, timeZone)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
