import { Button, Modal, Stack, Text } from '@mantine/core';
import type { VisitView } from '../../shared/contract';
import { formatBothDates, formatTime } from '../../shared/dates/calendar';
import { ar } from '../../shared/labels/ar';

/** The ticket number, large, for the receptionist to read out or write down. */
export function TicketIssuedModal({ visit, onClose }: { visit: VisitView; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={ar.ui.ticketIssued} centered size="sm">
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
        <Button mt="md" fullWidth onClick={onClose} data-autofocus>
          {ar.ui.ok}
        </Button>
      </Stack>
    </Modal>
  );
}
