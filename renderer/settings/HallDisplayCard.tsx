import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { DeskView, SettingsView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { Announcer, CHIME_URL, warmVoices, type Played } from '../display/announcer';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

const SELF_TEST_SAYS: Record<Played, string> = {
  voice: ar.display.selfTestVoice,
  'chime-only': ar.display.selfTestNoVoice,
  blocked: ar.display.selfTestSilent,
};

/**
 * The hall display (S1) for the administrator: its line of text (a shared setting, on every desk's
 * display), how it is opened, and a self-test that plays the chime and a sample call on this PC.
 */
export function HallDisplayCard({ settings, desks }: { settings: SettingsView; desks: DeskView[] }) {
  const [message, setMessage] = useState(settings.displayMessage ?? '');
  useEffect(() => setMessage(settings.displayMessage ?? ''), [settings.displayMessage]);
  const update = useOpMutation('settings.update', { onSuccess: () => notifySaved() });
  const chime = useRef<HTMLAudioElement>(null);
  const [testing, setTesting] = useState(false);
  const [played, setPlayed] = useState<Played | null>(null);
  useEffect(warmVoices, []);

  const selfTest = () => {
    const desk = desks[0];
    setTesting(true);
    setPlayed(null);
    new Announcer(chime.current!)
      .announce({ ticket: `${desk?.ticketPrefix ?? 'A'}-001`, desk: desk?.name ?? '' })
      .then(setPlayed)
      .finally(() => setTesting(false));
  };

  return (
    <Paper withBorder p="md" data-testid="hall-display-card">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!update.isPending) update.mutate({ displayMessage: message.trim() || null });
        }}
      >
        <Stack>
          <Title order={4}>{ar.display.cardTitle}</Title>
          <Text size="sm" c="dimmed">
            {ar.display.cardHint}
          </Text>
          <TextInput
            label={ar.display.message}
            description={ar.display.messageHint}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            maxLength={160}
            error={fieldError(update.error, 'displayMessage')}
          />
          <ErrorAlert error={update.error} fields={['displayMessage']} />
          {played && (
            <Alert color={played === 'voice' ? 'teal' : 'yellow'} variant="light" data-testid="self-test-result">
              {SELF_TEST_SAYS[played]}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={selfTest} loading={testing} data-testid="display-self-test">
              {ar.display.selfTest}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {ar.ui.save}
            </Button>
          </Group>
          <audio ref={chime} src={CHIME_URL} preload="auto" data-testid="self-test-chime" />
        </Stack>
      </form>
    </Paper>
  );
}
