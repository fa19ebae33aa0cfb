import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

/** A study note on the request's timeline; a researcher's answer to a referral closes that referral (S3). */
export function StudyNoteForm({ requestId, answersReferral = false }: { requestId: number; answersReferral?: boolean }) {
  const [note, setNote] = useState('');
  const add = useOpMutation('requests.addNote', { onSuccess: () => setNote('') });
  const label = answersReferral ? ar.researcher.answer : ar.requests.studyNote;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!add.isPending) add.mutate({ requestId, note, answersReferral });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={label}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(add.error, 'note')}
          data-testid={answersReferral ? 'referral-answer' : 'study-note'}
        />
        <ErrorAlert error={add.error} fields={['note']} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" variant="light" loading={add.isPending} disabled={!note.trim()}>
            {answersReferral ? ar.researcher.sendAnswer : ar.requests.addNote}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
