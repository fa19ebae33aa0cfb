import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { MAX_COMPLAINT_DUE_WORKING_DAYS } from '@shared/domain/complaints';
import { useEffect, useState } from 'react';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { BackupCard } from './BackupCard';
import { HallDisplayCard } from './HallDisplayCard';
import { LetterheadCard } from './LetterheadCard';
import { ReferenceShelfCard } from './ReferenceShelfCard';
import { ServerBackupCard } from './ServerBackupCard';
import { StoreConnectionCard } from './StoreConnectionCard';
import { StoreMoveCard } from './StoreMoveCard';
import { ThisComputerCard } from './ThisComputerCard';
import { WaitTargetsCard } from './WaitTargetsCard';
import { notifySaved } from '../ui/notify';

/**
 * The administrator's settings: the association's name, the inactivity lock, the desks with their
 * ticket prefixes, the wait targets, the shared database this PC opens, the backups (the server's, on
 * PostgreSQL), this computer's own (start with Windows), and what printed documents carry (the
 * letterhead, the reference shelf).
 */
export function SettingsScreen() {
  const settings = useOp('settings.get', {});
  const desks = useOp('settings.desks', {});
  const connection = useOp('store.connection', {});
  const [name, setName] = useState('');
  const [lockMinutes, setLockMinutes] = useState<number>(10);
  const [expiryHours, setExpiryHours] = useState<number>(12);
  const [committeeDays, setCommitteeDays] = useState<number>(14);
  const [complaintDays, setComplaintDays] = useState<number>(5);
  const [deskName, setDeskName] = useState('');
  const [prefix, setPrefix] = useState('');
  useEffect(() => {
    if (settings.data) {
      setName(settings.data.associationName);
      setLockMinutes(settings.data.lockAfterMinutes);
      setExpiryHours(settings.data.sessionExpiryHours);
      setCommitteeDays(settings.data.committeePeriodDays);
      setComplaintDays(settings.data.complaintDueWorkingDays);
    }
  }, [settings.data]);
  const update = useOpMutation('settings.update', { onSuccess: () => notifySaved() });
  const createDesk = useOpMutation('settings.createDesk', {
    onSuccess: () => {
      setDeskName('');
      setPrefix('');
    },
  });

  return (
    <Stack maw={900} mx="auto">
      <Title order={3}>{ar.ui.settingsTitle}</Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!update.isPending) update.mutate({ associationName: name, lockAfterMinutes: lockMinutes, sessionExpiryHours: expiryHours, committeePeriodDays: committeeDays, complaintDueWorkingDays: complaintDays });
          }}
        >
          <Stack>
            <SimpleGrid cols={2}>
              <TextInput label={ar.ui.associationName} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(update.error, 'associationName')} />
              <NumberInput label={ar.ui.lockAfterMinutes} value={lockMinutes} onChange={(v) => setLockMinutes(Number(v) || 0)} min={1} max={240} error={fieldError(update.error, 'lockAfterMinutes')} />
              <NumberInput
                label={ar.ui.sessionExpiryHours}
                value={expiryHours}
                onChange={(v) => setExpiryHours(Number(v) || 0)}
                min={1}
                max={168}
                error={fieldError(update.error, 'sessionExpiryHours')}
              />
              {/* S5: the expected answer date is the submission date plus this period. */}
              <NumberInput label={ar.catalogue.committeePeriod} value={committeeDays} onChange={(v) => setCommitteeDays(Number(v) || 0)} min={1} max={180} error={fieldError(update.error, 'committeePeriodDays')} />
              {/* P8: a complaint is due this many working days (Sunday–Thursday) after it was received. */}
              <NumberInput
                label={ar.complaints.dueSetting}
                description={ar.complaints.dueSettingHint}
                value={complaintDays}
                onChange={(v) => setComplaintDays(Number(v) || 0)}
                min={1}
                max={MAX_COMPLAINT_DUE_WORKING_DAYS}
                error={fieldError(update.error, 'complaintDueWorkingDays')}
                data-testid="setting-complaint-days"
              />
            </SimpleGrid>
            <ErrorAlert error={update.error} fields={['associationName', 'lockAfterMinutes', 'sessionExpiryHours', 'committeePeriodDays', 'complaintDueWorkingDays']} />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {ar.ui.save}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={5}>{ar.ui.desks}</Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ar.ui.deskName}</Table.Th>
                <Table.Th>{ar.ui.ticketPrefix}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(desks.data ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td className="ltr">{d.ticketPrefix}-001</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!createDesk.isPending) createDesk.mutate({ name: deskName, ticketPrefix: prefix });
            }}
          >
            {/* Tops aligned: a message under one field (two lines under the prefix) must not lift the other. */}
            <Group align="flex-start">
              <TextInput label={ar.ui.deskName} value={deskName} onChange={(e) => setDeskName(e.currentTarget.value)} error={fieldError(createDesk.error, 'name')} flex={1} />
              <TextInput label={ar.ui.ticketPrefix} value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)} error={fieldError(createDesk.error, 'ticketPrefix')} dir="ltr" w={220} />
              <Button type="submit" loading={createDesk.isPending} mt={22}>
                {ar.ui.addDesk}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={createDesk.error} fields={['name', 'ticketPrefix']} />
        </Stack>
      </Paper>
      {settings.data && <WaitTargetsCard settings={settings.data} />}
      {settings.data && desks.data && <HallDisplayCard settings={settings.data} desks={desks.data} />}
      {connection.data && <StoreConnectionCard connection={connection.data} />}
      {settings.data &&
        connection.data &&
        (connection.data.current.kind === 'postgres' && connection.data.current.server ? (
          <ServerBackupCard server={connection.data.current.server} />
        ) : (
          <BackupCard settings={settings.data} />
        ))}
      <StoreMoveCard />
      <ThisComputerCard />
      {settings.data && <LetterheadCard settings={settings.data} />}
      <ReferenceShelfCard />
    </Stack>
  );
}
