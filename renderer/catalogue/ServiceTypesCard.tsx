import { Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ServiceTypeForm } from './ServiceTypeForm';

/** The services the association offers, each with its required documents. */
export function ServiceTypesCard() {
  const services = useOp('catalogue.services', { includeInactive: true });
  const documentTypes = useOp('catalogue.documentTypes', { includeInactive: true });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const docs = documentTypes.data ?? [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{ar.catalogue.services}</Title>
          <Button size="xs" variant="light" onClick={() => setEditing('new')} disabled={editing === 'new'} data-testid="add-service">
            {ar.catalogue.addService}
          </Button>
        </Group>
        {editing === 'new' && (
          <Paper bg="gray.0" p="sm">
            <ServiceTypeForm documentTypes={docs} onDone={() => setEditing(null)} />
          </Paper>
        )}
        <Table verticalSpacing="xs" data-testid="services-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{ar.catalogue.serviceName}</Table.Th>
              <Table.Th>{ar.catalogue.requiredDocuments}</Table.Th>
              <Table.Th w={80}>{ar.catalogue.active}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(services.data ?? []).map((s) =>
              editing === s.id ? (
                <Table.Tr key={s.id}>
                  <Table.Td colSpan={4}>
                    <ServiceTypeForm service={s} documentTypes={docs} onDone={() => setEditing(null)} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={s.id} c={s.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{s.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.requiredDocuments.map((d) => (
                        <Badge key={d.id} variant="outline" color="gray" size="sm">
                          {d.name}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.active ? ar.catalogue.active : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(s.id)}>
                      {ar.catalogue.edit}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
