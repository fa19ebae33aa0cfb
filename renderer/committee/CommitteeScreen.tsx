import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ar, fill } from '../../shared/labels/ar';
import { useOp } from '../data/operations';
import { RequestsTable } from '../requests/RequestsTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useToday } from '../ui/useToday';

/** S5: the research committee's list — submitted, undecided, oldest first; past their expected answer date in red. */
export function CommitteeScreen() {
  const list = useOp('requests.committee', {}, { staleTime: 0 });
  const today = useToday();
  const rows = list.data ?? [];
  const overdue = rows.filter((r) => r.overdue).length;

  return (
    <Stack maw={1300} mx="auto">
      <Group justify="space-between">
        <Title order={3}>{ar.committee.title}</Title>
        {overdue > 0 && (
          <Badge color="red" size="lg" data-testid="committee-overdue">
            {fill(ar.committee.overdueCount, { count: overdue })}
          </Badge>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      <Paper withBorder>
        {list.isSuccess && rows.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl">
            {ar.committee.none}
          </Text>
        ) : (
          <RequestsTable requests={rows} today={today} bySubmission />
        )}
      </Paper>
    </Stack>
  );
}
