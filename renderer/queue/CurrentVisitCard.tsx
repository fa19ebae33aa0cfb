import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { memo, useState } from 'react';
import type { UserView, VisitView } from '@shared/contract';
import { formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import { mayCall } from '../data/access';
import { OpenRequestModal } from '../requests/OpenRequestModal';
import { VisitActions } from './VisitActions';

/**
 * The visitor this user is serving now, kept in view above the list. Memoised like the list's rows: a
 * fresh hall whose visit did not change (the queue tab shown again) has nothing for it.
 */
export const CurrentVisitCard = memo(function CurrentVisitCard({
  visit,
  user,
  withKeys = false,
}: {
  visit: VisitView;
  user: UserView;
  withKeys?: boolean;
}) {
  const pages = usePages();
  const [opening, setOpening] = useState(false);
  const beneficiaryId = visit.beneficiaryId;
  return (
    <Paper withBorder p="md" bg="teal.0" data-testid="current-visit">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Text fz={32} fw={800} className="tabular ltr">
            {visit.ticket}
          </Text>
          <Stack gap={2}>
            <Group gap={6}>
              <Badge color="teal">{ar.ui.nowServing}</Badge>
              <Text fw={700}>{visit.name}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {ar.reasons[visit.reason]} · {ar.ui.calledAt} {visit.calledAt ? formatTime(visit.calledAt) : ''}
            </Text>
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap">
          {beneficiaryId && (
            <Button size="sm" variant="subtle" onClick={() => pages.open({ kind: 'profile', beneficiaryId })} data-testid="visit-profile">
              {ar.profile.open}
            </Button>
          )}
          {/* A visit for a new support request opens one here, on the interview channel (C1). */}
          {beneficiaryId && visit.reason === 'new_request' && mayCall(user.role, 'requests.open') && (
            <Button size="sm" variant="light" color="blue" onClick={() => setOpening(true)} data-testid="visit-open-request">
              {ar.requests.newRequest}
            </Button>
          )}
          <VisitActions visit={visit} user={user} size="sm" withKeys={withKeys} />
        </Group>
      </Group>
      {opening && beneficiaryId && (
        <OpenRequestModal beneficiary={{ id: beneficiaryId, fullName: visit.name }} visitId={visit.id} channel={visit.channel} onClose={() => setOpening(false)} />
      )}
    </Paper>
  );
});
