import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ContactSummary } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { submitKeys } from '../ui/submit-keys';
import { notifySaved } from '../ui/notify';

/** Closes a follow-up with what was done (Ctrl+Enter); a second desk that closed it first is named. */
export function CompleteFollowUpModal({ contact, onClose }: { contact: ContactSummary; onClose: () => void }) {
  const [note, setNote] = useState('');
  const complete = useOpMutation('contacts.completeFollowUp', {
    onSuccess: () => {
      notifySaved(ar.contacts.completed);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={ar.contacts.complete} size="lg">
      <form
        onKeyDownCapture={submitKeys}
        onSubmit={(e) => {
          e.preventDefault();
          if (!complete.isPending) complete.mutate({ contactId: contact.id, version: contact.version, note });
        }}
      >
        <Stack gap="sm">
          <Text fw={700}>
            {contact.name} · {ar.channels[contact.channel]}
          </Text>
          <Text size="sm">{contact.subject}</Text>
          <Textarea
            label={ar.contacts.followUpNote}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            withAsterisk
            data-autofocus
            data-testid="follow-up-note"
            error={fieldError(complete.error, 'note')}
          />
          <ErrorAlert error={complete.error} fields={['note']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" loading={complete.isPending} data-testid="follow-up-complete">
              {ar.contacts.complete}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
