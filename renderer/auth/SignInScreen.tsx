import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import type { CallError } from '../transport/call';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DeskPicker } from './DeskPicker';

const LAST_DESK = 'istiqbal.lastDesk';

export function SignInScreen() {
  const settings = useOp('settings.get', {});
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [desk, setDesk] = useState<string | null>(localStorage.getItem(LAST_DESK) ?? '1');
  const signIn = useOpMutation('auth.signIn', { onSuccess: () => desk && localStorage.setItem(LAST_DESK, desk) });
  const waiting = useWait(signIn.error);

  return (
    <Center h="100%">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!signIn.isPending && !waiting) signIn.mutate({ username, password, deskId: Number(desk) });
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
            <Button type="submit" loading={signIn.isPending} disabled={waiting} data-testid="sign-in-submit">
              {ar.ui.signIn}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/**
 * After repeated wrong passwords the core says how long the next try must wait (and refuses one that
 * comes earlier): the button waits that long too, the message above it says why.
 */
function useWait(error: CallError | null): boolean {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    const seconds = error?.retryAfterSeconds;
    setWaiting(!!seconds);
    if (!seconds) return;
    const timer = setTimeout(() => setWaiting(false), seconds * 1000);
    return () => clearTimeout(timer);
  }, [error]);
  return waiting;
}
