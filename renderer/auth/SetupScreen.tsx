import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { DeskPicker } from './DeskPicker';

/** First run: the administrator chooses their password (training stores come ready from `--demo`). */
export function SetupScreen() {
  const [fullName, setFullName] = useState('');
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [desk, setDesk] = useState<string | null>('1');
  const mismatch = confirm.length > 0 && confirm !== password;
  const setup = useOpMutation('auth.setup');

  return (
    <Center h="100%">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!mismatch && !setup.isPending) setup.mutate({ fullName, username, password, deskId: Number(desk) });
          }}
        >
          <Stack>
            <div>
              <Title order={2}>{ar.ui.setupTitle}</Title>
              <Text c="dimmed" size="sm">
                {ar.ui.setupHint}
              </Text>
            </div>
            <TextInput label={ar.ui.fullName} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} withAsterisk autoFocus />
            <TextInput
              label={ar.ui.username}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              withAsterisk
              dir="ltr"
              error={fieldError(setup.error, 'username')}
            />
            <PasswordInput
              label={ar.ui.newPassword}
              description={ar.messages.passwordRules}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              withAsterisk
              dir="ltr"
              error={fieldError(setup.error, 'password')}
            />
            <PasswordInput
              label={ar.ui.confirmPassword}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              withAsterisk
              dir="ltr"
              error={mismatch ? ar.ui.passwordsDiffer : undefined}
            />
            <DeskPicker value={desk} onChange={setDesk} />
            <ErrorAlert error={setup.error} fields={['username', 'password']} />
            <Button type="submit" loading={setup.isPending}>
              {ar.ui.createAdmin}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
