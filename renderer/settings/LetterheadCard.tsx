import { Button, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SettingsView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { readBase64 } from '../ui/read-file';
import { notifySaved } from '../ui/notify';

const FIELDS = [
  ['associationBranch', ar.printing.branch, 'rtl'],
  ['associationLicence', ar.printing.licence, 'rtl'],
  ['associationPhone', ar.printing.phone, 'ltr'],
  ['associationWebsite', ar.printing.website, 'ltr'],
  ['associationAddress', ar.printing.address, 'rtl'],
] as const;
type Field = (typeof FIELDS)[number][0];

const LOGO_MAX_BYTES = 500 * 1024;

/** The logo is PNG or JPEG (the core draws either); which one, from its first bytes. */
function logoSrc(base64: string): string {
  return `data:${base64.startsWith('/9j/') ? 'image/jpeg' : 'image/png'};base64,${base64}`;
}

/** The letterhead printed on every document: the association's branch, licence, address, phone, website and logo. */
export function LetterheadCard({ settings }: { settings: SettingsView }) {
  const [values, setValues] = useState<Record<Field, string>>(() => fromSettings(settings));
  const [logo, setLogo] = useState<string | null>(settings.associationLogoBase64);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setValues(fromSettings(settings));
    setLogo(settings.associationLogoBase64);
  }, [settings]);
  const update = useOpMutation('settings.update', { onSuccess: () => notifySaved() });

  const logoProblem = problem ?? fieldError(update.error, 'associationLogoBase64');

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setProblem(ar.printing.logoType);
    if (file.size > LOGO_MAX_BYTES) return setProblem(ar.messages.logoTooLarge);
    setLogo(await readBase64(file));
  };

  return (
    <Paper withBorder p="md" data-testid="letterhead-card">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (update.isPending) return;
          const text = Object.fromEntries(FIELDS.map(([key]) => [key, values[key].trim() || null]));
          update.mutate({ ...text, associationLogoBase64: logo });
        }}
      >
        <Stack>
          <Title order={5}>{ar.printing.letterhead}</Title>
          <SimpleGrid cols={2}>
            {FIELDS.map(([key, label, dir]) => (
              <TextInput
                key={key}
                label={label}
                value={values[key]}
                onChange={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
                dir={dir}
                error={fieldError(update.error, key)}
                data-testid={`letterhead-${key}`}
              />
            ))}
          </SimpleGrid>
          <Group align="center" gap="md">
            <Text size="sm" fw={500}>
              {ar.printing.logo}
            </Text>
            {logo ? (
              <Image src={logoSrc(logo)} alt={ar.printing.logo} h={64} w="auto" fit="contain" data-testid="letterhead-logo" />
            ) : (
              <Text size="sm" c="dimmed">
                {ar.printing.noLogo}
              </Text>
            )}
            <FileButton onChange={(f) => void pickLogo(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button {...props} size="xs" variant="light" data-testid="letterhead-logo-pick">
                  {ar.printing.chooseLogo}
                </Button>
              )}
            </FileButton>
            {logo && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setLogo(null)}>
                {ar.printing.removeLogo}
              </Button>
            )}
          </Group>
          {logoProblem && (
            <Text size="sm" c="red" role="alert">
              {logoProblem}
            </Text>
          )}
          <ErrorAlert error={update.error} fields={[...FIELDS.map(([key]) => key), 'associationLogoBase64']} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="letterhead-save">
              {ar.ui.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function fromSettings(s: SettingsView): Record<Field, string> {
  return Object.fromEntries(FIELDS.map(([key]) => [key, s[key] ?? ''])) as Record<Field, string>;
}
