import { Button, Group, Kbd, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { VisitView } from '@shared/contract';
import type { ComplaintCategory } from '@shared/domain/complaints';
import { showRecordedComplaint } from '../complaints/RecordedComplaint';
import { CATEGORY_OPTIONS } from '../complaints/NewComplaintModal';
import { VISIT_OUTCOMES, type VisitOutcome } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { submitKeys } from '../ui/submit-keys';

const DEFAULT_OUTCOME: Partial<Record<VisitView['reason'], VisitOutcome>> = {
  inquiry: 'answered',
  new_request: 'request_opened',
  missing_documents: 'documents_received',
  receive_aid: 'aid_delivered',
  complaint: 'complaint_recorded',
};

/** The fields that show their own problem beside them. */
const FIELDS = ['inquiry', 'answer', 'outcomeNote'];

/**
 * Ends a visit with its outcome (S1). What the visit was for comes first and takes the focus: an
 * inquiry's question and answer, a complaint's text; otherwise the outcome. Enter finishes
 * (Ctrl+Enter inside a text area); the core refuses what is missing, named next to each field.
 */
export function FinishVisitModal({ visit, onClose }: { visit: VisitView; onClose: () => void }) {
  const [outcome, setOutcome] = useState<VisitOutcome>(DEFAULT_OUTCOME[visit.reason] ?? 'other');
  const [inquiry, setInquiry] = useState('');
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const finish = useOpMutation('visits.finish', {
    onSuccess: (done) => {
      // P8: a complaint's finish recorded it in the register: its number is read out from the desk's own dialog.
      if (done.complaint) showRecordedComplaint(done.complaint);
      onClose();
    },
  });
  const isInquiry = visit.reason === 'inquiry';
  const isComplaint = visit.reason === 'complaint';
  const textFirst = isInquiry || isComplaint;

  return (
    <Modal opened onClose={onClose} title={`${ar.ui.finishVisit} ${visit.ticket}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!finish.isPending) finish.mutate({ visitId: visit.id, outcome, inquiry, answer, outcomeNote: note, ...(isComplaint && category ? { complaintCategory: category } : {}) });
        }}
        onKeyDownCapture={submitKeys}
        data-testid="finish-form"
      >
        <Stack>
          <Text fw={600}>
            {visit.name} — {ar.reasons[visit.reason]}
          </Text>
          {isInquiry && (
            <>
              <Textarea label={ar.ui.inquiryAsked} value={inquiry} onChange={(e) => setInquiry(e.currentTarget.value)} withAsterisk autosize minRows={2} data-autofocus error={fieldError(finish.error, 'inquiry')} />
              <Textarea label={ar.ui.inquiryAnswer} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} withAsterisk error={fieldError(finish.error, 'answer')} autosize minRows={2} />
            </>
          )}
          {isComplaint && (
            <Textarea
              label={ar.visitDesk.complaintText}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              withAsterisk
              autosize
              minRows={3}
              data-autofocus
              error={fieldError(finish.error, 'outcomeNote')}
            />
          )}
          {isComplaint && (
            <Select
              label={ar.complaints.category}
              placeholder={ar.complaints.noCategory}
              data={CATEGORY_OPTIONS}
              value={category}
              onChange={(v) => setCategory(v as ComplaintCategory | null)}
              clearable
              data-testid="finish-complaint-category"
            />
          )}
          <Select
            label={ar.ui.outcome}
            data={VISIT_OUTCOMES.map((o) => ({ value: o, label: ar.outcomes[o] }))}
            value={outcome}
            onChange={(v) => v && setOutcome(v as VisitOutcome)}
            allowDeselect={false}
            data-autofocus={textFirst ? undefined : true}
            data-testid="finish-outcome"
          />
          {!isComplaint && <Textarea label={ar.ui.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />}
          <ErrorAlert error={finish.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" loading={finish.isPending} data-testid="confirm-finish" rightSection={<Kbd size="xs">Enter</Kbd>}>
              {ar.ui.finishVisit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
