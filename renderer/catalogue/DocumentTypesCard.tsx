import { Button, Checkbox, Group, Paper, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { DocumentTypeView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

/** One document type, new or edited in place: its name, whether it expires (S2 checks that date), whether it is in use. */
function DocumentTypeForm({ doc, onDone }: { doc?: DocumentTypeView; onDone: () => void }) {
  const [name, setName] = useState(doc?.name ?? '');
  const [hasExpiry, setHasExpiry] = useState(doc?.hasExpiry ?? false);
  const [active, setActive] = useState(doc?.active ?? true);
  const save = useOpMutation('catalogue.saveDocumentType', {
    onSuccess: () => {
      notifySaved(ar.catalogue.saved);
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate({ documentTypeId: doc?.id, name, hasExpiry, active });
      }}
    >
      <Stack gap={4}>
        <Group align="flex-end">
          <TextInput label={ar.catalogue.documentName} value={name} onChange={(e) => setName(e.currentTarget.value)} withAsterisk error={fieldError(save.error, 'name')} flex={1} data-autofocus data-testid="document-type-name" />
          <Checkbox label={ar.catalogue.hasExpiry} checked={hasExpiry} onChange={(e) => setHasExpiry(e.currentTarget.checked)} mb={8} />
          <Switch label={ar.catalogue.active} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} mb={8} />
          <Button variant="default" size="xs" onClick={onDone} mb={4}>
            {ar.catalogue.cancel}
          </Button>
          <Button type="submit" size="xs" loading={save.isPending} mb={4} data-testid="save-document-type">
            {ar.catalogue.save}
          </Button>
        </Group>
        <ErrorAlert error={save.error} fields={['name']} />
      </Stack>
    </form>
  );
}

/** The documents a service may require. */
export function DocumentTypesCard() {
  const types = useOp('catalogue.documentTypes', { includeInactive: true });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{ar.catalogue.documentTypes}</Title>
          <Button size="xs" variant="light" onClick={() => setEditing('new')} disabled={editing === 'new'} data-testid="add-document-type">
            {ar.catalogue.addDocumentType}
          </Button>
        </Group>
        {editing === 'new' && (
          <Paper bg="gray.0" p="sm">
            <DocumentTypeForm onDone={() => setEditing(null)} />
          </Paper>
        )}
        <Table verticalSpacing="xs" data-testid="document-types-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ar.catalogue.documentName}</Table.Th>
              <Table.Th w={130}>{ar.catalogue.hasExpiry}</Table.Th>
              <Table.Th w={80}>{ar.catalogue.active}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(types.data ?? []).map((d) =>
              editing === d.id ? (
                <Table.Tr key={d.id}>
                  <Table.Td colSpan={4}>
                    <DocumentTypeForm doc={d} onDone={() => setEditing(null)} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={d.id} c={d.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{d.name}</Table.Td>
                  <Table.Td>{d.hasExpiry ? ar.catalogue.hasExpiry : '—'}</Table.Td>
                  <Table.Td>{d.active ? ar.catalogue.active : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(d.id)}>
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
