import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { RequestView } from '@shared/contract';
import { formatBothDates } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import { referralOpen } from './referral';
import { RequestStateBadge } from './RequestStateBadge';

/** Which request this is, for whom, through which channel, and where it stands. */
export function RequestHeader({ request, actions }: { request: RequestView; actions?: React.ReactNode }) {
  const pages = usePages();
  const b = request.beneficiary;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={3}>
              {ar.requests.number} <span className="ltr tabular" data-testid="request-number">{request.number}</span>
            </Title>
            <RequestStateBadge state={request.state} size="lg" />
            {request.overdue && (
              <Badge color="red" size="lg">
                {ar.requests.overdue}
              </Badge>
            )}
          </Group>
          <Text>
            <Anchor component="button" type="button" fw={600} onClick={() => pages.open({ kind: 'profile', beneficiaryId: b.id })} data-testid="request-beneficiary">
              {b.fullName}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {' · '}
              {ar.idTypes[b.idType]}: <span className="ltr tabular">{b.idNumber}</span>
              {b.fileNumber && (
                <>
                  {' · '}
                  {ar.profile.fileNumber} <span className="ltr tabular">{b.fileNumber}</span>
                </>
              )}
            </Text>
          </Text>
          <Text size="sm" c="dimmed">
            {request.serviceName} · {ar.requests.channel}: {ar.channels[request.channel]} · {ar.requests.openedAt}: {formatBothDates(request.openedAt)}
          </Text>
          {request.submittedAt && (
            <Text size="sm" c="dimmed">
              {ar.requests.submittedAt}: {formatBothDates(request.submittedAt)}
              {request.expectedAnswerDate && ` · ${ar.requests.expectedAnswer}: ${formatBothDates(request.expectedAnswerDate)}`}
            </Text>
          )}
          {referralOpen(request) && (
            <Text size="sm" c="violet.8" data-testid="open-referral">
              {request.referredTo ? fill(ar.requests.referredTo, { name: request.referredTo.fullName }) : ar.requests.researcherWorking}: {request.referralQuestion}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
    </Paper>
  );
}
