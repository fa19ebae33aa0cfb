import { Anchor, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ar, fill } from '@shared/labels/ar';
import type { PrintOutcome } from './usePrintPdf';
import { notifySaved } from '../ui/notify';

/**
 * What became of a printing, told without taking the user's focus: printed; a printer that failed
 * (and where the PDF was saved all the same); or, in a browser, the tab the PDF opened in, with a
 * link to open it again or to download it (and only the links when the browser blocked the tab).
 */
export function announcePrint(outcome: PrintOutcome) {
  // One notice at a time: the newest document's replaces the last one's.
  if (lastNotice) notifications.hide(lastNotice);
  lastNotice = notice(outcome);
}

let lastNotice: string | null = null;

function notice(outcome: PrintOutcome): string {
  const title = outcome.pdf.title;
  if (outcome.via === 'shell') {
    if (outcome.printed) return notifySaved(fill(ar.printing.printed, { title }));
    return notifications.show({
      title: outcome.failure ?? ar.printing.cancelled,
      message: fill(ar.printing.savedTo, { path: outcome.savedTo }),
      color: outcome.failure === ar.printing.cancelled ? 'gray' : 'red',
      autoClose: 12_000,
    });
  }
  return notifications.show({
    color: outcome.opened ? 'teal' : 'orange',
    autoClose: outcome.opened ? 15_000 : false,
    message: (
      <Stack gap={4}>
        <Text size="sm">{fill(outcome.opened ? ar.printing.openedInTab : ar.printing.popupBlocked, { title })}</Text>
        <Group gap="md">
          <Anchor href={outcome.url} target="_blank" size="sm" data-testid="print-open">
            {ar.printing.openPdf}
          </Anchor>
          <Anchor href={outcome.url} download={outcome.pdf.fileName} size="sm" data-testid="print-download">
            {ar.printing.download}
          </Anchor>
        </Group>
      </Stack>
    ),
  });
}
