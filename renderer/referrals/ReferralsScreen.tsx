import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UserView } from '@shared/contract';
import { formatDuration, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { mayCall } from '../data/access';
import { useOp } from '../data/operations';
import { VisitActions } from '../queue/VisitActions';
import { useNow } from '../ui/useNow';
import { RequestReferralRow } from './RequestReferralRow';

/** S3: visitors the desk referred to a social researcher, until the researcher has served them. */
export function ReferralsScreen({ user }: { user: UserView }) {
  const referrals = useOp('visits.referrals', {}, { staleTime: 0 });
  const requestReferrals = useOp('requests.referrals', {}, { staleTime: 0 });
  const requests = requestReferrals.data ?? [];
  const now = useNow(15_000);
  const list = referrals.data ?? [];
  return (
    <Stack maw={1000} mx="auto">
      <Title order={3}>{ar.ui.referralsTitle}</Title>
      {referrals.isSuccess && list.length === 0 && (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {ar.ui.noReferrals}
          </Text>
        </Paper>
      )}
      {list.map((v) => (
        <Paper key={v.id} withBorder p="md" data-testid="referral-row" data-ticket={v.ticket}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap="md" wrap="nowrap" align="flex-start">
              <Text fz={26} fw={800} className="tabular ltr">
                {v.ticket}
              </Text>
              <Stack gap={2}>
                <Group gap={6}>
                  <Text fw={700}>{v.name}</Text>
                  <Badge color={v.state === 'serving' ? 'teal' : 'violet'}>{ar.visitStates[v.state]}</Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {ar.reasons[v.reason]} · {ar.ui.arrived} {formatTime(v.arrivedAt)} · {ar.ui.waited}{' '}
                  {formatDuration(now.getTime() - new Date(v.arrivedAt).getTime())}
                </Text>
                <Text size="sm">
                  <b>{ar.ui.referralNote}:</b> {v.referralNote}
                </Text>
                <Text size="xs" c="dimmed">
                  {ar.ui.referredTo}: {v.referredTo?.fullName ?? ar.ui.anyResearcher}
                  {v.servedBy && ` · ${ar.ui.handledBy}: ${v.servedBy.fullName}`}
                </Text>
              </Stack>
            </Group>
            <VisitActions visit={v} user={user} size="sm" />
          </Group>
        </Paper>
      ))}
      <Title order={3} mt="md">
        {ar.researcher.requestReferrals}
      </Title>
      {requestReferrals.isSuccess && requests.length === 0 && (
        <Paper withBorder p="md">
          <Text c="dimmed" ta="center" size="sm">
            {ar.researcher.noRequestReferrals}
          </Text>
        </Paper>
      )}
      {requests.map((r) => (
        <RequestReferralRow key={r.id} summary={r} canAnswer={mayCall(user.role, 'requests.addNote')} />
      ))}
    </Stack>
  );
}
