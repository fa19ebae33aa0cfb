import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '@shared/contract';
import { ROLES, type Role } from '@shared/domain/roles';
import { ar, fill } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

/** The administrator corrects a name or changes a role; the core keeps one active administrator. */
export function EditUserModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<Role>(user.role);
  const update = useOpMutation('users.update', {
    onSuccess: () => {
      notifySaved(ar.staff.saved);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={fill(ar.staff.editTitle, { name: user.fullName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!update.isPending) update.mutate({ userId: user.id, fullName, role });
        }}
      >
        <Stack>
          <TextInput
            label={ar.ui.fullName}
            value={fullName}
            onChange={(e) => {
              setFullName(e.currentTarget.value);
              if (update.error) update.reset();
            }}
            withAsterisk
            data-autofocus
            error={fieldError(update.error, 'fullName')}
            data-testid="edit-fullName"
          />
          <Select
            label={ar.ui.role}
            data={ROLES.map((r) => ({ value: r, label: ar.roles[r] }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="edit-role"
          />
          <ErrorAlert error={update.error} fields={['fullName']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.staff.cancel}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="save-user">
              {ar.ui.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
