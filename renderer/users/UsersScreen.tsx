import { Badge, Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '@shared/contract';
import { formatTime } from '@shared/dates/calendar';
import { ROLES, type Role } from '@shared/domain/roles';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifyError, notifySaved } from '../ui/notify';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

/**
 * The administrator adds users, corrects names and roles, resets a forgotten password and stops
 * accounts; roles decide what the core lets each one do.
 */
export function UsersScreen() {
  const users = useOp('users.list', {});
  const me = useOp('auth.session', {}).data?.user;
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  // The core refuses to stop or demote the last active administrator; the screen says who that is.
  const activeAdmins = (users.data ?? []).filter((u) => u.role === 'admin' && u.active);
  const lastAdminId = activeAdmins.length === 1 ? activeAdmins[0]!.id : null;
  const [fullName, setFullName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('receptionist');
  const [password, setPassword] = useState('');
  const create = useOpMutation('users.create', {
    onSuccess: (u) => {
      notifySaved(`${ar.ui.userAdded}: ${u.fullName}`);
      setFullName('');
      setUsername('');
      setPassword('');
    },
  });
  const setActive = useOpMutation('users.setActive', { onError: notifyError });
  // Repeated wrong passwords lock an account's sign-in for a while; the administrator can lift it at once.
  const unlockSignIn = useOpMutation('users.unlockSignIn', {
    onError: notifyError,
    onSuccess: (u) => notifySaved(fill(ar.staff.signInLockLifted, { name: u.fullName })),
  });

  return (
    <Stack maw={1000} mx="auto">
      <Title order={3}>{ar.ui.usersTitle}</Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!create.isPending) create.mutate({ fullName, username, role, password });
          }}
        >
          <Stack>
            <SimpleGrid cols={4} spacing="sm">
              <TextInput label={ar.ui.fullName} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} withAsterisk error={fieldError(create.error, 'fullName')} />
              <TextInput label={ar.ui.username} value={username} onChange={(e) => setUsername(e.currentTarget.value)} withAsterisk dir="ltr" error={fieldError(create.error, 'username')} />
              <Select label={ar.ui.role} data={ROLES.map((r) => ({ value: r, label: ar.roles[r] }))} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false} />
              <PasswordInput
                label={ar.ui.password}
                description={ar.messages.passwordRules}
                // The rules under the field: the four inputs of the row stay level.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                withAsterisk
                dir="ltr"
                error={fieldError(create.error, 'password')}
              />
            </SimpleGrid>
            <ErrorAlert error={create.error} fields={['fullName', 'username', 'password']} />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {ar.ui.addUser}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ar.ui.fullName}</Table.Th>
              <Table.Th>{ar.ui.username}</Table.Th>
              <Table.Th>{ar.ui.role}</Table.Th>
              <Table.Th>{ar.ui.active}</Table.Th>
              <Table.Th>{ar.staff.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
                <Table.Td>{u.fullName}</Table.Td>
                <Table.Td className="ltr">{u.username}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light">{ar.roles[u.role]}</Badge>
                    {u.id === lastAdminId && (
                      <Badge variant="outline" color="gray">
                        {ar.staff.lastAdmin}
                      </Badge>
                    )}
                    {u.mustChangePassword && (
                      <Badge variant="light" color="orange" data-testid="must-change-badge">
                        {ar.staff.mustChangeBadge}
                      </Badge>
                    )}
                    {u.signInLockedUntil && (
                      <Badge variant="light" color="red" data-testid="sign-in-locked-badge">
                        {fill(ar.staff.signInLockedBadge, { time: formatTime(u.signInLockedUntil) })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={u.active}
                    disabled={u.id === me?.id || u.id === lastAdminId}
                    onChange={(e) => {
                      if (!setActive.isPending) setActive.mutate({ userId: u.id, active: e.currentTarget.checked });
                    }}
                    aria-label={ar.ui.active}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(u)} data-testid="edit-user">
                      {ar.staff.edit}
                    </Button>
                    {u.id !== me?.id && (
                      <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setResetting(u)} data-testid="reset-password">
                        {ar.staff.resetPassword}
                      </Button>
                    )}
                    {u.signInLockedUntil && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        loading={unlockSignIn.isPending && unlockSignIn.variables?.userId === u.id}
                        onClick={() => {
                          if (!unlockSignIn.isPending) unlockSignIn.mutate({ userId: u.id });
                        }}
                        data-testid="lift-sign-in-lock"
                      >
                        {ar.staff.liftSignInLock}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
