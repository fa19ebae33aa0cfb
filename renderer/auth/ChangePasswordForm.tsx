import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

/**
 * The current password (after a reset: the temporary one), the new one twice. The core checks the
 * current one and the rules; the screen only catches a mistyped confirmation before sending.
 */
export function ChangePasswordForm({
  currentLabel,
  onDone,
  extraActions,
}: {
  currentLabel: string;
  onDone?: () => void;
  extraActions?: ReactNode;
}) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [confirmShown, setConfirmShown] = useState(false);
  const change = useOpMutation('auth.changePassword', { onSuccess: () => onDone?.() });
  // A refusal stays on screen until the field it names is edited.
  const edited = (set: (v: string) => void) => (e: { currentTarget: { value: string } }) => {
    set(e.currentTarget.value);
    if (change.error) change.reset();
  };
  const mismatch = confirm !== newPassword;
  // Flagged once the confirmation is as long as the password, or on submit; not at every keystroke before.
  const showMismatch = mismatch && (confirmShown || (confirm.length > 0 && confirm.length >= newPassword.length));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setConfirmShown(true);
        if (!mismatch && !change.isPending) change.mutate({ currentPassword, newPassword });
      }}
    >
      <Stack>
        <PasswordInput
          label={currentLabel}
          value={currentPassword}
          onChange={edited(setCurrent)}
          withAsterisk
          dir="ltr"
          data-autofocus
          autoFocus
          autoComplete="current-password"
          error={fieldError(change.error, 'currentPassword')}
          data-testid="current-password"
        />
        <PasswordInput
          label={ar.ui.newPassword}
          description={ar.messages.passwordRules}
          value={newPassword}
          onChange={edited(setNew)}
          withAsterisk
          dir="ltr"
          autoComplete="new-password"
          error={fieldError(change.error, 'newPassword')}
          data-testid="new-password"
        />
        <PasswordInput
          label={ar.ui.confirmPassword}
          value={confirm}
          onChange={edited(setConfirm)}
          withAsterisk
          dir="ltr"
          autoComplete="new-password"
          error={showMismatch ? ar.ui.passwordsDiffer : undefined}
          data-testid="confirm-password"
        />
        <ErrorAlert error={change.error} fields={['currentPassword', 'newPassword']} />
        <Group justify="space-between">
          {extraActions ?? <span />}
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {ar.staff.changePassword}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
