import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { RequestEventView } from '@shared/contract';
import { formatHijri, formatGregorian, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { REQUEST_STATE_COLORS } from './RequestStateBadge';

const ACTIONS: Record<string, string> = ar.requestActions;

/** Every step the request took: who, when, what, and the note they left (docs/design.md "A visit" and "A support request"). */
export function RequestTimeline({ events }: { events: RequestEventView[] }) {
  return (
    <Paper withBorder p="md" data-testid="request-timeline">
      <Title order={5} mb="sm">
        {ar.requests.timeline}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {ar.requests.noEvents}
        </Text>
      ) : (
        <Timeline active={events.length} bulletSize={14} lineWidth={2}>
          {events.map((e) => (
            <Timeline.Item
              key={e.id}
              color={e.toState ? REQUEST_STATE_COLORS[e.toState] : 'gray'}
              title={
                <Text size="sm" fw={600}>
                  {ACTIONS[e.action] ?? (e.toState ? ar.requestStates[e.toState] : ar.requests.otherEvent)}
                  {e.toState && e.fromState !== e.toState && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({e.fromState ? `${ar.requestStates[e.fromState]} ← ` : ''}
                      {ar.requestStates[e.toState]})
                    </Text>
                  )}
                </Text>
              }
              data-testid="timeline-event"
              data-action={e.action}
            >
              <Text size="xs" c="dimmed">
                {e.user}
              </Text>
              <Text size="xs" c="dimmed">
                {formatHijri(e.at)} · {formatGregorian(e.at)} · {formatTime(e.at)}
              </Text>
              {e.note && (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {e.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
