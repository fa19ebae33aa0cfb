import { Alert, Button, Group, Text } from '@mantine/core';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { backupTime } from './backup-text';

/**
 * On the administrator's screen, whatever the tab: the last good backup is older than two days. Only
 * on the SQLite store: a PostgreSQL store is the server's to back up (pg_dump), which this desk cannot
 * see, so it never nags there and never asks.
 */
export function BackupWarning({ timeZone, onOpenSettings }: { timeZone?: string; onOpenSettings: () => void }) {
  const connection = useOp('store.connection', {});
  const status = useOp('backups.status', {}, { refetchInterval: 5 * 60_000, enabled: connection.data?.current.kind === 'sqlite' });
  if (connection.data?.current.kind !== 'sqlite' || !status.data?.stale) return null;
  const at = status.data.lastGoodAt;
  return (
    <Alert color="orange" variant="light" mb="md" data-testid="backup-warning">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{at ? fill(ar.backups.staleWarning, { at: backupTime(at, timeZone) }) : ar.backups.staleNever}</Text>
        <Button size="xs" variant="light" color="orange" onClick={onOpenSettings}>
          {ar.backups.openSettings}
        </Button>
      </Group>
    </Alert>
  );
}
