import { Anchor, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { AttachmentView } from '@shared/contract';
import { AttachmentViewer } from './AttachmentViewer';
import { sizeText } from './file-size';

/** Scans attached to a document line or to the declaration; a click opens one. */
export function AttachmentList({ attachments }: { attachments: AttachmentView[] }) {
  const [viewing, setViewing] = useState<AttachmentView | null>(null);
  if (attachments.length === 0) return null;
  return (
    <>
      <Group gap={8} wrap="wrap">
        {attachments.map((a) => (
          <Anchor key={a.id} component="button" type="button" size="xs" onClick={() => setViewing(a)} data-testid="attachment" title={a.sha256}>
            <span className="ltr">{a.fileName}</span>{' '}
            <Text span size="xs" c="dimmed">
              ({sizeText(a.size)})
            </Text>
          </Anchor>
        ))}
      </Group>
      {viewing && <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}
