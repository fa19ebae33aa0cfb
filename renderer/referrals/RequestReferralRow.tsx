import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { RequestSummary } from '@shared/contract';
import { formatBothDates } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import { useOp } from '../data/operations';
import { RequestStateBadge } from '../requests/RequestStateBadge';
import { StudyNoteForm } from '../requests/StudyNoteForm';

/** A request referred to a researcher (S3): the desk's question, and the researcher's answer, which closes the referral. */
export function RequestReferralRow({ summary, canAnswer }: { summary: RequestSummary; canAnswer: boolean }) {
  const pages = usePages();
  // The list carries no question: each row reads its request (a researcher's list is short).
  const request = useOp('requests.get', { requestId: summary.id });
  return (
    <Paper withBorder p="md" data-testid="request-referral-row" data-number={summary.number}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Anchor component="button" type="button" fw={700} onClick={() => pages.open({ kind: 'request', requestId: summary.id })}>
              <span className="ltr tabular">{summary.number}</span>
            </Anchor>
            <Text fw={600}>{summary.beneficiaryName}</Text>
            <RequestStateBadge state={summary.state} />
          </Group>
          <Text size="xs" c="dimmed">
            {summary.serviceName} · {formatBothDates(summary.openedAt)}
          </Text>
        </Group>
        <Text size="sm">
          <b>{ar.requests.question}:</b> {request.data?.referralQuestion ?? '…'}
        </Text>
        <Text size="xs" c="dimmed">
          {summary.referredTo ? fill(ar.requests.referredTo, { name: summary.referredTo.fullName }) : `${ar.ui.referredTo}: ${ar.ui.anyResearcher}`}
        </Text>
        {canAnswer && <StudyNoteForm requestId={summary.id} answersReferral />}
      </Stack>
    </Paper>
  );
}
