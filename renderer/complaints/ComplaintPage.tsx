import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ComplaintDetail } from './ComplaintDetail';

/**
 * One complaint found by its acknowledgement number (typed in the desk's search box, P8), opened over
 * the tab the user was on, to follow it up as in the log. Read afresh from the log, so a
 * save from another desk shows and a stale save is refused as there.
 */
export function ComplaintPage({ number }: { number: string }) {
  const found = useOp('complaints.list', { number, limit: 1 });
  const complaint = found.data?.rows[0];
  return (
    <Stack maw={640} w="100%" mx="auto" gap="sm" data-testid="complaint-page">
      <Title order={3}>{ar.complaints.title}</Title>
      <ErrorAlert error={found.error} />
      {found.isPending && <Loader size="sm" />}
      {complaint && <ComplaintDetail key={`${complaint.id}:${complaint.version}`} complaint={complaint} />}
      {found.isSuccess && !complaint && (
        <Paper withBorder p="lg">
          <Text c="dimmed" ta="center">
            {fill(ar.complaints.noComplaintWithNumber, { number })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
