import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ar } from '../../shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DeskPicker } from './DeskPicker';

const LAST_DESK = 'istiqbal.lastDesk';

export function SignInScreen() {
  const settings = useOp('settings.get', {});
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [desk, setDesk] = useState<string | null>(localStorage.getItem(LAST_DESK) ?? '1');
  const signIn = useOpMutation('auth.signIn', { onSuccess: () => desk && localStorage.setItem(LAST_DESK, desk) });

  return (
    <Center h="100%">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!signIn.isPending) signIn.mutate({ username, password, deskId: Number(desk) });
          }}
        >
          <Stack>
            <div>
              <Title order={2}>{ar.appName}</Title>
              <Text c="dimmed">{settings.data?.associationName}</Text>
            </div>
            <TextInput label={ar.ui.username} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus withAsterisk dir="ltr" />
            <PasswordInput label={ar.ui.password} value={password} onChange={(e) => setPassword(e.currentTarget.value)} withAsterisk dir="ltr" />
            <DeskPicker value={desk} onChange={setDesk} />
            <ErrorAlert error={signIn.error} />
            <Button type="submit" loading={signIn.isPending}>
              {ar.ui.signIn}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
