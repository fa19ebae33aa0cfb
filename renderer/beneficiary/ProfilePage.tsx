import { Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { formatMobile } from '@shared/validation/mobile';
import { mayCall } from '../data/access';
import { useOp } from '../data/operations';
import { OpenRequestModal } from '../requests/OpenRequestModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ProfileForm } from './ProfileForm';
import { ProfileHistory } from './ProfileHistory';

/** The beneficiary's file (P2, S6): everything about the person, their requests and visits. */
export function ProfilePage({ beneficiaryId, user }: { beneficiaryId: number; user: UserView }) {
  const profile = useOp('beneficiaries.profile', { beneficiaryId }, { staleTime: 0 });
  const [opening, setOpening] = useState(false);
  if (profile.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  // A re-read that failed (the server away) keeps the page and what is typed in it as they were.
  if (!profile.data) return <ErrorAlert error={profile.error} />;
  const p = profile.data;

  return (
    <Stack gap="md" data-testid="profile-page">
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={3}>{p.fullName}</Title>
              {p.fileNumber ? (
                <Badge size="lg" color="teal" variant="light" data-testid="file-number">
                  {ar.profile.fileNumber} <span className="ltr tabular">{p.fileNumber}</span>
                </Badge>
              ) : (
                <Badge size="lg" color="gray" variant="outline">
                  {ar.profile.notRegistered}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {ar.idTypes[p.idType]}: <span className="ltr tabular">{p.idNumber}</span>
              {p.mobile && (
                <>
                  {' · '}
                  <span className="ltr tabular">{formatMobile(p.mobile)}</span>
                </>
              )}
            </Text>
          </Stack>
          {mayCall(user.role, 'requests.open') && (
            <Button onClick={() => setOpening(true)} data-testid="profile-new-request">
              {ar.requests.newRequest}
            </Button>
          )}
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ProfileForm key={p.id} profile={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ProfileHistory profile={p} />
        </Grid.Col>
      </Grid>
      {opening && <OpenRequestModal beneficiary={p} onClose={() => setOpening(false)} />}
    </Stack>
  );
}
