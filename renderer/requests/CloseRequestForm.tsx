import { Button, Group, Paper, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The service was delivered (S7): the request is closed, with an optional last note. */
export function CloseRequestForm({ request }: { request: RequestView }) {
  const [note, setNote] = useState('');
  const close = useOpMutation('requests.close');
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!close.isPending) close.mutate({ requestId: request.id, note: note || undefined });
        }}
      >
        <Group align="flex-end">
          <Textarea label={ar.requests.closeNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} flex={1} />
          <Button type="submit" color="dark" loading={close.isPending} data-testid="close-request">
            {ar.requests.close}
          </Button>
        </Group>
        <ErrorAlert error={close.error} />
      </form>
    </Paper>
  );
}
