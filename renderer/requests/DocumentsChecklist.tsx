import { Paper, Stack, Text, Title } from '@mantine/core';
import type { RequestView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { DocumentRow } from './DocumentRow';

/** The service's required documents, one line each (S2). */
export function DocumentsChecklist({ request, editable }: { request: RequestView; editable: boolean }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={5}>{ar.requests.documents}</Title>
          <Text size="xs" c="dimmed">
            {request.submittedAt ? ar.requests.asOfSubmission : ar.requests.asOfToday}
          </Text>
        </div>
        {request.documents.length === 0 && (
          <Text size="sm" c="dimmed">
            {ar.requests.noDocuments}
          </Text>
        )}
        {request.documents.map((d) => (
          <DocumentRow key={`${request.serviceTypeId}-${d.documentTypeId}`} requestId={request.id} doc={d} editable={editable} identity={request.beneficiary} />
        ))}
      </Stack>
    </Paper>
  );
}
