import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { VisitView } from '../../shared/contract';
import { VISIT_OUTCOMES, type VisitOutcome } from '../../shared/domain/visit';
import { ar } from '../../shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

const DEFAULT_OUTCOME: Partial<Record<VisitView['reason'], VisitOutcome>> = {
  inquiry: 'answered',
  new_request: 'request_opened',
  missing_documents: 'documents_received',
  receive_aid: 'aid_delivered',
  complaint: 'complaint_recorded',
};

/** Ends a visit with its outcome; an inquiry records what was asked and what was answered (S1). */
export function FinishVisitModal({ visit, onClose }: { visit: VisitView; onClose: () => void }) {
  const [outcome, setOutcome] = useState<VisitOutcome>(DEFAULT_OUTCOME[visit.reason] ?? 'other');
  const [inquiry, setInquiry] = useState('');
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const finish = useOpMutation('visits.finish', { onSuccess: onClose });
  const isInquiry = visit.reason === 'inquiry';

  return (
    <Modal opened onClose={onClose} title={`${ar.ui.finishVisit} ${visit.ticket}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!finish.isPending) finish.mutate({ visitId: visit.id, outcome, inquiry, answer, outcomeNote: note });
        }}
      >
        <Stack>
          <Text fw={600}>
            {visit.name} — {ar.reasons[visit.reason]}
          </Text>
          <Select
            label={ar.ui.outcome}
            data={VISIT_OUTCOMES.map((o) => ({ value: o, label: ar.outcomes[o] }))}
            value={outcome}
            onChange={(v) => v && setOutcome(v as VisitOutcome)}
            allowDeselect={false}
          />
          {isInquiry && (
            <>
              <Textarea label={ar.ui.inquiryAsked} value={inquiry} onChange={(e) => setInquiry(e.currentTarget.value)} withAsterisk autosize minRows={2} data-autofocus error={fieldError(finish.error, 'inquiry')} />
              <Textarea label={ar.ui.inquiryAnswer} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} withAsterisk error={fieldError(finish.error, 'answer')} autosize minRows={2} />
            </>
          )}
          <Textarea label={ar.ui.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
          <ErrorAlert error={finish.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" loading={finish.isPending} data-testid="confirm-finish">
              {ar.ui.finishVisit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
