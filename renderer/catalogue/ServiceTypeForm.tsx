import { Button, Group, MultiSelect, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocumentTypeView, ServiceTypeView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

/** A service type and the documents it requires (S2); a new one when `service` is absent. */
export function ServiceTypeForm({ service, documentTypes, onDone }: { service?: ServiceTypeView; documentTypes: DocumentTypeView[]; onDone: () => void }) {
  const [name, setName] = useState(service?.name ?? '');
  const [active, setActive] = useState(service?.active ?? true);
  const [docs, setDocs] = useState<string[]>(service?.requiredDocuments.map((d) => String(d.id)) ?? []);
  const save = useOpMutation('catalogue.saveService', {
    onSuccess: () => {
      notifySaved(ar.catalogue.saved);
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate({ serviceTypeId: service?.id, name, active, requiredDocumentTypeIds: docs.map(Number) });
      }}
    >
      <Stack gap="xs">
        <Group align="flex-start" grow>
          <TextInput label={ar.catalogue.serviceName} value={name} onChange={(e) => setName(e.currentTarget.value)} withAsterisk error={fieldError(save.error, 'name')} data-autofocus data-testid="service-name" />
          <MultiSelect
            label={ar.catalogue.requiredDocuments}
            data={documentTypes.map((d) => ({ value: String(d.id), label: d.name, disabled: !d.active && !docs.includes(String(d.id)) }))}
            value={docs}
            onChange={setDocs}
            searchable
            clearable
            data-testid="service-documents"
          />
        </Group>
        <Group justify="space-between">
          <Switch label={ar.catalogue.active} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={onDone}>
              {ar.catalogue.cancel}
            </Button>
            <Button type="submit" size="xs" loading={save.isPending} data-testid="save-service">
              {ar.catalogue.save}
            </Button>
          </Group>
        </Group>
        <ErrorAlert error={save.error} fields={['name']} />
      </Stack>
    </form>
  );
}
