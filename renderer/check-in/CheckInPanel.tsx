import { Paper, Stack, Title } from '@mantine/core';
import { memo, useEffect, useRef, useState } from 'react';
import type { BeneficiaryView, TodayVisit, VisitView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useTicketPrint } from '../printing/useTicketPrint';
import { BeneficiarySearch } from './BeneficiarySearch';
import { IssueTicketForm, type Visitor } from './IssueTicketForm';
import { EnrolBeneficiaryForm } from './EnrolBeneficiaryForm';
import { TicketIssuedModal } from './TicketIssuedModal';
import { WalkInForm } from './WalkInForm';

type Step =
  | { kind: 'search' }
  | { kind: 'enrol'; query: string }
  | { kind: 'walkIn'; query: string }
  | { kind: 'ticket'; visitor: Visitor };

/**
 * Check-in, keyboard first (S1, P2): search → pick (or enrol, or a visitor without a file) →
 * reason → ticket. Every step answers Enter and Escape. Memoised: it takes no props, and the hall
 * redrawn around it (a new visitor, the tab shown again) has nothing for it.
 */
export const CheckInPanel = memo(function CheckInPanel() {
  const [step, setStep] = useState<Step>({ kind: 'search' });
  const [issued, setIssued] = useState<VisitView | null>(null);
  const ticket = useTicketPrint();
  const [query, setQuery] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);
  const pick = (b: BeneficiaryView & { todayVisit?: TodayVisit | null }) =>
    setStep({ kind: 'ticket', visitor: { kind: 'beneficiary', beneficiary: b, todayVisit: b.todayVisit ?? null } });
  // The ticket read out, the dialog closed: the next visitor is typed into the search box at once.
  const hadTicket = useRef(false);
  useEffect(() => {
    if (hadTicket.current && !issued) searchInput.current?.focus();
    hadTicket.current = issued !== null;
  }, [issued]);
  const reset = () => {
    setStep({ kind: 'search' });
    setQuery('');
  };

  return (
    <Paper withBorder p="md" h="100%" style={{ overflowY: 'auto' }}>
      <Stack gap="sm">
        <Title order={4}>{ar.ui.checkInTitle}</Title>
        {step.kind === 'search' && (
          <BeneficiarySearch
            inputRef={searchInput}
            query={query}
            onQuery={setQuery}
            onPick={pick}
            onEnrol={() => setStep({ kind: 'enrol', query })}
            onWalkIn={() => setStep({ kind: 'walkIn', query })}
          />
        )}
        {step.kind === 'enrol' && <EnrolBeneficiaryForm initialQuery={step.query} onEnrolled={pick} onCancel={reset} />}
        {step.kind === 'walkIn' && (
          <WalkInForm
            initialQuery={step.query}
            onContinue={(name, mobile) => setStep({ kind: 'ticket', visitor: { kind: 'walkIn', name, mobile } })}
            onCancel={reset}
          />
        )}
        {step.kind === 'ticket' && (
          <IssueTicketForm
            visitor={step.visitor}
            onIssued={(visit) => {
              // Printed at once, from the answer to the key that issued it; the desk goes on.
              void ticket.print(visit);
              setIssued(visit);
              reset();
            }}
            onCancel={reset}
          />
        )}
      </Stack>
      {issued && (
        <TicketIssuedModal
          visit={issued}
          printing={ticket.state}
          onReprint={() => void ticket.print(issued)}
          onMark={(printed) => ticket.mark(issued, printed)}
          onClose={() => setIssued(null)}
        />
      )}
    </Paper>
  );
});
