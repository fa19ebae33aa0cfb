import { Center, Stack, Text, Title } from '@mantine/core';
import type { DeviceView } from '../../shared/contract';
import { ar, fill } from '../../shared/labels/ar';

/** A device screen at rest: the association's name and the desk it belongs to, large enough to read across a room. */
export function DeviceIdle({ device }: { device: DeviceView }) {
  return (
    <Center h="100%" data-testid={device.kind === "display" ? "hall-display" : "device-idle"}>
      <Stack align="center" gap="lg">
        <Title order={1} fz={64}>
          {device.associationName}
        </Title>
        <Text fz={40}>{ar.devices.kioskWelcome}</Text>
        <Text fz={28} c="dimmed">
          {fill(ar.devices.kioskDesk, { desk: device.desk.name })}
        </Text>
      </Stack>
    </Center>
  );
}
