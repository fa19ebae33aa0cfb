import { Button, FileButton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES } from '@shared/contract/requests';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { readBase64 } from '../ui/read-file';
import { notifySaved } from '../ui/notify';

/**
 * A scan of a document or of the signed declaration (S2, S4). The name and size are checked here to
 * spare a wasted upload; the core checks the content again and keeps the file with its checksum.
 */
export function AttachButton({
  requestId,
  documentTypeId,
  purpose,
  label = ar.requests.attachScan,
  testId,
}: {
  requestId: number;
  documentTypeId?: number;
  purpose: 'document' | 'declaration';
  label?: string;
  testId?: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const attach = useOpMutation('requests.attach', {
    onSuccess: () => notifySaved(ar.requests.uploaded),
    onError: (e) => setProblem(e.message),
  });

  const pick = async (file: File | null) => {
    if (!file || attach.isPending || reading) return;
    setProblem(null);
    if (file.size > ATTACHMENT_MAX_BYTES) return setProblem(ar.messages.attachmentTooLarge);
    if (file.type && !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(file.type)) return setProblem(ar.messages.attachmentType);
    setReading(true);
    try {
      const dataBase64 = await readBase64(file);
      attach.mutate({ requestId, documentTypeId, purpose, fileName: file.name, dataBase64 });
    } catch {
      setProblem(ar.errors.internal);
    } finally {
      setReading(false);
    }
  };

  return (
    <Stack gap={2} align="flex-start">
      <FileButton onChange={(f) => void pick(f)} accept={ATTACHMENT_MIME_TYPES.join(',')}>
        {(props) => (
          <Button {...props} size="compact-xs" variant="light" loading={attach.isPending || reading} data-testid={testId}>
            {label}
          </Button>
        )}
      </FileButton>
      {problem && (
        <Text size="xs" c="red" role="alert" data-testid="attach-error">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
