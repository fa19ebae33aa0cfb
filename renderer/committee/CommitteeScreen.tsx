import { Badge, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { COMMITTEE_PAGE } from '@shared/contract/requests';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { RequestsTable } from '../requests/RequestsTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useToday } from '../ui/useToday';

/**
 * S5: the research committee's list — submitted, undecided, oldest first; past their expected answer
 * date in red. A page at a time (the oldest, and so the overdue, come first); the counts are of all.
 */
export function CommitteeScreen() {
  const [chosen, setPage] = useState(1);
  const counts = useOp('requests.committeeCounts', {}, { staleTime: 0 });
  const awaiting = counts.data?.awaiting ?? 0;
  const overdue = counts.data?.overdue ?? 0;
  const pages = Math.ceil(awaiting / COMMITTEE_PAGE);
  // Decisions shorten the list: a page that no longer exists shows the last one.
  const page = counts.data ? Math.max(1, Math.min(chosen, pages)) : chosen;
  const list = useOp('requests.committee', { offset: (page - 1) * COMMITTEE_PAGE, limit: COMMITTEE_PAGE }, { staleTime: 0, placeholderData: keepPreviousData });
  const today = useToday();
  const rows = list.data ?? [];

  return (
    <Stack maw={1300} mx="auto">
      <Group justify="space-between">
        <Title order={3}>{ar.committee.title}</Title>
        <Group gap="xs">
          {awaiting > 0 && (
            <Badge color="gray" variant="light" size="lg" data-testid="committee-awaiting">
              {fill(ar.committee.awaitingCount, { count: awaiting })}
            </Badge>
          )}
          {overdue > 0 && (
            <Badge color="red" size="lg" data-testid="committee-overdue">
              {fill(ar.committee.overdueCount, { count: overdue })}
            </Badge>
          )}
        </Group>
      </Group>
      <ErrorAlert error={list.error ?? counts.error} />
      <Paper withBorder>
        {list.isSuccess && rows.length === 0 && page === 1 ? (
          <Text c="dimmed" ta="center" p="xl">
            {ar.committee.none}
          </Text>
        ) : (
          <RequestsTable requests={rows} today={today} bySubmission />
        )}
      </Paper>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} data-testid="committee-pages" />
        </Group>
      )}
    </Stack>
  );
}
