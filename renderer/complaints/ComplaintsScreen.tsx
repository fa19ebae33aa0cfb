import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { InputOf } from '@shared/contract';
import { COMPLAINT_PAGE } from '@shared/contract/complaints';
import { formatHijri } from '@shared/dates/calendar';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATES, type ComplaintCategory, type ComplaintState } from '@shared/domain/complaints';
import { ar, fill } from '@shared/labels/ar';
import { formatCount } from '@shared/labels/count';
import { useOp } from '../data/operations';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintNumber } from './ComplaintNumber';
import { NewComplaintButton } from './NewComplaintModal';
import { STATE_COLORS } from './state-colors';

const C = ar.complaints;

/**
 * The complaints and suggestions log (P8) for those who follow them up: filters, the list a
 * page at a time (newest first), and the chosen one beside it to set its owner, answer it and close it.
 */
export function ComplaintsScreen() {
  const [status, setStatus] = useState<ComplaintState | null>(null);
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  const filters: InputOf<'complaints.list'> = {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(overdue ? { overdue } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(number.trim() ? { number: number.trim() } : {}),
    offset,
  };
  const list = useOp('complaints.list', filters, { placeholderData: (previous) => previous });
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const current = rows.find((r) => r.id === chosen) ?? null;

  return (
    <Stack gap="md" data-testid="complaints-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{C.title}</Title>
          <Text size="sm" c="dimmed">
            {C.hint}
          </Text>
        </div>
        <NewComplaintButton />
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <TextInput label={C.numberSearch} value={number} onChange={(e) => refilter(setNumber)(e.currentTarget.value)} w={140} data-testid="complaints-number" />
          <Select
            label={C.status}
            placeholder={C.anyStatus}
            data={COMPLAINT_STATES.map((s) => ({ value: s, label: C.states[s] }))}
            value={status}
            onChange={(v) => refilter(setStatus)(v as ComplaintState | null)}
            clearable
            w={130}
            data-testid="complaints-status"
          />
          <Select
            label={C.category}
            placeholder={C.anyCategory}
            data={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: C.categories[c] }))}
            value={category}
            onChange={(v) => refilter(setCategory)(v as ComplaintCategory | null)}
            clearable
            w={150}
          />
          <div style={{ width: 240 }}>
            <DateInput label={C.from} value={from} onChange={(v) => refilter(setFrom)(v)} defaultCalendar="gregorian" />
          </div>
          <div style={{ width: 240 }}>
            <DateInput label={C.to} value={to} onChange={(v) => refilter(setTo)(v)} defaultCalendar="gregorian" />
          </div>
          <Checkbox label={C.onlyOverdue} checked={overdue} onChange={(e) => refilter(setOverdue)(e.currentTarget.checked)} mb={8} data-testid="complaints-overdue" />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper withBorder flex={1} miw={0}>
          <Table highlightOnHover verticalSpacing={6} data-testid="complaints-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{C.number}</Table.Th>
                <Table.Th>{C.receivedAt}</Table.Th>
                <Table.Th>{C.category}</Table.Th>
                <Table.Th>{C.channel}</Table.Th>
                <Table.Th>{C.status}</Table.Th>
                <Table.Th>{C.owner}</Table.Th>
                <Table.Th>{C.dueDate}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr
                  key={r.id}
                  onClick={() => setChosen(r.id)}
                  bg={r.id === chosen ? 'blue.0' : undefined}
                  style={{ cursor: 'pointer' }}
                  data-testid="complaint-row"
                  data-number={r.number}
                >
                  <Table.Td>
                    <ComplaintNumber number={r.number} size="sm" fw={700} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatHijri(r.receivedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.category ? C.categories[r.category] : C.noCategory}</Table.Td>
                  <Table.Td>{ar.channels[r.channel]}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[r.state]} variant="light">
                      {C.states[r.state]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.ownerName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
                      {formatHijri(r.dueDate)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data && rows.length === 0 && (
            <Text c="dimmed" ta="center" p="lg">
              {C.none}
            </Text>
          )}
          <Group justify="space-between" p="xs">
            <Text size="sm" c="dimmed" data-testid="complaints-total">
              {fill(C.count, { count: formatCount(total) })}
            </Text>
            {total > COMPLAINT_PAGE && (
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - COMPLAINT_PAGE))}>
                  {C.previous}
                </Button>
                <Button size="xs" variant="default" disabled={offset + COMPLAINT_PAGE >= total} onClick={() => setOffset(offset + COMPLAINT_PAGE)}>
                  {C.next}
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
        <Stack w={470} miw={470}>
          {current ? (
            <ComplaintDetail key={`${current.id}:${current.version}`} complaint={current} />
          ) : (
            <Paper withBorder p="lg">
              <Text c="dimmed" ta="center">
                {C.choose}
              </Text>
            </Paper>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
