import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { RequestView } from '@shared/contract';
import { formatGregorian, formatHijri } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';

/**
 * S5: to the research committee. The core lists what still stops it (a missing or expired document,
 * an unsigned declaration); the button stays off until that list is empty, and off while a click is
 * on its way, so a double click submits once.
 */
export function SubmitCard({ request, canSubmit }: { request: RequestView; canSubmit: boolean }) {
  const submit = useOpMutation('requests.submit');
  const blocked = request.blockers.length > 0;

  return (
    <Paper withBorder p="md" data-testid="submit-card">
      <Stack gap="sm">
        {blocked ? (
          <Alert color="orange" variant="light" title={ar.requests.blockersTitle} data-testid="blockers">
            <List size="sm">
              {request.blockers.map((b) => (
                <List.Item key={b}>{b}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm" c="teal.8" fw={600}>
            {ar.requests.readyToSubmit}
          </Text>
        )}
        <ErrorAlert error={submit.error} />
        {canSubmit && (
          <Group justify="flex-end">
            <Button
              size="md"
              disabled={blocked}
              loading={submit.isPending}
              onClick={() => !submit.isPending && submit.mutate({ requestId: request.id })}
              data-testid="submit-request"
            >
              {ar.requests.submit}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** After S5: when the committee is expected to answer, in both calendars as the receipt prints it. */
export function ExpectedAnswer({ request }: { request: RequestView }) {
  if (!request.expectedAnswerDate) return null;
  return (
    <Alert color={request.overdue ? 'red' : 'blue'} variant="light" data-testid="expected-answer">
      <Text size="sm">{ar.requests.submitted}</Text>
      <Text fw={700} size="lg">
        {formatHijri(request.expectedAnswerDate)} — {formatGregorian(request.expectedAnswerDate)}
      </Text>
      {request.overdue && (
        <Text size="sm" c="red" fw={600}>
          {ar.requests.overdue}
        </Text>
      )}
    </Alert>
  );
}
