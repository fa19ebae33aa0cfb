import { Group, Loader, Text } from '@mantine/core';
import { ar } from '@shared/labels/ar';

/** The strip's height: the desk's header grows by it, so the strip covers nothing on screen. */
export const BANNER_HEIGHT = 44;

/**
 * Shown while the store's server cannot be reached: across the top of the window, above everything
 * (the lock screen and dialogs too), while what is on screen stays as it was underneath.
 */
export function ServerGoneBanner() {
  return (
    <Group
      role="alert"
      data-testid="server-gone"
      justify="center"
      gap="sm"
      wrap="nowrap"
      px="md"
      style={{
        position: 'fixed',
        insetBlockStart: 0,
        insetInline: 0,
        height: BANNER_HEIGHT,
        zIndex: 1000,
        background: 'var(--mantine-color-red-8)',
        color: 'var(--mantine-color-white)',
      }}
    >
      <Loader size="xs" color="white" />
      <Text fw={700} size="md">
        {ar.connection.lost}
      </Text>
      <Text size="sm">{ar.connection.lostDetail}</Text>
    </Group>
  );
}
