import { Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { aboutLines } from '@shared/labels/about-lines';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';

/** «حول البرنامج»: the version, this computer's data folder and the store in use (computer.about), from the user menu. */
export function AboutDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const about = useOp('computer.about', {}, { enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title={ar.computer.about} size="lg" data-testid="about-dialog">
      <Stack>
        <div>
          <Title order={3}>{ar.computer.appName}</Title>
          <Text c="dimmed">{ar.computer.tagline}</Text>
        </div>
        {about.isPending && <Loader size="sm" />}
        <ErrorAlert error={about.error} />
        {about.data && (
          <Table withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              {aboutLines(about.data).map((line) => (
                <Table.Tr key={line.label}>
                  <Table.Th w={220} style={{ verticalAlign: 'top' }}>
                    {line.label}
                  </Table.Th>
                  {/* Paths and addresses read left to right, and break anywhere rather than overflow. */}
                  <Table.Td dir={line.ltr ? 'ltr' : undefined} style={{ textAlign: 'start', wordBreak: 'break-all' }} data-testid="about-value">
                    {line.value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {ar.computer.close}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
