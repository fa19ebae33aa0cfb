import { Alert, Button, Group, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ConnectionTestView, InputOf, StoreConnectionView, StoreServerView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

const s = ar.storeConnection;

/** «mydb على db.local:5432، المستخدم desk» */
export function serverLine(server: StoreServerView): string {
  return fill(s.serverLine, { host: server.host, port: server.port, database: server.database, username: server.username }) + (server.tls ? ` (${s.tlsOn})` : '');
}

type Form = Omit<InputOf<'store.saveConnection'>, 'password'> & { password: string };

function formFrom(view: StoreConnectionView): Form {
  const server = view.saved ?? view.current.server;
  return server
    ? { host: server.host, port: server.port, database: server.database, username: server.username, tls: server.tls, password: '' }
    : { host: '', port: 5432, database: 'istiqbal', username: 'istiqbal', tls: false, password: '' };
}

const TEST_COLOR = (found: ConnectionTestView) => (found.usable ? 'teal' : found.state ? 'orange' : 'red');

/**
 * The administrator points this PC's desk at the hall's PostgreSQL server (docs/architecture.md#the-two-stores): what it runs on
 * now, the server saved for its next start, «اختبار الاتصال» and «حفظ». The choice is this PC's alone;
 * the desk opens it when restarted.
 */
export function StoreConnectionCard({ connection }: { connection: StoreConnectionView }) {
  const [form, setForm] = useState<Form>(() => formFrom(connection));
  const [asked, setAsked] = useState(false);
  const test = useOpMutation('store.testConnection');
  const save = useOpMutation('store.saveConnection', { onSuccess: () => setForm((f) => ({ ...f, password: '' })) });
  const forget = useOpMutation('store.forgetConnection', { onSettled: () => setAsked(false) });
  // A save (here or at another window of this desk) shows what is now saved, the password field emptied.
  const savedKey = `${connection.saved?.savedAt ?? ''}|${connection.current.kind}`;
  const [shownKey, setShownKey] = useState(savedKey);
  if (shownKey !== savedKey) {
    setShownKey(savedKey);
    setForm(formFrom(connection));
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    test.reset();
  };
  const input = (): InputOf<'store.saveConnection'> => ({ ...form, password: form.password || undefined });
  const found = test.data;
  // The field to look at: where the test pointed, or where a refused save put its message.
  const marked = (field: keyof Form) => (found && !found.usable && found.problem === field) || !!fieldError(test.error ?? save.error, field);
  const busy = test.isPending || save.isPending;
  const current = connection.current;

  return (
    <Paper withBorder p="md" data-testid="store-connection-card">
      <Stack>
        <Title order={5}>{s.title}</Title>
        <Text size="sm" c="dimmed">
          {s.intro}
        </Text>
        <Text size="sm" data-testid="store-current">
          {current.kind === 'postgres' && current.server ? fill(s.currentPostgres, { server: serverLine(current.server) }) : s.currentSqlite}
        </Text>
        {connection.overridden && (
          <Text size="sm" c="orange">
            {current.source === 'environment' ? s.sourceEnvironment : s.sourceFlag} {connection.saved ? s.overridden : ''}
          </Text>
        )}
        {connection.saved && (
          <Text size="sm" data-testid="store-saved">
            {fill(s.savedLine, { server: serverLine(connection.saved) })}
          </Text>
        )}
        {connection.restartNeeded && (
          <Alert color="blue" variant="light" data-testid="store-restart">
            {connection.saved ? s.restartNeeded : s.restartToLocal}
          </Alert>
        )}

        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) save.mutate(input());
          }}
        >
          <Stack>
            <SimpleGrid cols={3}>
              <TextInput
                label={s.host}
                placeholder={s.hostHint}
                value={form.host}
                onChange={(e) => set('host', e.currentTarget.value)}
                dir="ltr"
                error={marked('host') ? (fieldError(save.error ?? test.error, 'host') ?? true) : undefined}
                data-testid="store-host"
              />
              <NumberInput
                label={s.port}
                value={form.port}
                onChange={(v) => set('port', Number(v) || 0)}
                min={1}
                max={65535}
                hideControls
                dir="ltr"
                error={marked('port') ? (fieldError(save.error ?? test.error, 'port') ?? true) : undefined}
                data-testid="store-port"
              />
              <TextInput
                label={s.database}
                value={form.database}
                onChange={(e) => set('database', e.currentTarget.value)}
                dir="ltr"
                error={marked('database') ? (fieldError(save.error ?? test.error, 'database') ?? true) : undefined}
                data-testid="store-database"
              />
              <TextInput
                label={s.username}
                value={form.username}
                onChange={(e) => set('username', e.currentTarget.value)}
                dir="ltr"
                error={marked('username') ? (fieldError(save.error ?? test.error, 'username') ?? true) : undefined}
                data-testid="store-username"
              />
              <PasswordInput
                label={s.password}
                placeholder={connection.saved?.passwordKept ? s.passwordKeptShort : undefined}
                value={form.password}
                onChange={(e) => set('password', e.currentTarget.value)}
                dir="ltr"
                autoComplete="new-password"
                error={marked('password') ? (fieldError(save.error ?? test.error, 'password') ?? true) : undefined}
                data-testid="store-password"
              />
              <Switch
                mt={28}
                label={s.tls}
                description={s.tlsHint}
                checked={form.tls}
                onChange={(e) => set('tls', e.currentTarget.checked)}
                error={marked('tls') ? true : undefined}
                data-testid="store-tls"
              />
            </SimpleGrid>
            {connection.saved?.passwordKept && (
              <Text size="xs" c="dimmed" mt={-8}>
                {s.passwordKept}
              </Text>
            )}

            {found && (
              <Alert color={TEST_COLOR(found)} variant="light" role="status" data-testid="store-test-result" data-usable={found.usable}>
                {found.message}
              </Alert>
            )}
            <ErrorAlert error={test.error ?? save.error ?? forget.error} fields={['host', 'port', 'database', 'username', 'password']} />

            <Group justify="space-between">
              <Group>
                <Button variant="light" loading={test.isPending} disabled={busy} onClick={() => test.mutate(input())} data-testid="store-test">
                  {s.test}
                </Button>
                <Button type="submit" loading={save.isPending} disabled={busy} data-testid="store-save">
                  {s.save}
                </Button>
              </Group>
              {connection.saved && (
                <Button variant="subtle" color="orange" onClick={() => setAsked(true)} data-testid="store-forget">
                  {s.forget}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
      {asked && (
        <ConfirmModal
          title={s.forgetTitle}
          message={s.forgetText}
          confirmLabel={s.forgetConfirm}
          onCancel={() => setAsked(false)}
          onConfirm={() => !forget.isPending && forget.mutate({})}
        />
      )}
    </Paper>
  );
}
