import { AppShell, Button, Group, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { DeskView, UserView } from '../../shared/contract';
import { ar } from '../../shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { QueueScreen } from '../queue/QueueScreen';
import { ReferralsScreen } from '../referrals/ReferralsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { UsersScreen } from '../users/UsersScreen';
import { TodayClock } from '../ui/TodayClock';
import { useActivityReporter } from './useActivityReporter';
import { useLiveRevision } from './useLiveRevision';

type Screen = 'queue' | 'referrals' | 'users' | 'settings';

export function DeskShell({ user, desk }: { user: UserView; desk: DeskView }) {
  const [screen, setScreen] = useState<Screen>(user.role === 'researcher' ? 'referrals' : 'queue');
  const settings = useOp('settings.get', {});
  const lock = useOpMutation('auth.lock');
  const signOut = useOpMutation('auth.signOut');
  useLiveRevision();
  useActivityReporter();
  useHotkeys([['ctrl+L', () => lock.mutate({})]]);

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <div>
              <Title order={3} lh={1.1}>
                {ar.appName}
              </Title>
              <Text size="xs" c="dimmed">
                {settings.data?.associationName}
              </Text>
            </div>
            <Tabs value={screen} onChange={(v) => v && setScreen(v as Screen)} variant="pills">
              <Tabs.List>
                <Tabs.Tab value="queue">{ar.ui.queueTab}</Tabs.Tab>
                <Tabs.Tab value="referrals">{ar.ui.referralsTab}</Tabs.Tab>
                {user.role === 'admin' && <Tabs.Tab value="users">{ar.ui.usersTab}</Tabs.Tab>}
                {user.role === 'admin' && <Tabs.Tab value="settings">{ar.ui.settingsTab}</Tabs.Tab>}
              </Tabs.List>
            </Tabs>
          </Group>
          <TodayClock timeZone={settings.data?.timeZone} />
          <Group gap="sm" wrap="nowrap">
            <div style={{ textAlign: 'start' }}>
              <Text size="sm" fw={600} data-testid="signed-in-user">
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {ar.roles[user.role]} · {desk.name}
              </Text>
            </div>
            <Button variant="default" size="xs" onClick={() => lock.mutate({})} title="Ctrl+L">
              {ar.ui.lock}
            </Button>
            <Button variant="subtle" color="gray" size="xs" onClick={() => signOut.mutate({})}>
              {ar.ui.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {screen === 'queue' && <QueueScreen user={user} />}
        {screen === 'referrals' && <ReferralsScreen user={user} />}
        {screen === 'users' && user.role === 'admin' && <UsersScreen />}
        {screen === 'settings' && user.role === 'admin' && <SettingsScreen />}
      </AppShell.Main>
    </AppShell>
  );
}
