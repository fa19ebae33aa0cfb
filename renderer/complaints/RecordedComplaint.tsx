import { Button, Group, Modal, Stack } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import type { FinishedVisitView } from '@shared/contract/visits';
import { ar } from '@shared/labels/ar';
import { ComplaintReceived } from './ComplaintReceived';

type Recorded = NonNullable<FinishedVisitView['complaint']>;

// The finish dialog goes with the visit's card as soon as the visit is done: the number it recorded is
// shown by this dialog of the desk's own, which stays.
let current: Recorded | null = null;
const listeners = new Set<() => void>();
function set(next: Recorded | null) {
  current = next;
  for (const l of listeners) l();
}

/** P8: shows the acknowledgement number of the complaint a visit's finish just recorded. */
export function showRecordedComplaint(complaint: Recorded): void {
  set(complaint);
}

/** Mounted once in the desk: the number to read out, and its slip to print, until the receptionist closes it. */
export function RecordedComplaintDialog() {
  const shown = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  if (!shown) return null;
  return (
    <Modal opened onClose={() => set(null)} title={ar.complaints.received} size="lg">
      <Stack>
        <ComplaintReceived complaint={shown} />
        <Group justify="flex-end">
          <Button onClick={() => set(null)} data-autofocus data-testid="complaint-done">
            {ar.ui.back}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
