import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

/** A temporary password for a user who forgot theirs; they choose their own at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const [temporaryPassword, setPassword] = useState('');
  const reset = useOpMutation('users.resetPassword', {
    onSuccess: () => {
      notifySaved(fill(ar.staff.resetDone, { name: user.fullName }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={fill(ar.staff.resetTitle, { name: user.fullName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!reset.isPending) reset.mutate({ userId: user.id, temporaryPassword });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {ar.staff.resetHint}
          </Text>
          <PasswordInput
            label={ar.staff.temporaryPassword}
            description={ar.messages.passwordRules}
            value={temporaryPassword}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              if (reset.error) reset.reset();
            }}
            withAsterisk
            dir="ltr"
            data-autofocus
            autoComplete="off"
            error={fieldError(reset.error, 'temporaryPassword')}
            data-testid="temporary-password"
          />
          <ErrorAlert error={reset.error} fields={['temporaryPassword']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.staff.cancel}
            </Button>
            <Button type="submit" color="orange" loading={reset.isPending} data-testid="confirm-reset">
              {ar.staff.resetPassword}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
