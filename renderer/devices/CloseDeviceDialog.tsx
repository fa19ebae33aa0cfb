import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Leaving a device screen: a staff member's username and password, checked by the core (devices.close). */
export function CloseDeviceDialog({ opened, onCancel, onClosed }: { opened: boolean; onCancel: () => void; onClosed: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const close = useOpMutation('devices.close', { onSuccess: onClosed });
  const cancel = () => {
    setPassword('');
    close.reset();
    onCancel();
  };
  return (
    <Modal opened={opened} onClose={cancel} title={ar.devices.close} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!close.isPending) close.mutate({ username, password });
        }}
      >
        <Stack data-testid="close-device">
          <Text size="sm" c="dimmed">
            {ar.devices.closeHint}
          </Text>
          <TextInput label={ar.ui.username} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus dir="ltr" autoComplete="off" />
          <PasswordInput label={ar.ui.password} value={password} onChange={(e) => setPassword(e.currentTarget.value)} dir="ltr" autoComplete="off" />
          <ErrorAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {ar.devices.cancel}
            </Button>
            <Button type="submit" color="red" loading={close.isPending}>
              {ar.devices.closeConfirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
