import { Badge, Button, Group, Kbd, Pagination, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { UserView } from '@shared/contract';
import { CONTACTS_PAGE } from '@shared/contract/contacts';
import { formatTime } from '@shared/dates/calendar';
import { CONTACT_CHANNELS, type ContactChannel } from '@shared/domain/channels';
import { FOLLOW_UP_STATES, type FollowUpState } from '@shared/domain/contact';
import { formatCount } from '@shared/labels/count';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useToday } from '../ui/useToday';
import { ContactDetailsModal } from './ContactDetailsModal';
import { FollowUpsCard } from './FollowUpsCard';
import { KEYS } from '../app/keymap';

const c = ar.contacts;
const STATE_COLORS: Record<FollowUpState, string> = { none: 'gray', open: 'blue', due: 'orange', overdue: 'red', done: 'teal' };

/** Contacts on the channels C2–C8 (P4, P5): the user's follow-ups due, and the contacts of a day or range. */
export function ContactsScreen({ user, onLog }: { user: UserView; onLog: () => void }) {
  const today = useToday();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [channel, setChannel] = useState<ContactChannel | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpState | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const days = { from: from ?? today, to: to ?? from ?? today };
  const list = useOp('contacts.list', {
    ...days,
    channels: channel ? [channel] : undefined,
    followUp: followUp ? [followUp] : undefined,
    offset: (page - 1) * CONTACTS_PAGE,
    limit: CONTACTS_PAGE,
  });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / CONTACTS_PAGE));
  const reset = <T,>(set: (v: T) => void) => (v: T) => (set(v), setPage(1));

  return (
    <Stack gap="md" data-testid="contacts-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{c.title}</Title>
          <Text size="sm" c="dimmed">
            {c.hint}
          </Text>
        </div>
        <Button size="md" onClick={onLog} rightSection={<Kbd>{KEYS.logContact.label}</Kbd>} data-testid="log-contact-button">
          {c.logButton}
        </Button>
      </Group>
      <FollowUpsCard onOpen={setOpen} />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" mb="sm">
          <DateInput label={c.from} value={days.from} onChange={(v) => v && reset(setFrom)(v)} defaultCalendar="gregorian" data-testid="contacts-from" />
          <DateInput label={c.to} value={days.to} onChange={(v) => v && reset(setTo)(v)} defaultCalendar="gregorian" data-testid="contacts-to" />
          <Select
            label={c.channel}
            placeholder={c.allChannels}
            data={CONTACT_CHANNELS.map((ch) => ({ value: ch, label: ar.channels[ch] }))}
            value={channel}
            onChange={(v) => reset(setChannel)(v as ContactChannel | null)}
            clearable
            w={220}
            data-testid="contacts-channel"
          />
          <Select
            label={c.followUpFilter}
            placeholder={c.allFollowUps}
            data={FOLLOW_UP_STATES.map((s) => ({ value: s, label: c.followUpStates[s] }))}
            value={followUp}
            onChange={(v) => reset(setFollowUp)(v as FollowUpState | null)}
            clearable
            w={170}
            data-testid="contacts-follow-up"
          />
          <Text size="sm" c="dimmed" ms="auto" data-testid="contacts-total">
            {fill(c.total, { count: formatCount(list.data?.total ?? 0) })}
          </Text>
        </Group>
        <ErrorAlert error={list.error} />
        <Table highlightOnHover striped data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.loggedAt}</Table.Th>
              <Table.Th>{c.channel}</Table.Th>
              <Table.Th>{c.name}</Table.Th>
              <Table.Th>{c.subject}</Table.Th>
              <Table.Th>{c.loggedBy}</Table.Th>
              <Table.Th>{c.followUpFilter}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.rows.map((r) => {
              const state = r.followUp?.state ?? 'none';
              return (
                <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(r.id)} data-testid="contact-row" data-contact={r.id}>
                  <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {days.from !== days.to && `${r.day} `}
                    {formatTime(r.loggedAt)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{ar.channels[r.channel]}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.subject}</Table.Td>
                  <Table.Td>{r.loggedBy}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[state]} variant="light">
                      {c.followUpStates[state]}
                    </Badge>
                    {r.followUp && (
                      <Text size="xs" c="dimmed">
                        {r.followUp.owner.fullName}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {list.data && list.data.total === 0 && (
          <Text size="sm" c="dimmed" ta="center" mt="sm">
            {c.empty}
          </Text>
        )}
        {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} mt="sm" />}
      </Paper>
      {open !== null && <ContactDetailsModal contactId={open} user={user} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
