import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RequestSummary } from '@shared/contract';
import { formatHijri } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import { RequestStateBadge } from './RequestStateBadge';

/** Requests in a narrow column (a person's file): number and state, then service and date; a click opens one. */
export function RequestCards({ requests }: { requests: RequestSummary[] }) {
  const pages = usePages();
  return (
    <Stack gap={6} data-testid="request-cards">
      {requests.map((r) => (
        <UnstyledButton
          key={r.id}
          onClick={() => pages.open({ kind: 'request', requestId: r.id })}
          p="xs"
          style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
          bg={r.overdue ? 'red.0' : undefined}
          data-testid="request-card"
          data-number={r.number}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={700} size="sm" className="ltr tabular">
              {r.number}
            </Text>
            <Group gap={4} wrap="nowrap">
              {r.overdue && (
                <Badge color="red" size="sm">
                  {ar.requests.overdue}
                </Badge>
              )}
              <RequestStateBadge state={r.state} />
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {r.serviceName} · {ar.channels[r.channel]} · {formatHijri(r.openedAt)}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
