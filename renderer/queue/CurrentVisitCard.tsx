import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { UserView, VisitView } from '../../shared/contract';
import { formatTime } from '../../shared/dates/calendar';
import { ar } from '../../shared/labels/ar';
import { VisitActions } from './VisitActions';

/** The visitor this user is serving now, kept in view above the list. */
export function CurrentVisitCard({ visit, user }: { visit: VisitView; user: UserView }) {
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
        <VisitActions visit={visit} user={user} size="sm" />
      </Group>
    </Paper>
  );
}
