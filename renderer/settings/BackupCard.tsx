import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupFileView, SettingsView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { backupTime, OUTCOME_COLOR, runLine, sizeMb } from './backup-text';
import { notifySaved } from '../ui/notify';

/**
 * Backups for the administrator (docs/architecture.md#backups): where they go, the last one and its result, a backup now
 * with its progress, the backups in the folder, and restoring one of them (or any file) after a
 * confirmation. The core does the work; this screen follows backups.status.
 */
export function BackupCard({ settings }: { settings: SettingsView }) {
  const [polling, setPolling] = useState(false);
  const status = useOp('backups.status', {}, { refetchInterval: polling ? 400 : 15_000, refetchIntervalInBackground: true });
  const list = useOp('backups.list', {});
  const job = status.data?.job ?? null;
  const [folder, setFolder] = useState(settings.backupFolder ?? '');
  const [otherFile, setOtherFile] = useState('');
  const [asked, setAsked] = useState<{ path: string; name: string } | null>(null);
  const tz = settings.timeZone;

  useEffect(() => setFolder(settings.backupFolder ?? ''), [settings.backupFolder]);
  // Poll fast while a job runs; once it ends, the list and the last result are read afresh.
  useEffect(() => {
    if (job) setPolling(true);
    else if (polling) {
      setPolling(false);
      void list.refetch();
    }
  }, [job, polling, list]);

  const saveFolder = useOpMutation('settings.update', { onSuccess: () => notifySaved(ar.backups.folderSaved) });
  const run = useOpMutation('backups.run', { onSuccess: () => setPolling(true) });
  const restore = useOpMutation('backups.restore', {
    onSuccess: () => {
      setAsked(null);
      setPolling(true);
    },
    onError: () => setAsked(null),
  });

  const last = status.data?.last ?? null;
  const lastRestore = status.data?.lastRestore ?? null;
  const busy = job !== null || run.isPending || restore.isPending;

  return (
    <Paper withBorder p="md" data-testid="backup-card">
      <Stack>
        <Title order={5}>{ar.backups.title}</Title>
        <Text size="sm" c="dimmed">
          {ar.backups.contains} {ar.backups.schedule}
        </Text>

        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!saveFolder.isPending) saveFolder.mutate({ backupFolder: folder.trim() || null });
          }}
        >
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={ar.backups.folder}
              description={ar.backups.folderHint}
              placeholder={status.data?.folderIsDefault ? status.data.folder : undefined}
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
              dir="ltr"
              error={fieldError(saveFolder.error, 'backupFolder')}
              data-testid="backup-folder"
            />
            <Button type="submit" mt={44} variant="light" loading={saveFolder.isPending} data-testid="backup-folder-save">
              {ar.backups.saveFolder}
            </Button>
          </Group>
        </form>

        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} data-testid="backup-last">
            <Text size="sm" fw={600}>
              {ar.backups.lastBackup}
            </Text>
            {last ? (
              <Group gap="xs">
                <Badge color={OUTCOME_COLOR[last.outcome]} variant="light">
                  {ar.backups.outcomes[last.outcome]}
                </Badge>
                <Text size="sm">{runLine(last, tz)}</Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {ar.backups.never}
              </Text>
            )}
            {last?.outcome === 'failed' && last.message && (
              <Text size="sm" c="red" role="alert" data-testid="backup-last-failure">
                {last.message}
              </Text>
            )}
            {status.data?.lastGoodAt && last?.outcome !== 'ok' && (
              <Text size="xs" c="dimmed">
                {ar.backups.lastGood}: {backupTime(status.data.lastGoodAt, tz)}
              </Text>
            )}
          </Stack>
          <Button onClick={() => run.mutate({})} loading={run.isPending} disabled={busy} data-testid="backup-now">
            {ar.backups.backupNow}
          </Button>
        </Group>

        {job && (
          <Stack gap={4} data-testid="backup-progress">
            <Group justify="space-between">
              <Text size="sm">{ar.backups.phases[job.phase]}</Text>
              <Text size="sm" className="ltr">
                {Math.round(job.fraction * 100)}٪
              </Text>
            </Group>
            <Progress value={job.fraction * 100} animated striped />
          </Stack>
        )}
        <ErrorAlert error={run.error} />

        {lastRestore && !job && (
          <Alert color={lastRestore.ok ? 'teal' : 'red'} variant="light" title={lastRestore.ok ? undefined : ar.backups.restoreFailedTitle} data-testid="restore-result">
            {lastRestore.message}
          </Alert>
        )}

        <Title order={6}>{ar.backups.list}</Title>
        <BackupList backups={list.data ?? []} timeZone={tz} disabled={busy} onRestore={(b) => setAsked({ path: b.path, name: b.name })} />

        <Group align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={ar.backups.restoreFromFile}
            placeholder={ar.backups.filePath}
            value={otherFile}
            onChange={(e) => setOtherFile(e.currentTarget.value)}
            dir="ltr"
            error={fieldError(restore.error, 'backupFile')}
            data-testid="restore-file"
          />
          <Button
            mt={24}
            variant="light"
            color="orange"
            disabled={busy || otherFile.trim() === ''}
            onClick={() => setAsked({ path: otherFile.trim(), name: otherFile.trim().split(/[\\/]/).pop() ?? otherFile })}
            data-testid="restore-file-start"
          >
            {ar.backups.restore}
          </Button>
        </Group>
        <ErrorAlert error={restore.error} fields={['backupFile']} />
      </Stack>

      {asked && (
        <ConfirmModal
          title={ar.backups.restoreTitle}
          message={ar.backups.restoreText}
          confirmLabel={ar.backups.restoreConfirm}
          onCancel={() => setAsked(null)}
          onConfirm={() => !restore.isPending && restore.mutate({ backupFile: asked.path, confirmed: true })}
        >
          <Text size="sm" dir="ltr" ta="left" style={{ wordBreak: 'break-all' }} data-testid="restore-file-name">
            {asked.path}
          </Text>
        </ConfirmModal>
      )}
    </Paper>
  );
}

function BackupList({ backups, timeZone, disabled, onRestore }: { backups: BackupFileView[]; timeZone: string; disabled: boolean; onRestore: (b: BackupFileView) => void }) {
  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {ar.backups.noBackups}
      </Text>
    );
  }
  return (
    <Table data-testid="backup-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{ar.backups.createdAt}</Table.Th>
          <Table.Th>{ar.backups.size}</Table.Th>
          <Table.Th>{ar.backups.contents}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name} data-testid="backup-row">
            <Table.Td>{backupTime(b.createdAt, timeZone)}</Table.Td>
            <Table.Td>{sizeMb(b.sizeBytes)}</Table.Td>
            <Table.Td>
              {b.counts ? (
                fill(ar.backups.contentsLine, b.counts)
              ) : (
                <Text size="sm" c="red">
                  {ar.backups.unreadable}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="subtle" color="orange" disabled={disabled || !b.readable || b.newer} onClick={() => onRestore(b)} data-testid="backup-restore">
                {ar.backups.restore}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
