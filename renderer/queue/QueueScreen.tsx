import { Badge, Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { memo } from 'react';
import type { UserView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { VISIT_STATES } from '@shared/domain/visit';
import { useScreenVisible, useScreenVisibleRef } from '../app/screen-visible';
import { CheckInPanel } from '../check-in/CheckInPanel';
import { mayCall } from '../data/access';
import { useOp } from '../data/operations';
import { useConfirmableMutation } from '../data/useConfirmableMutation';
import { ConfirmModal } from '../ui/ConfirmModal';
import { dialogOpen } from '../ui/dialog-open';
import { notifyError, notifySaved } from '../ui/notify';
import { CurrentVisitCard } from './CurrentVisitCard';
import { NewComplaintButton } from '../complaints/NewComplaintModal';
import { QueueList } from './QueueList';
import { KEYS } from '../app/keymap';

/** How old an answer may be for the hall, shown again, to take it as just fetched. */
const JUST_FETCHED_MS = 1_000;

/**
 * The home screen (S1): check-in on one side, today's hall on the other. Memoised: it stays mounted
 * under the other tabs, and the tab bar's redraws need not redraw it.
 */
export const QueueScreen = memo(function QueueScreen({ user }: { user: UserView }) {
  const visible = useScreenVisible();
  const visibleNow = useScreenVisibleRef();
  // Hidden under another tab it neither refetches nor redraws; the tab's click fetches it fresh, and
  // the answer that click has just brought is not asked for again as the hall shows (a second list
  // parsed and compared while the first is being drawn). Shown later (a page closed over it), or
  // after a change elsewhere, it is read afresh.
  const queue = useOp(
    'visits.queue',
    {},
    { staleTime: 0, subscribed: visible, refetchOnMount: (q) => q.state.isInvalidated || Date.now() - q.state.dataUpdatedAt > JUST_FETCHED_MS },
  );
  // A desk that receives visitors: check-in beside the hall, and a complaint received there.
  const atDesk = mayCall(user.role, 'visits.checkIn');
  const callsNext = mayCall(user.role, 'visits.callNext');
  const callNext = useConfirmableMutation('visits.callNext', {
    onSuccess: (visit) => {
      if (!visit) notifications.show({ message: ar.messages.queueEmpty, color: 'gray' });
      else notifySaved(fill(ar.ui.calledTicket, { ticket: visit.ticket, name: visit.name }));
    },
    onError: notifyError,
  });
  // S1: one press calls one visitor; a second press while the first is on its way does nothing.
  const next = () => {
    if (callsNext) callNext.run({});
  };
  // F4 belongs to the hall, even from the search box; not under another tab, a file or request opened over it, nor a dialog.
  useHotkeys([[KEYS.callNext.hotkey, () => visibleNow.current && !dialogOpen() && next()]], []);

  const counts = queue.data?.counts;
  const mine = queue.data?.visits.filter((v) => v.state === 'serving' && v.servedBy?.id === user.id) ?? [];

  return (
    <Group align="flex-start" gap="md" wrap="nowrap" h="calc(100vh - 64px - 2 * var(--mantine-spacing-md))">
      {atDesk && (
        <Stack w={430} miw={430} h="100%" gap="md">
          <CheckInPanel />
        </Stack>
      )}
      <Stack flex={1} h="100%" gap="sm" miw={0}>
        <Paper withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            {/* The counts give way (they wrap onto a second line); the buttons never shrink below their words. */}
            <Group gap="xs" data-testid="queue-counts" flex={1} miw={0}>
              {VISIT_STATES.map((s) => (
                <Badge key={s} size="lg" variant={s === 'waiting' ? 'filled' : 'light'} color={STATE_COLORS[s]} data-state={s}>
                  {ar.visitStates[s]}: <span className="tabular">{counts?.[s] ?? 0}</span>
                </Badge>
              ))}
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              {atDesk && <NewComplaintButton />}
              {callsNext && (
                <Button size="md" onClick={next} loading={callNext.pending} data-testid="call-next" rightSection={<Kbd>{KEYS.callNext.label}</Kbd>}>
                  {ar.ui.callNext}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
        {/* F8 / F9 act on the first of them (a desk that confirmed serving two has two cards). */}
        {mine.map((v, i) => (
          <CurrentVisitCard key={v.id} visit={v} user={user} withKeys={i === 0} />
        ))}
        {callNext.asked && (
          <ConfirmModal
            message={callNext.asked.message}
            title={ar.visitDesk.confirmCallTitle}
            confirmLabel={ar.visitDesk.callAnyway}
            onConfirm={callNext.confirm}
            onCancel={callNext.dismiss}
          />
        )}
        {queue.data && queue.data.visits.length === 0 && (
          <Paper withBorder p="xl">
            <Text c="dimmed" ta="center">
              {ar.ui.queueEmptyToday}
            </Text>
          </Paper>
        )}
        {queue.data && queue.data.visits.length > 0 && <QueueList visits={queue.data.visits} user={user} />}
      </Stack>
    </Group>
  );
});

export const STATE_COLORS = {
  waiting: 'orange',
  serving: 'teal',
  referred: 'violet',
  done: 'gray',
  left: 'red',
  cancelled: 'red',
} as const;
