import { Button, Group, Input, NumberInput, Paper, SegmentedControl, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

type Outcome = 'accepted' | 'rejected';

/**
 * S5: the research committee's answer — accepted (with the amount above zero or the aid it approves)
 * or rejected with its reason. Nothing is chosen at first: a decision recorded by pressing Enter on an
 * untouched form would be a decision nobody took.
 */
export function DecisionForm({ request }: { request: RequestView }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<number | ''>(request.requestedAmount ?? '');
  const [aid, setAid] = useState('');
  const decide = useOpMutation('requests.decide');
  const amountError = fieldError(decide.error, 'approvedAmount');

  return (
    <Paper withBorder p="md" data-testid="decision-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (decide.isPending) return;
          if (!outcome) return setUnchosen(true);
          decide.mutate(
            outcome === 'accepted'
              ? { requestId: request.id, outcome, reason, approvedAmount: amount === '' ? undefined : amount, aidDescription: aid }
              : { requestId: request.id, outcome, reason },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{ar.committee.decide}</Title>
          <Input.Wrapper error={unchosen && !outcome ? ar.messages.decisionOutcomeRequired : undefined} data-testid="decision-outcome-field">
            <SegmentedControl
              value={outcome ?? ''}
              onChange={(v) => {
                setOutcome(v as Outcome);
                decide.reset();
              }}
              data={[
                { value: 'accepted', label: ar.committee.accept },
                { value: 'rejected', label: ar.committee.reject },
              ]}
              color={outcome === 'accepted' ? 'green' : 'red'}
              fullWidth
              data-testid="decision-outcome"
              data-chosen={outcome ?? ''}
            />
          </Input.Wrapper>
          {outcome === 'accepted' && (
            <Group grow align="flex-start">
              <NumberInput
                label={ar.committee.approvedAmount}
                value={amount}
                onChange={(v) => setAmount(v === '' ? '' : Number(v))}
                thousandSeparator=","
                className="tabular"
                error={amountError}
                data-testid="decision-amount"
              />
              <Textarea
                label={ar.committee.aidDescription}
                value={aid}
                onChange={(e) => setAid(e.currentTarget.value)}
                autosize
                minRows={1}
                error={amountError === ar.messages.acceptanceNeedsAid}
                data-testid="decision-aid"
              />
            </Group>
          )}
          {outcome === 'rejected' && (
            <Textarea
              label={ar.committee.rejectionReason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              withAsterisk
              autosize
              minRows={2}
              error={fieldError(decide.error, 'reason')}
              data-testid="decision-reason"
            />
          )}
          <ErrorAlert error={decide.error} fields={['reason', 'approvedAmount']} />
          <Group justify="flex-end">
            <Button
              type="submit"
              variant={outcome ? 'filled' : 'default'}
              color={outcome === 'accepted' ? 'green' : 'red'}
              loading={decide.isPending}
              data-testid="record-decision"
            >
              {ar.committee.record}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
