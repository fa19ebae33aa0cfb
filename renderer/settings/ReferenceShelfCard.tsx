import { Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReferencePdfView, ReferenceShelfItem } from '@shared/contract/printing';
import { REFERENCE_PDF_MAX_BYTES } from '@shared/contract/uploads';
import { formatBothDates } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { PrintButton } from '../printing/PrintButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { readBase64 } from '../ui/read-file';
import { notifySaved } from '../ui/notify';

/** The administrator replaces the shipped placeholders of the reference shelf (T1–T4) with the association's own PDFs. */
export function ReferenceShelfCard() {
  const shelf = useOp('documents.referenceShelf', {});
  return (
    <Paper withBorder p="md" data-testid="reference-shelf-card">
      <Stack>
        <Title order={5}>{ar.printing.referencesAdmin}</Title>
        <ErrorAlert error={shelf.error} />
        <Table>
          <Table.Tbody>
            {(shelf.data ?? []).map((item) => (
              <ReferenceRow key={item.shelf} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function ReferenceRow({ item }: { item: ReferencePdfView }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const replace = useOpMutation('documents.replaceReference', {
    onSuccess: (r) => notifySaved(fill(ar.printing.referenceReplaced, { title: r.title })),
    onError: (e) => setProblem(e.message),
  });

  const pick = async (shelf: ReferenceShelfItem, file: File | null) => {
    if (!file || replace.isPending || reading) return;
    setProblem(null);
    // The core checks the bytes again; this spares a wasted upload.
    if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) return setProblem(ar.printing.pdfOnly);
    if (file.size > REFERENCE_PDF_MAX_BYTES) return setProblem(ar.printing.pdfTooLarge);
    setReading(true);
    try {
      replace.mutate({ shelf, pdfBase64: await readBase64(file) });
    } catch {
      setProblem(ar.errors.internal);
    } finally {
      setReading(false);
    }
  };

  return (
    <Table.Tr data-testid="reference-row" data-shelf={item.shelf}>
      <Table.Td>
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {item.title}
            </Text>
            {item.isPlaceholder && (
              <Badge size="xs" color="gray" variant="light">
                {ar.printing.placeholder}
              </Badge>
            )}
          </Group>
          {item.updatedAt && (
            <Text size="xs" c="dimmed">
              {fill(ar.printing.referenceUpdatedAt, { at: formatBothDates(item.updatedAt) })}
            </Text>
          )}
          {problem && (
            <Text size="xs" c="red" role="alert" data-testid="reference-error">
              {problem}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <PrintButton operation="documents.reference" input={{ shelf: item.shelf }} label={ar.printing.openPdf} size="xs" variant="subtle" />
          <FileButton onChange={(f) => void pick(item.shelf, f)} accept="application/pdf">
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={replace.isPending || reading} data-testid={`reference-replace-${item.shelf}`}>
                {ar.printing.replaceReference}
              </Button>
            )}
          </FileButton>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
