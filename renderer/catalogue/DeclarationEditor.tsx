import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatBothDates } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

/** S4: the declaration's text. Publishing makes a new version; signatures keep the version they were made on. */
export function DeclarationEditor() {
  const declaration = useOp('catalogue.declaration', {});
  const [text, setText] = useState('');
  useEffect(() => {
    if (declaration.data) setText(declaration.data.text);
  }, [declaration.data]);
  const publish = useOpMutation('catalogue.publishDeclaration', {
    onSuccess: (d) => notifySaved(fill(ar.catalogue.published, { version: d.version })),
  });
  const d = declaration.data;
  const changed = !!d && text.trim() !== d.text.trim();

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!publish.isPending) publish.mutate({ text });
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={5}>{ar.catalogue.declaration}</Title>
            {d && (
              <Text size="sm" c="dimmed" data-testid="declaration-version">
                {fill(ar.catalogue.currentVersion, { version: d.version, at: formatBothDates(d.createdAt) })}
              </Text>
            )}
          </Group>
          <Textarea value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={5} aria-label={ar.catalogue.declaration} error={fieldError(publish.error, 'text')} data-testid="declaration-text" />
          <ErrorAlert error={publish.error} fields={['text']} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!changed} loading={publish.isPending} data-testid="publish-declaration">
              {ar.catalogue.publish}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
