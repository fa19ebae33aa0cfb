import { Alert, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { StoreMovePhase } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

/** The phases counted in rows of a table (or files): the others only say what is being done. */
const COUNTED = new Set<StoreMovePhase>(['tables', 'files', 'verify']);

/**
 * «نقل المخزن إلى PostgreSQL» (docs/architecture.md#the-two-stores), for the administrator of a desk on its own SQLite store: the
 * address of an empty database, a question first, then the move's progress and how it ended. The core
 * does the move (store.migrateTo) and checks it; this card follows store.migrationStatus. Pointing the
 * desks at the database afterwards is the connection settings' job.
 */
export function StoreMoveCard() {
  // Asked again while the last answer says a move is under way, and only then: the move's start reads
  // the status anew (the mutation's invalidation), and a move that ended before that answer is not followed.
  const status = useOp('store.migrationStatus', {}, { refetchInterval: (query) => (query.state.data?.job ? 400 : false), refetchIntervalInBackground: true });
  const [url, setUrl] = useState('');
  // The address may carry the server's password: shown only while the field is being edited, masked
  // the rest of the time (the card stays on screen through a move, and over the confirmation).
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const job = status.data?.job ?? null;
  const last = status.data?.last ?? null;
  const move = useOpMutation('store.migrateTo', {
    onSuccess: () => setAsking(false),
    onError: () => setAsking(false),
  });

  if (status.data?.storeKind !== 'sqlite') return null;
  const busy = job !== null || move.isPending;

  return (
    <Paper withBorder p="md" data-testid="store-move-card">
      <Stack>
        <Title order={5}>{ar.storeMove.title}</Title>
        <Text size="sm" c="dimmed">
          {ar.storeMove.explain}
        </Text>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={ar.storeMove.url}
            description={ar.storeMove.urlHint}
            placeholder="postgres://istiqbal@192.168.1.10:5432/istiqbal"
            value={editing ? url : withPasswordMasked(url)}
            onFocus={() => setEditing(true)}
            onBlur={() => setEditing(false)}
            onChange={(e) => setUrl(e.currentTarget.value)}
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            error={fieldError(move.error, 'url')}
            data-testid="store-move-url"
          />
          <Button mt={44} color="orange" variant="light" disabled={busy || url.trim() === ''} onClick={() => setAsking(true)} data-testid="store-move-start">
            {ar.storeMove.start}
          </Button>
        </Group>
        <ErrorAlert error={move.error} fields={['url']} />

        {job && (
          <Stack gap={4} data-testid="store-move-progress">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {ar.storeMove.phases[job.phase]}
                {COUNTED.has(job.phase) && ` — ${fill(ar.storeMove.progressLine, { table: job.table ?? ar.storeMove.filesLabel, done: job.done, total: job.total })}`}
              </Text>
              <Text size="sm" className="ltr">
                {Math.round(job.fraction * 100)}٪
              </Text>
            </Group>
            <Progress value={job.fraction * 100} animated striped />
          </Stack>
        )}
        {last && !job && (
          <Alert color={last.ok ? 'teal' : 'red'} variant="light" title={last.ok ? ar.storeMove.doneTitle : ar.storeMove.failedTitle} data-testid="store-move-result">
            <Stack gap={4}>
              <Text size="sm">{last.message}</Text>
              <Text size="xs" c="dimmed" dir="ltr" ta="left" style={{ wordBreak: 'break-all' }}>
                {last.target}
              </Text>
            </Stack>
          </Alert>
        )}
      </Stack>

      {asking && (
        <ConfirmModal
          title={ar.storeMove.confirmTitle}
          message={ar.storeMove.confirmText}
          confirmLabel={ar.storeMove.confirm}
          onCancel={() => setAsking(false)}
          onConfirm={() => !move.isPending && move.mutate({ url: url.trim(), confirmed: true })}
        >
          <Text size="sm" dir="ltr" ta="left" style={{ wordBreak: 'break-all' }} data-testid="store-move-target">
            {withPasswordMasked(url.trim())}
          </Text>
        </ConfirmModal>
      )}
    </Paper>
  );
}

/** postgres://user:PASSWORD@host/… with the password as ****. */
function withPasswordMasked(url: string): string {
  return url.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:****@');
}
