import { Button, Center, Grid, Group, Loader, Paper, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { UserView } from '@shared/contract';
import { OPEN_REQUEST_STATES, type RequestState } from '@shared/domain/request';
import { ar } from '@shared/labels/ar';
import { DecisionForm } from '../committee/DecisionForm';
import { DecisionSummary } from '../committee/DecisionSummary';
import { mayCall } from '../data/access';
import { useOp } from '../data/operations';
import { PrintButton } from '../printing/PrintButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CloseRequestForm } from './CloseRequestForm';
import { DeclarationCard } from './DeclarationCard';
import { DocumentsChecklist } from './DocumentsChecklist';
import { referralOpen } from './referral';
import { ReferModal } from '../referrals/ReferModal';
import { RegistrationCard } from './RegistrationCard';
import { RequestDraftCard } from './RequestDraftCard';
import { RequestHeader } from './RequestHeader';
import { RequestTimeline } from './RequestTimeline';
import { ServiceDeliveryForm } from './ServiceDeliveryForm';
import { StudyNoteForm } from './StudyNoteForm';
import { ExpectedAnswer, SubmitCard } from './SubmitCard';

const AFTER_ACCEPTANCE: readonly RequestState[] = ['accepted', 'registered', 'served', 'closed'];
const AFTER_REGISTRATION: readonly RequestState[] = ['registered', 'served', 'closed'];

/**
 * A support request from opening to closing (S2–S7): the step it is at comes first — the checklist
 * and declaration while it is open, the committee's decision, registration, the service — with its
 * timeline beside it. Each action is offered only to the roles the contract allows.
 */
export function RequestPage({ requestId, user }: { requestId: number; user: UserView }) {
  const request = useOp('requests.get', { requestId }, { staleTime: 0 });
  const [referring, setReferring] = useState(false);
  // A move past the desk's part (submitted, decided, registered …) puts its new step, at the top, in view;
  // incomplete ⇄ complete while documents are ticked lower down leaves the page where it is.
  const state = request.data?.state;
  const seen = useRef(state);
  useEffect(() => {
    if (state && seen.current && state !== seen.current && !OPEN_REQUEST_STATES.includes(state)) window.scrollTo({ top: 0 });
    seen.current = state;
  }, [state]);
  if (request.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  // A re-read that failed (the server away) keeps the page and what is typed in it as they were.
  if (!request.data) return <ErrorAlert error={request.error} />;
  const r = request.data;
  const role = user.role;
  const open = OPEN_REQUEST_STATES.includes(r.state);
  const editable = open && mayCall(role, 'requests.saveDraft');
  const committee = mayCall(role, 'requests.decide');
  const desk = mayCall(role, 'requests.register');

  return (
    <Grid gap="md" data-testid="request-page" data-state={r.state}>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <RequestHeader
            request={r}
            actions={
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <PrintButton operation="documents.requestForm" input={{ requestId: r.id }} label={ar.printing.printForm} testId="print-request-form" />
                {/* S5: the receipt is for a submitted request (its number and expected answer date). */}
                {r.submittedAt && (
                  <PrintButton operation="documents.receipt" input={{ requestId: r.id }} label={ar.printing.printReceipt} testId="print-receipt" />
                )}
                {mayCall(role, 'requests.refer') && (open || r.state === 'submitted') && (
                  <Button variant="light" color="violet" onClick={() => setReferring(true)} data-testid="refer-request">
                    {ar.requests.refer}
                  </Button>
                )}
              </Group>
            }
          />
          {r.state === 'submitted' && <ExpectedAnswer request={r} />}
          {r.decision && <DecisionSummary request={r} canCorrect={committee} />}
          {r.state === 'submitted' && committee && <DecisionForm request={r} />}
          {AFTER_ACCEPTANCE.includes(r.state) && <RegistrationCard request={r} canAct={desk} />}
          {AFTER_REGISTRATION.includes(r.state) && <ServiceDeliveryForm request={r} canAct={desk} />}
          {r.state === 'served' && desk && <CloseRequestForm request={r} />}
          <RequestDraftCard key={r.id} request={r} editable={editable} />
          <DocumentsChecklist request={r} editable={editable} />
          <DeclarationCard request={r} editable={editable} canPrint={mayCall(role, 'documents.declaration')} />
          {open && <SubmitCard request={r} canSubmit={mayCall(role, 'requests.submit')} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md">
          <RequestTimeline events={r.events} />
          {mayCall(role, 'requests.addNote') && (
            <Paper withBorder p="md">
              <StudyNoteForm requestId={r.id} answersReferral={role === 'researcher' && referralOpen(r)} />
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      {referring && <ReferModal referred={{ request: r }} onClose={() => setReferring(false)} />}
    </Grid>
  );
}
