import { Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { REQUEST_STATES, type RequestState } from '@shared/domain/request';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useToday } from '../ui/useToday';
import { RequestsTable } from './RequestsTable';
import { useOpenRequestByNumber } from './useOpenRequestByNumber';

/** Every support request, filtered by state or found by its printed number. */
export function RequestsScreen() {
  const [states, setStates] = useState<RequestState[]>([]);
  const [number, setNumber] = useState('');
  const [debounced] = useDebouncedValue(number.trim(), 250);
  const today = useToday();
  const list = useOp(
    'requests.list',
    // A request number is one exact request, a file number or a name that person's requests (P2):
    // found whatever the state filter says.
    debounced ? { text: debounced, limit: 200 } : { states: states.length ? states : undefined, limit: 200 },
    { staleTime: 0, placeholderData: keepPreviousData },
  );
  const rows = list.data ?? [];
  const openRequest = useOpenRequestByNumber();

  return (
    <Stack maw={1300} mx="auto">
      <Title order={3}>{ar.requests.title}</Title>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            label={ar.requests.searchNumber}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            // A scanner reading the receipt's QR code ends with Enter: the request opens.
            onKeyDown={(e) => e.key === 'Enter' && openRequest(number)}
            // A number reads left to right, a name right to left: the first letter typed decides.
            dir="auto"
            w={300}
            data-testid="requests-number"
          />
          <MultiSelect
            label={ar.requests.state}
            placeholder={states.length ? undefined : ar.requests.allStates}
            data={REQUEST_STATES.map((s) => ({ value: s, label: ar.requestStates[s] }))}
            value={states}
            onChange={(v) => setStates(v as RequestState[])}
            clearable
            flex={1}
            data-testid="requests-states"
          />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      <Paper withBorder>
        {list.isSuccess && rows.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl">
            {ar.requests.none}
          </Text>
        ) : (
          <RequestsTable requests={rows} today={today} />
        )}
      </Paper>
    </Stack>
  );
}
