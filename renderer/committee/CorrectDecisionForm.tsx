import { Button, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

/** A correction of the decision's details, with its own reason, recorded as a new event on the timeline. */
export function CorrectDecisionForm({ request, onDone }: { request: RequestView; onDone: () => void }) {
  const d = request.decision!;
  const [correctionReason, setCorrectionReason] = useState('');
  const [reason, setReason] = useState(d.reason ?? '');
  const [amount, setAmount] = useState<number | ''>(d.approvedAmount ?? '');
  const [aid, setAid] = useState(d.aidDescription ?? '');
  const correct = useOpMutation('requests.correctDecision', {
    onSuccess: () => {
      setCorrectionReason('');
      onDone();
    },
  });
  const accepted = d.outcome === 'accepted';

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (correct.isPending) return;
        correct.mutate(
          accepted
            ? { requestId: request.id, correctionReason, approvedAmount: amount === '' ? null : amount, aidDescription: aid }
            : { requestId: request.id, correctionReason, reason },
        );
      }}
    >
      <Stack gap="xs" pt="xs">
        {accepted ? (
          <Group grow align="flex-start">
            <NumberInput
              label={ar.committee.approvedAmount}
              value={amount}
              onChange={(v) => setAmount(v === '' ? '' : Number(v))}
              thousandSeparator=","
              className="tabular"
              error={fieldError(correct.error, 'approvedAmount')}
              data-testid="correction-amount"
            />
            <Textarea label={ar.committee.aidDescription} value={aid} onChange={(e) => setAid(e.currentTarget.value)} autosize minRows={1} />
          </Group>
        ) : (
          <Textarea label={ar.committee.rejectionReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} />
        )}
        <Textarea
          label={ar.committee.correctionReason}
          value={correctionReason}
          onChange={(e) => setCorrectionReason(e.currentTarget.value)}
          withAsterisk
          autosize
          minRows={1}
          error={fieldError(correct.error, 'correctionReason')}
          data-testid="correction-reason"
        />
        <ErrorAlert error={correct.error} fields={['correctionReason', 'approvedAmount']} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" color="orange" loading={correct.isPending} data-testid="save-correction">
            {ar.committee.saveCorrection}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
