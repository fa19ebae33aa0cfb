import { Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { RequestView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ConflictAlert } from '../ui/ConflictAlert';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useRequestDraft } from './useRequestDraft';

const STATE_TEXT = { saving: ar.edits.saving, saved: ar.edits.savedAsTyped, unsaved: ar.edits.unsaved } as const;

/** The request's service, description and requested amount, saved as typed while the request is open. */
export function RequestDraftCard({ request, editable }: { request: RequestView; editable: boolean }) {
  const services = useOp('catalogue.services', {}, { enabled: editable });
  const draft = useRequestDraft(request, editable);
  const { fields } = draft;
  const serviceOptions = (services.data ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  if (!serviceOptions.some((o) => o.value === String(request.serviceTypeId))) {
    serviceOptions.push({ value: String(request.serviceTypeId), label: request.serviceName });
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{ar.requests.details}</Title>
          {editable && (
            <Text size="xs" c={draft.state === 'saved' ? 'teal' : 'dimmed'} data-testid="draft-state" data-state={draft.state}>
              {STATE_TEXT[draft.state]}
            </Text>
          )}
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={ar.requests.serviceType}
            data={serviceOptions}
            value={String(fields.serviceTypeId)}
            onChange={(v) => v && draft.setFields({ serviceTypeId: Number(v) })}
            allowDeselect={false}
            readOnly={!editable}
            data-testid="request-service"
          />
          <NumberInput
            label={ar.requests.requestedAmount}
            value={fields.requestedAmount ?? ''}
            onChange={(v) => draft.setFields({ requestedAmount: v === '' ? null : Number(v) })}
            thousandSeparator=","
            readOnly={!editable}
            className="tabular"
            error={draft.problem('requestedAmount')}
            data-testid="request-amount"
          />
        </SimpleGrid>
        <Textarea
          label={ar.requests.description}
          value={fields.description}
          onChange={(e) => draft.setFields({ description: e.currentTarget.value })}
          autosize
          minRows={2}
          readOnly={!editable}
          data-testid="request-description"
        />
        {draft.conflict && <ConflictAlert error={draft.conflict} onKeepMine={draft.keepMine} onShowSaved={draft.showSaved} busy={draft.state === 'saving'} />}
        <ErrorAlert error={draft.error} />
      </Stack>
    </Paper>
  );
}
