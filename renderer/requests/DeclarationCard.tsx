import { Button, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import type { RequestView } from '@shared/contract';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { PrintButton } from '../printing/PrintButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AttachButton } from './AttachButton';
import { AttachmentList } from './AttachmentList';

/**
 * S4: the applicant confirms the data and signs the declaration, in front of this employee. What is
 * recorded is the text's version, the witness and the time; a scan of the signed paper may follow.
 * The paper is printed from here: each printing is recorded with the version it printed.
 */
export function DeclarationCard({ request, editable, canPrint }: { request: RequestView; editable: boolean; canPrint: boolean }) {
  const declaration = useOp('catalogue.declaration', {});
  const sign = useOpMutation('requests.signDeclaration');
  const signed = request.declaration;
  const printings = request.declarationPrintings ?? [];
  const lastPrinting = printings[printings.length - 1];

  return (
    <Paper withBorder p="md" data-testid="declaration-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{ar.requests.declaration}</Title>
          {canPrint && (
            <PrintButton
              operation="documents.declaration"
              input={{ requestId: request.id }}
              label={ar.printing.printDeclaration}
              testId="print-declaration"
              size="xs"
            />
          )}
        </Group>
        {lastPrinting && (
          <Text size="xs" c="dimmed" data-testid="declaration-printings" data-count={printings.length}>
            {fill(ar.printing.declarationPrintings, {
              count: printings.length,
              version: lastPrinting.version,
              at: `${formatBothDates(lastPrinting.printedAt)} ${formatTime(lastPrinting.printedAt)}`,
            })}
          </Text>
        )}
        {declaration.data && !signed && (
          <Paper bg="gray.0" p="sm">
            <Text size="xs" c="dimmed" mb={4}>
              {fill(ar.requests.declarationText, { version: declaration.data.version })}
            </Text>
            <Spoiler maxHeight={72} showLabel={ar.requests.showMore} hideLabel={ar.requests.showLess}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {declaration.data.text}
              </Text>
            </Spoiler>
          </Paper>
        )}
        {signed ? (
          <Text size="sm" c="teal.8" fw={600} data-testid="declaration-signed">
            {fill(ar.requests.declarationSigned, {
              version: signed.version,
              witness: signed.witness,
              at: `${formatBothDates(signed.signedAt)} ${formatTime(signed.signedAt)}`,
            })}
          </Text>
        ) : (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {ar.requests.declarationNotSigned}
            </Text>
            {editable && (
              <Button
                color="teal"
                loading={sign.isPending}
                onClick={() => !sign.isPending && sign.mutate({ requestId: request.id })}
                data-testid="sign-declaration"
              >
                {ar.requests.signDeclaration}
              </Button>
            )}
          </Group>
        )}
        <ErrorAlert error={sign.error} />
        {(signed || request.declarationScans.length > 0) && (
          <Group gap="sm" align="flex-start">
            {editable && signed && (
              <AttachButton requestId={request.id} purpose="declaration" label={ar.requests.attachSignedDeclaration} testId="declaration-attach" />
            )}
            <AttachmentList attachments={request.declarationScans} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
