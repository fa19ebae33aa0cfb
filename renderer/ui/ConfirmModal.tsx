import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ar } from '@shared/labels/ar';

/**
 * The core's question (a refusal with code 'confirm'), put to the user. Focus starts on «رجوع»: the key
 * that brought the question (Enter, F4) pressed once more must not answer it.
 */
export function ConfirmModal({
  message,
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  message: string;
  /** What the question is about, under it (a file's name). */
  children?: ReactNode;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened onClose={onCancel} title={title} centered size="md">
      <Stack data-testid="confirm-dialog">
        <Alert color="orange" variant="light" data-testid="confirm-message">
          {message}
        </Alert>
        {children}
        <Group justify="flex-end" wrap="nowrap">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {ar.ui.back}
          </Button>
          <Button color="orange" onClick={onConfirm} data-testid="confirm-anyway">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
