import { Modal, Stack, Text, Button } from '@mantine/core';
import type { VisitView } from '@shared/contract';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { TicketPrintStatus } from '../printing/TicketPrintStatus';
import type { TicketPrintState } from '../printing/useTicketPrint';

/**
 * The ticket number, large, for the receptionist to read out or write down, and whether the
 * printed ticket came out: Enter closes it as before; printing goes on without it.
 */
export function TicketIssuedModal({
  visit,
  printing,
  onReprint,
  onMark,
  onClose,
  title = ar.ui.ticketIssued,
}: {
  visit: VisitView;
  printing: TicketPrintState;
  onReprint: () => void;
  onMark: (printed: boolean) => void;
  onClose: () => void;
  title?: string;
}) {
  return (
    <Modal opened onClose={onClose} title={title} centered size="sm">
      <Stack align="center" gap="xs" data-testid="ticket-issued">
        <Text fz={72} fw={800} lh={1} className="tabular ltr" data-testid="ticket-number">
          {visit.ticket}
        </Text>
        <Text fw={600}>{visit.name}</Text>
        <Text size="sm" c="dimmed">
          {ar.reasons[visit.reason]} · {formatTime(visit.arrivedAt)}
        </Text>
        <Text size="sm" c="dimmed">
          {formatBothDates(visit.arrivedAt)}
        </Text>
        <TicketPrintStatus state={printing} onReprint={onReprint} onMark={onMark} />
        <Button mt="md" fullWidth onClick={onClose} data-autofocus>
          {ar.ui.ok}
        </Button>
      </Stack>
    </Modal>
  );
}
