import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SettingsView } from '@shared/contract';
import { VISIT_REASONS, type VisitReason } from '@shared/domain/visit';
import { MAX_TARGET_MINUTES, type WaitTarget, type WaitTargets } from '@shared/domain/wait-targets';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

const BANDS = ['warningMinutes', 'targetMinutes', 'criticalMinutes'] as const satisfies readonly (keyof WaitTarget)[];

/** S1: the administrator sets, per visit reason, when a wait warns, its target and when it turns critical. */
export function WaitTargetsCard({ settings }: { settings: SettingsView }) {
  const [targets, setTargets] = useState<WaitTargets>(settings.waitTargets);
  useEffect(() => setTargets(settings.waitTargets), [settings.waitTargets]);
  const update = useOpMutation('settings.update', { onSuccess: () => notifySaved() });
  const set = (reason: VisitReason, band: keyof WaitTarget, value: number) =>
    setTargets((t) => ({ ...t, [reason]: { ...t[reason], [band]: value } }));

  return (
    <Paper withBorder p="md" data-testid="wait-targets">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!update.isPending) update.mutate({ waitTargets: targets });
        }}
      >
        <Stack>
          <Title order={5}>{ar.ui.waitTargetsTitle}</Title>
          <Text size="sm" c="dimmed">
            {ar.ui.waitTargetsHint}
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ar.ui.visitReason}</Table.Th>
                {BANDS.map((b) => (
                  <Table.Th key={b}>{ar.ui[b]}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {VISIT_REASONS.map((reason) => (
                <Table.Tr key={reason} data-reason={reason}>
                  <Table.Td>{ar.reasons[reason]}</Table.Td>
                  {BANDS.map((b) => (
                    <Table.Td key={b}>
                      <NumberInput
                        aria-label={`${ar.reasons[reason]}: ${ar.ui[b]}`}
                        value={targets[reason][b]}
                        onChange={(v) => set(reason, b, Number(v) || 0)}
                        min={1}
                        max={MAX_TARGET_MINUTES}
                        allowDecimal={false}
                        w={110}
                        error={Boolean(fieldError(update.error, 'waitTargets', reason, b))}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {/* The cells are only marked red (no room under each): the banner names which reason and band. */}
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {ar.ui.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
