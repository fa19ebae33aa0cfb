import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ContactSummary } from '@shared/contract';
import { formatBothDates } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { CompleteFollowUpModal } from './CompleteFollowUpModal';

/** The user's follow-ups due today or late (P4), the oldest first, each closed from here. */
export function FollowUpsCard({ onOpen }: { onOpen: (id: number) => void }) {
  const due = useOp('contacts.followUps', {});
  const [closing, setClosing] = useState<ContactSummary | null>(null);
  const list = due.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="my-follow-ups">
      <Title order={5} mb="xs">
        {ar.contacts.myFollowUps}
      </Title>
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          {ar.contacts.noFollowUps}
        </Text>
      )}
      <Stack gap={6}>
        {list.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" data-testid="my-follow-up" data-contact={c.id}>
            <div style={{ minWidth: 0, cursor: 'pointer' }} onClick={() => onOpen(c.id)}>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} size="sm" truncate>
                  {c.name}
                </Text>
                <Badge size="xs" color={c.followUp!.state === 'overdue' ? 'red' : 'orange'} variant="light">
                  {ar.contacts.followUpStates[c.followUp!.state]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" truncate>
                {ar.channels[c.channel]} · {c.subject} · {formatBothDates(c.followUp!.due)}
              </Text>
            </div>
            <Button size="compact-sm" variant="light" onClick={() => setClosing(c)} data-testid="close-follow-up">
              {ar.contacts.complete}
            </Button>
          </Group>
        ))}
      </Stack>
      {closing && <CompleteFollowUpModal contact={closing} onClose={() => setClosing(null)} />}
    </Paper>
  );
}
