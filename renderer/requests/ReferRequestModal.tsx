import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

/** S3: the request goes to a social researcher with a question; it appears in the researcher's list. */
export function ReferRequestModal({ request, onClose }: { request: RequestView; onClose: () => void }) {
  const researchers = useOp('users.researchers', {});
  const [researcher, setResearcher] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const refer = useOpMutation('requests.refer', { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={fill(ar.requests.referTitle, { number: request.number })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!refer.isPending) refer.mutate({ requestId: request.id, question, researcherId: researcher ? Number(researcher) : undefined });
        }}
      >
        <Stack>
          <Select
            label={ar.ui.researcher}
            placeholder={ar.ui.anyResearcher}
            data={(researchers.data ?? []).map((r) => ({ value: String(r.id), label: r.fullName }))}
            value={researcher}
            onChange={setResearcher}
            clearable
          />
          <Textarea
            label={ar.requests.question}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            error={fieldError(refer.error, 'question')}
            data-testid="refer-question"
          />
          <ErrorAlert error={refer.error?.code === 'validation' ? null : refer.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" color="violet" loading={refer.isPending} data-testid="confirm-refer-request">
              {ar.requests.refer}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
