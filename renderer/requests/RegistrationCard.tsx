import { Button, Group, Paper, Text, Title } from '@mantine/core';
import type { RequestView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';

/** S6: the accepted request registers the beneficiary, who gets a file number if they have none. */
export function RegistrationCard({ request, canAct }: { request: RequestView; canAct: boolean }) {
  const register = useOpMutation('requests.register');
  const fileNumber = request.beneficiary.fileNumber;
  return (
    <Paper withBorder p="md" data-testid="registration-card">
      <Group justify="space-between">
        <Title order={5}>{ar.requests.register}</Title>
        {request.state === 'accepted' && canAct && (
          <Button loading={register.isPending} onClick={() => !register.isPending && register.mutate({ requestId: request.id })} data-testid="register-beneficiary">
            {ar.requests.register}
          </Button>
        )}
      </Group>
      {request.state !== 'accepted' && fileNumber && (
        <Text mt="xs" fw={600}>
          {ar.requests.registered}:{' '}
          <Text span fz="xl" fw={800} className="ltr tabular" data-testid="registered-file-number">
            {fileNumber}
          </Text>
        </Text>
      )}
      <ErrorAlert error={register.error} />
    </Paper>
  );
}
