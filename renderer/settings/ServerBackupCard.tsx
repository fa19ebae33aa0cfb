import { Code, Paper, Stack, Text, Title } from '@mantine/core';
import type { StoreServerView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { useToday } from '../ui/useToday';
import { serverLine } from './StoreConnectionCard';

const b = ar.backups.onServer;

/** Quoted for a shell when it needs to be (a name with a space or a sign the shell reads). */
const arg = (value: string) => (/^[\w.@:-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`);

/** The server's connection options of PostgreSQL's command-line tools. */
function serverOptions(server: StoreServerView): string {
  return `-h ${arg(server.host)} -p ${server.port} -U ${arg(server.username)}`;
}

/**
 * The backup card when the desk runs on the hall's PostgreSQL server (docs/architecture.md#backups): the store is every
 * desk's, so it is backed up on the server with pg_dump and restored with pg_restore — said here with
 * the command lines for this server — instead of the SQLite store's backup controls, and without the
 * «last backup is old» warning (the desk cannot know when the server was last dumped).
 */
export function ServerBackupCard({ server }: { server: StoreServerView }) {
  const today = useToday();
  const file = `istiqbal-${today}.dump`;
  const options = serverOptions(server);
  return (
    <Paper withBorder p="md" data-testid="server-backup-card">
      <Stack>
        <Title order={5}>
          {ar.backups.title}: {b.title}
        </Title>
        <Text size="sm">{b.intro}</Text>
        <Text size="sm" c="dimmed">
          {fill(b.server, { server: serverLine(server) })}
        </Text>
        <Text size="sm">{b.backupStep}</Text>
        <Code block dir="ltr" data-testid="pg-dump-command">
          {`pg_dump ${options} -Fc -f ${file} ${arg(server.database)}`}
        </Code>
        <Text size="sm">{b.restoreStep}</Text>
        <Code block dir="ltr" data-testid="pg-restore-command">
          {`pg_restore ${options} --no-owner -d ${arg(`${server.database}_restored`)} ${file}`}
        </Code>
        <Text size="sm" c="dimmed">
          {b.schedule} {b.local}
        </Text>
      </Stack>
    </Paper>
  );
}
