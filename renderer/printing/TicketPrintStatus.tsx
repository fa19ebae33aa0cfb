import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import type { TicketPrintState } from './useTicketPrint';

/** Under the ticket number: printing, printed, or not printed with a reprint action. */
export function TicketPrintStatus({
  state,
  onReprint,
  onMark,
}: {
  state: TicketPrintState;
  onReprint: () => void;
  onMark: (printed: boolean) => void;
}) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'printing':
      return (
        <Group gap="xs" data-testid="ticket-print-status" data-status="printing">
          <Loader size="xs" />
          <Text size="sm">{ar.printing.ticketPrinting}</Text>
        </Group>
      );
    case 'printed':
      return (
        <Text size="sm" c="teal.8" fw={600} data-testid="ticket-print-status" data-status="printed">
          {ar.printing.ticketPrinted}
        </Text>
      );
    case 'opened':
      return (
        <Stack gap={6} align="center" data-testid="ticket-print-status" data-status="opened">
          <Text size="sm" ta="center">
            {ar.printing.ticketOpened}
          </Text>
          <Group gap="xs">
            <Button size="compact-sm" variant="light" color="teal" onClick={() => onMark(true)} data-testid="ticket-mark-printed">
              {ar.printing.markPrinted}
            </Button>
            <Button size="compact-sm" variant="light" color="red" onClick={() => onMark(false)} data-testid="ticket-mark-not-printed">
              {ar.printing.markNotPrinted}
            </Button>
          </Group>
        </Stack>
      );
    case 'notPrinted':
      return (
        <Stack gap={6} align="center" data-testid="ticket-print-status" data-status="notPrinted">
          <Badge color="red" size="lg" data-testid="ticket-not-printed">
            {ar.printing.ticketNotPrinted}
          </Badge>
          {state.failure && (
            <Text size="xs" c="dimmed" ta="center">
              {state.failure}
            </Text>
          )}
          <Button size="compact-sm" variant="light" onClick={onReprint} data-testid="ticket-reprint">
            {ar.printing.reprint}
          </Button>
        </Stack>
      );
  }
}
