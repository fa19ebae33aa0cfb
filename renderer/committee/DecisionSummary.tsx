import { Alert, Button, Collapse, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/contract';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { CorrectDecisionForm } from './CorrectDecisionForm';

/** The committee's recorded decision; the committee may correct its details, never silently (a new audited event). */
export function DecisionSummary({ request, canCorrect }: { request: RequestView; canCorrect: boolean }) {
  const [correcting, setCorrecting] = useState(false);
  const d = request.decision;
  if (!d) return null;
  const accepted = d.outcome === 'accepted';
  return (
    <Alert color={accepted ? 'green' : 'red'} variant="light" data-testid="decision-summary" data-outcome={d.outcome}>
      <Stack gap={4}>
        <Text fw={700}>{fill(ar.committee.decision, { outcome: accepted ? ar.committee.accept : ar.committee.reject })}</Text>
        {d.reason && (
          <Text size="sm">
            {ar.committee.reason}: {d.reason}
          </Text>
        )}
        {d.approvedAmount !== null && (
          <Text size="sm">
            {ar.committee.approvedAmount}: <span className="tabular">{d.approvedAmount.toLocaleString('en-US')}</span>
          </Text>
        )}
        {d.aidDescription && (
          <Text size="sm">
            {ar.committee.aidDescription}: {d.aidDescription}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {fill(ar.committee.decidedBy, { by: d.decidedBy, at: `${formatBothDates(d.decidedAt)} ${formatTime(d.decidedAt)}` })}
        </Text>
        {!accepted && (
          <Text size="xs" c="dimmed">
            {ar.requests.rejectedHint}
          </Text>
        )}
        {canCorrect && (
          <>
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setCorrecting((c) => !c)} w="fit-content" data-testid="correct-decision">
              {ar.committee.correct}
            </Button>
            <Collapse expanded={correcting}>
              <CorrectDecisionForm request={request} onDone={() => setCorrecting(false)} />
            </Collapse>
          </>
        )}
      </Stack>
    </Alert>
  );
}
