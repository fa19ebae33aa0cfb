import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { BeneficiaryProfile } from '@shared/contract';
import { formatHijri } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { RequestCards } from '../requests/RequestCards';

/** What the association already did with this person: requests with their states, visits with their outcomes. */
export function ProfileHistory({ profile }: { profile: BeneficiaryProfile }) {
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {ar.profile.requests}
        </Title>
        {profile.requests.length === 0 ? (
          <Text size="sm" c="dimmed">
            {ar.profile.noRequests}
          </Text>
        ) : (
          <RequestCards requests={profile.requests} />
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {ar.profile.visits}
        </Title>
        {profile.visits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {ar.profile.noVisits}
          </Text>
        ) : (
          <Table verticalSpacing={4} data-testid="profile-visits">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ar.profile.day}</Table.Th>
                <Table.Th>{ar.profile.ticket}</Table.Th>
                <Table.Th>{ar.profile.reason}</Table.Th>
                <Table.Th>{ar.profile.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.visits.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Text size="sm">{formatHijri(v.day)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <span className="ltr tabular">{v.ticket}</span>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ar.reasons[v.reason]}</Text>
                    {v.outcome && (
                      <Text size="xs" c="dimmed">
                        {ar.outcomes[v.outcome]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {/* The state in full: a narrow column would otherwise cut the badge to «قيد الخد…». */}
                    <Badge size="sm" variant="light" color="gray" miw="max-content">
                      {ar.visitStates[v.state]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
