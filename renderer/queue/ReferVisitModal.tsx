import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { VisitView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { submitKeys } from '../ui/submit-keys';

/** S3: the procedures are unclear to the visitor — hand them to a social researcher with a note. */
export function ReferVisitModal({ visit, onClose }: { visit: VisitView; onClose: () => void }) {
  const researchers = useOp('users.researchers', {});
  const [researcher, setResearcher] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const refer = useOpMutation('visits.refer', { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={`${ar.actions.refer} — ${visit.ticket}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!refer.isPending) refer.mutate({ visitId: visit.id, note, researcherId: researcher ? Number(researcher) : undefined });
        }}
        onKeyDownCapture={submitKeys}
      >
        <Stack>
          <Text fw={600}>{visit.name}</Text>
          <Select
            label={ar.ui.researcher}
            placeholder={ar.ui.anyResearcher}
            data={(researchers.data ?? []).map((r) => ({ value: String(r.id), label: r.fullName }))}
            value={researcher}
            onChange={setResearcher}
            clearable
          />
          <Textarea label={ar.ui.referralNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} withAsterisk autosize minRows={3} data-autofocus />
          <ErrorAlert error={refer.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" color="violet" loading={refer.isPending} data-testid="confirm-refer">
              {ar.actions.refer}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
