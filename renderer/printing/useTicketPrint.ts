import { useCallback, useState } from 'react';
import type { VisitView } from '@shared/contract';
import { useOpMutation } from '../data/operations';
import { notifyError } from '../ui/notify';
import { usePrintPdf } from './usePrintPdf';

/**
 * Where a queue ticket's printing stands. A ticket that did not come out is recorded as such and
 * shown as "not printed" with a reprint action, so no visitor is counted who never got a ticket.
 * `opened`: in a browser the ticket opened in a tab and only the receptionist knows whether it
 * came out (they mark it).
 */
export type TicketPrintState =
  | { status: 'idle' }
  | { status: 'printing' }
  | { status: 'printed' }
  | { status: 'opened' }
  | { status: 'notPrinted'; failure?: string };

export function useTicketPrint() {
  const [state, setState] = useState<TicketPrintState>({ status: 'idle' });
  const ticket = usePrintPdf('documents.ticket');
  const record = useOpMutation('documents.ticketPrinted', { onError: notifyError });

  const mark = useCallback(
    (visit: VisitView, printed: boolean, failure?: string) => {
      setState(printed ? { status: 'printed' } : { status: 'notPrinted', failure });
      record.mutate({ visitId: visit.id, printed, ...(failure ? { failure } : {}) });
    },
    [record],
  );

  /** Call it from the handler of the key or click that asked for the ticket (see usePrintPdf). */
  const print = useCallback(
    async (visit: VisitView) => {
      setState({ status: 'printing' });
      const outcome = await ticket.print({ visitId: visit.id });
      if (!outcome) mark(visit, false);
      else if (outcome.via === 'shell') mark(visit, outcome.printed, outcome.failure);
      else setState({ status: 'opened' });
    },
    [ticket, mark],
  );

  return { state, print, mark };
}
