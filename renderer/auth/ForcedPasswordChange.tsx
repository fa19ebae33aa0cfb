import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { UserView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After an administrator's reset, the only screen: the core refuses everything else to this session
 * until the password is changed (dispatcher), so the desk is not drawn at all.
 */
export function ForcedPasswordChange({ user }: { user: UserView }) {
  const signOut = useOpMutation('auth.signOut');
  return (
    <Center h="100%">
      <Paper withBorder shadow="sm" p="xl" w={460} data-testid="forced-password-change">
        <Stack>
          <div>
            <Title order={2}>{ar.staff.forcedTitle}</Title>
            <Text fw={600} mt={4}>
              {user.fullName}
            </Text>
          </div>
          <Text c="dimmed" size="sm">
            {ar.staff.forcedHint}
          </Text>
          <ChangePasswordForm
            currentLabel={ar.staff.temporaryPassword}
            extraActions={
              <Button variant="subtle" color="gray" onClick={() => signOut.mutate({})}>
                {ar.ui.signOut}
              </Button>
            }
          />
        </Stack>
      </Paper>
    </Center>
  );
}
