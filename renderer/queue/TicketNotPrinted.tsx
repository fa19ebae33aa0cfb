import { Badge, Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { VisitView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { TicketIssuedModal } from '../check-in/TicketIssuedModal';
import { useTicketPrint } from '../printing/useTicketPrint';

/** On a waiting visitor's row: the ticket that did not come out of the printer, and a reprint. */
export function TicketNotPrinted({ visit, canReprint }: { visit: VisitView; canReprint: boolean }) {
  const ticket = useTicketPrint();
  const [open, setOpen] = useState(false);
  const reprint = () => {
    void ticket.print(visit);
    setOpen(true);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="xs" color="red" variant="light" data-testid="row-ticket-not-printed">
        {ar.printing.ticketNotPrinted}
      </Badge>
      {canReprint && (
        <Button size="compact-xs" variant="subtle" onClick={reprint} data-testid="row-ticket-reprint">
          {ar.printing.reprint}
        </Button>
      )}
      {open && (
        <TicketIssuedModal
          visit={visit}
          title={ar.printing.reprintTitle}
          printing={ticket.state}
          onReprint={() => void ticket.print(visit)}
          onMark={(printed) => ticket.mark(visit, printed)}
          onClose={() => setOpen(false)}
        />
      )}
    </Group>
  );
}
