import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestView, VisitView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { submitKeys } from '../ui/submit-keys';

/** What is handed to a social researcher: a visitor at the desk (a note), or a request (a question). */
export type Referred = { visit: VisitView } | { request: RequestView };

/**
 * S3: hand a visit or a request to a social researcher, any of them or one named, with a text of at least
 * three letters; it appears in the researchers' list. Both operations are bound so the hooks never change
 * order; only the one for `referred` is sent.
 */
export function ReferModal({ referred, onClose }: { referred: Referred; onClose: () => void }) {
  const researchers = useOp('users.researchers', {});
  const [researcher, setResearcher] = useState<string | null>(null);
  const [text, setText] = useState('');
  const referVisit = useOpMutation('visits.refer', { onSuccess: onClose });
  const referRequest = useOpMutation('requests.refer', { onSuccess: onClose });
  const isVisit = 'visit' in referred;
  const sending = isVisit ? referVisit : referRequest;
  const field = isVisit ? 'note' : 'question';
  const send = () => {
    const researcherId = researcher ? Number(researcher) : undefined;
    if ('visit' in referred) referVisit.mutate({ visitId: referred.visit.id, note: text, researcherId });
    else referRequest.mutate({ requestId: referred.request.id, question: text, researcherId });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={isVisit ? `${ar.actions.refer} — ${referred.visit.ticket}` : fill(ar.requests.referTitle, { number: referred.request.number })}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!sending.isPending) send();
        }}
        onKeyDownCapture={submitKeys}
      >
        <Stack>
          {isVisit && <Text fw={600}>{referred.visit.name}</Text>}
          <Select
            label={ar.ui.researcher}
            placeholder={ar.ui.anyResearcher}
            data={(researchers.data ?? []).map((r) => ({ value: String(r.id), label: r.fullName }))}
            value={researcher}
            onChange={setResearcher}
            clearable
          />
          <Textarea
            label={isVisit ? ar.ui.referralNote : ar.requests.question}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            error={fieldError(sending.error, field)}
            data-testid="refer-text"
          />
          <ErrorAlert error={sending.error} fields={[field]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" color="violet" loading={sending.isPending} data-testid={isVisit ? 'confirm-refer' : 'confirm-refer-request'}>
              {isVisit ? ar.actions.refer : ar.requests.refer}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
