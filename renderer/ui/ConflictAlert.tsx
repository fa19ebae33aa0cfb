import { Alert, Button, Group, Text } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import type { CallError } from '../transport/call';

/**
 * Someone else saved first (a stale `version`): the core's message names who and when. What this
 * user typed stays on screen; they choose to save it over the other change or to take the saved one.
 */
export function ConflictAlert({ error, onKeepMine, onShowSaved, busy }: { error: CallError; onKeepMine: () => void; onShowSaved: () => void; busy?: boolean }) {
  return (
    <Alert color="orange" variant="light" role="alert" data-testid="conflict-alert">
      <Text size="sm">{error.message}</Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" color="orange" onClick={onKeepMine} loading={busy} data-testid="keep-mine">
          {ar.edits.keepMine}
        </Button>
        <Button size="xs" variant="default" onClick={onShowSaved} disabled={busy}>
          {ar.edits.showSaved}
        </Button>
      </Group>
    </Alert>
  );
}
