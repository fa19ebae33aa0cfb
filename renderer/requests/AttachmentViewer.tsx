import { Anchor, Center, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { AttachmentView } from '@shared/contract';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { sizeText } from './file-size';

function toBlobUrl(base64: string, mimeType: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mimeType }));
}

/**
 * One scan, fetched from the core and shown from a blob: address (the page's CSP admits blob:
 * images, nothing else). A PDF is offered for download: the CSP admits no frames or plugins.
 */
export function AttachmentViewer({ attachment, onClose }: { attachment: AttachmentView; onClose: () => void }) {
  const file = useOp('requests.attachment', { attachmentId: attachment.id }, { staleTime: Infinity, gcTime: 0 });
  const url = useMemo(() => (file.data ? toBlobUrl(file.data.dataBase64, file.data.mimeType) : null), [file.data]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const isImage = attachment.mimeType.startsWith('image/');

  return (
    <Modal opened onClose={onClose} title={<span className="ltr">{attachment.fileName}</span>} size="xl" data-testid="attachment-viewer">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {sizeText(attachment.size)} · {attachment.uploadedBy} · {formatBothDates(attachment.uploadedAt)} {formatTime(attachment.uploadedAt)}
        </Text>
        <ErrorAlert error={file.error} />
        {file.isPending && (
          <Center p="xl">
            <Loader />
          </Center>
        )}
        {url && isImage && <Image src={url} alt={attachment.fileName} fit="contain" mah="70vh" data-testid="attachment-image" />}
        {url && !isImage && (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{ar.requests.pdfNoPreview}</Text>
            <Anchor href={url} download={attachment.fileName}>
              {ar.requests.download}
            </Anchor>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
