import { Button, Overlay, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Drawn over the desk, which stays mounted underneath: unlocking returns to exactly what was on screen. */
export function LockOverlay({ user }: { user: UserView }) {
  const [password, setPassword] = useState('');
  const unlock = useOpMutation('auth.unlock', { onSuccess: () => setPassword('') });
  const signOut = useOpMutation('auth.signOut');
  return (
    <Overlay fixed blur={8} color="#0b1f1c" backgroundOpacity={0.55} zIndex={400} center>
      <Paper withBorder shadow="lg" p="xl" w={400} data-testid="lock-overlay">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!unlock.isPending) unlock.mutate({ password });
          }}
        >
          <Stack>
            <Title order={3}>{ar.ui.locked}</Title>
            <Text size="sm">{user.fullName}</Text>
            <PasswordInput label={ar.ui.password} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus dir="ltr" />
            <ErrorAlert error={unlock.error} />
            <Button type="submit" loading={unlock.isPending}>
              {ar.ui.unlock}
            </Button>
            <Button variant="subtle" color="gray" onClick={() => signOut.mutate({})}>
              {ar.ui.signOut}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Overlay>
  );
}
