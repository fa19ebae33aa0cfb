import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { BeneficiaryProfile, InputOf } from '@shared/contract';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ConflictAlert } from '../ui/ConflictAlert';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useDraft } from '../ui/useDraft';
import { DuplicateAlert } from './DuplicateAlert';
import { FamilyMembersTable } from './FamilyMembersTable';
import { ProfileFields } from './ProfileFields';
import { profileSchema, toProfileValues, type ProfileValues } from './profile-values';
import { notifySaved } from '../ui/notify';

type Update = InputOf<'beneficiaries.update'>;

/**
 * The whole file, edited in place. Saving sends the version the edit started from, so a save over
 * someone else's newer one is refused (the core names who); nothing typed is lost meanwhile — it
 * stays on screen and in this machine's drafts until it is saved or deliberately dropped.
 */
export function ProfileForm({ profile }: { profile: BeneficiaryProfile }) {
  const draft = useDraft<{ version: number; values: ProfileValues }>(`profile-${profile.id}`);
  const [baseVersion, setBaseVersion] = useState(draft.saved?.version ?? profile.version);
  const form = useForm<ProfileValues, unknown, z.output<typeof profileSchema>>({
    resolver: zodResolver(profileSchema),
    defaultValues: toProfileValues(profile),
    // Checked on save, then as the clerk corrects (see EnrolBeneficiaryForm).
    mode: 'onSubmit',
  });
  const [badDates, setBadDates] = useState<Record<string, boolean>>({});
  const onDateValidity = (key: string, invalid: boolean) => setBadDates((d) => (d[key] === invalid ? d : { ...d, [key]: invalid }));
  const sent = useRef<Update | null>(null);

  useEffect(() => {
    // Restored once, on opening the file: what was typed before a crash or a closed window.
    if (draft.saved) form.reset(draft.saved.values, { keepDefaultValues: true });
  }, [form, draft]);

  const dirty = form.formState.isDirty;
  useEffect(() => {
    // Only the clerk's own edits (a reset has no field name) are kept as a draft.
    const sub = form.watch((values, { name }) => name && draft.save({ version: baseVersion, values: values as ProfileValues }));
    return () => sub.unsubscribe();
  }, [form, draft, baseVersion]);

  // A newer file saved elsewhere replaces the form only while nothing here is being edited.
  useEffect(() => {
    if (profile.version !== baseVersion && !dirty) {
      form.reset(toProfileValues(profile));
      setBaseVersion(profile.version);
    }
  }, [profile, baseVersion, dirty, form]);

  const update = useOpMutation('beneficiaries.update', {
    onSuccess: (saved) => {
      draft.clear();
      form.reset(toProfileValues(saved));
      setBaseVersion(saved.version);
      notifySaved(ar.profile.saved);
    },
    onError: (error) => {
      for (const issue of error.issues ?? []) {
        const path = issue.path[0] === 'profile' ? issue.path.slice(1) : issue.path;
        form.setError(path.join('.') as keyof ProfileValues, { message: issue.message });
      }
    },
  });

  const save = (version: number, confirmDuplicates = false) => {
    if (update.isPending) return;
    sent.current = { beneficiaryId: profile.id, version, profile: form.getValues(), confirmDuplicates };
    update.mutate(sent.current);
  };
  const hasBadDate = Object.values(badDates).some(Boolean);
  const error = update.error;

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={form.handleSubmit(() => {
          if (!hasBadDate) save(baseVersion);
        })}
      >
        <Stack gap="sm">
          <ProfileFields form={form} onDateValidity={onDateValidity} />
          <Title order={5} mt="sm">
            {ar.profile.familySection}
          </Title>
          <FamilyMembersTable form={form} onDateValidity={onDateValidity} />

          {error?.code === 'conflict' && (
            <ConflictAlert
              error={error}
              busy={update.isPending}
              onKeepMine={() => save(profile.version)}
              onShowSaved={() => {
                draft.clear();
                form.reset(toProfileValues(profile));
                setBaseVersion(profile.version);
                update.reset();
              }}
            />
          )}
          {error?.code === 'duplicate' && (
            <DuplicateAlert error={error} busy={update.isPending} onSaveAnyway={() => sent.current && save(sent.current.version, true)} />
          )}
          <ErrorAlert error={error && !['conflict', 'duplicate'].includes(error.code) ? error : null} fields={['profile']} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {profile.updatedBy &&
                fill(ar.profile.lastUpdate, { by: profile.updatedBy, at: `${formatBothDates(profile.updatedAt)} ${formatTime(profile.updatedAt)}` })}
              {dirty && (profile.updatedBy ? ` · ${ar.edits.unsaved}` : ar.edits.unsaved)}
            </Text>
            <Button type="submit" loading={update.isPending} disabled={hasBadDate} data-testid="profile-save">
              {ar.profile.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
