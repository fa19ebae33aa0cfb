import { Paper, Stack, Switch, Title } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

const c = ar.computer;

/**
 * Settings of this computer, not of the association: start with Windows. The desktop app on the desk PC sets
 * it in Windows' own record for this user; through the loopback shell (a browser) the control is shown off and
 * says where it is set.
 */
export function ThisComputerCard() {
  const state = useOp('computer.startWithSystem', {});
  const update = useOpMutation('computer.setStartWithSystem', {
    onSuccess: (view) => notifySaved(view.enabled ? c.startWithSystemOn : c.startWithSystemOff),
  });
  const available = state.data?.available === true;
  return (
    <Paper withBorder p="md" data-testid="this-computer">
      <Stack gap="sm">
        <Title order={5}>{c.thisComputer}</Title>
        <Switch
          label={c.startWithSystem}
          description={available ? c.startWithSystemHint : c.startWithSystemUnavailable}
          checked={state.data?.enabled ?? false}
          disabled={!available || update.isPending}
          onChange={(e) => {
            if (!update.isPending) update.mutate({ startWithSystem: e.currentTarget.checked });
          }}
          data-testid="start-with-system"
        />
        <ErrorAlert error={state.error ?? update.error} />
      </Stack>
    </Paper>
  );
}
