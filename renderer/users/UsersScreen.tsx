import { Badge, Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ROLES, type Role } from '../../shared/domain/roles';
import { ar } from '../../shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifyError } from '../ui/notify';

/** The administrator adds users and stops accounts; roles decide what the core lets each one do. */
export function UsersScreen() {
  const users = useOp('users.list', {});
  const [fullName, setFullName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('receptionist');
  const [password, setPassword] = useState('');
  const create = useOpMutation('users.create', {
    onSuccess: (u) => {
      notifications.show({ message: `${ar.ui.userAdded}: ${u.fullName}`, color: 'teal' });
      setFullName('');
      setUsername('');
      setPassword('');
    },
  });
  const setActive = useOpMutation('users.setActive', { onError: notifyError });

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
              <PasswordInput label={ar.ui.password} value={password} onChange={(e) => setPassword(e.currentTarget.value)} withAsterisk dir="ltr" error={fieldError(create.error, 'password')} />
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
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.fullName}</Table.Td>
                <Table.Td className="ltr">{u.username}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{ar.roles[u.role]}</Badge>
                </Table.Td>
                <Table.Td>
                  <Switch checked={u.active} onChange={(e) => setActive.mutate({ userId: u.id, active: e.currentTarget.checked })} aria-label={ar.ui.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
