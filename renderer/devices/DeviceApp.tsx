import { ActionIcon, Center, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DeviceKind } from '@shared/domain/devices';
import { ar } from '@shared/labels/ar';
import { ServerGoneBanner } from '../app/ServerGoneBanner';
import { useLiveChanges } from '../app/useLiveChanges';
import { useLiveRevision } from '../app/useLiveRevision';
import { useOp } from '../data/operations';
import { CloseDeviceDialog } from './CloseDeviceDialog';
import { DEVICE_SCREENS } from './device-screens';

/**
 * A device screen's page (the hall display, the kiosk): its own device session, nobody signed in, no
 * lock. It follows the hall as a desk does — pushed changes on PostgreSQL, the revision polled on SQLite
 * — and leaves only with a staff member's password.
 */
export function DeviceApp({ kind }: { kind: DeviceKind }) {
  const live = useLiveChanges();
  const [closed, setClosed] = useState(false);
  const onClosed = () => {
    setClosed(true);
    // A window the desk opened closes itself; one the browser will not let go shows the message instead.
    window.close();
  };
  if (closed) return <Message text={ar.devices.closed} testId="device-closed" />;
  return (
    <>
      <DeviceFrame kind={kind} poll={live.push !== true} onClosed={onClosed} />
      {!live.connected && <ServerGoneBanner />}
    </>
  );
}

function DeviceFrame({ kind, poll, onClosed }: { kind: DeviceKind; poll: boolean; onClosed: () => void }) {
  const device = useOp('devices.current', {}, { staleTime: 0 });
  // Twice a second: the hall display shows a call made at any desk within a second (S1).
  useLiveRevision({ poll: poll && device.isSuccess, everyMs: 500 });
  const [closing, setClosing] = useState(false);
  if (device.isPending) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  // Not a device session (a page typed by hand, or one closed meanwhile), or one of another kind.
  if (!device.data || device.data.kind !== kind) return <Message text={ar.devices.notDevice} testId="not-device" />;
  const Screen = DEVICE_SCREENS[kind];
  return (
    <>
      <Screen device={device.data} />
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={ar.devices.close}
        title={ar.devices.close}
        data-testid="device-close"
        onClick={() => setClosing(true)}
        style={{ position: 'fixed', insetInlineStart: 8, bottom: 8, opacity: 0.35 }}
      >
        ×
      </ActionIcon>
      <CloseDeviceDialog opened={closing} onCancel={() => setClosing(false)} onClosed={onClosed} />
    </>
  );
}

function Message({ text, testId }: { text: string; testId: string }) {
  return (
    <Center h="100%" p="xl">
      <Stack maw={720}>
        <Text fz={28} ta="center" data-testid={testId}>
          {text}
        </Text>
      </Stack>
    </Center>
  );
}
