import { Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { BeneficiarySearchHit, UserView } from '@shared/contract';
import { CONTACT_CHANNELS, type ContactChannel } from '@shared/domain/channels';
import { ar } from '@shared/labels/ar';
import { formatMobile } from '@shared/validation/mobile';
import { BeneficiarySearch } from '../check-in/BeneficiarySearch';
import { useOp, useOpMutation } from '../data/operations';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { submitKeys } from '../ui/submit-keys';
import { useToday } from '../ui/useToday';
import { notifySaved } from '../ui/notify';

const c = ar.contacts;
const FIELDS = ['channel', 'name', 'mobile', 'subject', 'answer', 'followUpDue', 'followUpOwnerId'];

type Person = { kind: 'file'; hit: BeneficiarySearchHit } | { kind: 'name'; name: string; mobile: string } | null;

/**
 * A contact on a channel C2–C8 in a few keystrokes: the channel (the phone first), the person found with
 * the check-in's search box or typed by name and mobile, the subject, what was answered, and a follow-up
 * (its day and owner, the caller by default). Ctrl+Enter saves from anywhere in it.
 */
export function LogContactModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const today = useToday();
  const owners = useOp('contacts.owners', {});
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<Person>(null);
  const [subject, setSubject] = useState('');
  const [answer, setAnswer] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [due, setDue] = useState<string | null>(today);
  // The caller owns the follow-up by default; the administrator, who has no contacts tab, picks someone.
  const [ownerId, setOwnerId] = useState<string | null>(user.role === 'admin' ? null : String(user.id));
  // One key per dialog: a double press or a retry after a lost answer logs one contact.
  const [clientKey] = useState(() => crypto.randomUUID());
  const log = useOpMutation('contacts.log', {
    onSuccess: () => {
      notifySaved(c.logged);
      onClose();
    },
  });

  const byName = () => setPerson({ kind: 'name', name: query.trim() && !/\d/.test(query) ? query.trim() : '', mobile: /\d/.test(query) ? query.trim() : '' });

  const submit = () => {
    if (log.isPending) return;
    log.mutate({
      channel,
      ...(person?.kind === 'file' ? { beneficiaryId: person.hit.id } : { name: person?.kind === 'name' ? person.name : undefined, mobile: person?.kind === 'name' ? person.mobile : undefined }),
      subject,
      answer,
      followUpDue: followUp ? due : undefined,
      followUpOwnerId: followUp && ownerId ? Number(ownerId) : undefined,
      clientKey,
    });
  };

  return (
    <Modal opened onClose={onClose} title={c.logTitle} size="xl" data-testid="log-contact">
      <form
        onKeyDownCapture={submitKeys}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label={c.channel}
            data={CONTACT_CHANNELS.map((ch) => ({ value: ch, label: ar.channels[ch] }))}
            value={channel}
            onChange={(v) => v && setChannel(v as ContactChannel)}
            allowDeselect={false}
            withAsterisk
            data-testid="contact-channel"
            error={fieldError(log.error, 'channel')}
          />
          {person === null && (
            <div data-autofocus>
              <BeneficiarySearch query={query} onQuery={setQuery} onPick={(hit) => setPerson({ kind: 'file', hit })} onEnrol={byName} onWalkIn={byName} noEnrolButton />
              {fieldError(log.error, 'name') && (
                <Text size="sm" c="red" mt={4}>
                  {fieldError(log.error, 'name')}
                </Text>
              )}
            </div>
          )}
          {person?.kind === 'file' && (
            <Paper withBorder p="sm" bg="gray.0" data-testid="contact-person">
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={700}>{person.hit.fullName}</Text>
                  {person.hit.mobile && (
                    <Text size="xs" c="dimmed" className="ltr tabular" style={{ textAlign: 'right' }}>
                      {formatMobile(person.hit.mobile)}
                    </Text>
                  )}
                </div>
                <Button size="compact-sm" variant="subtle" onClick={() => setPerson(null)}>
                  {c.changePerson}
                </Button>
              </Group>
            </Paper>
          )}
          {person?.kind === 'name' && (
            <SimpleGrid cols={2}>
              <TextInput
                label={c.name}
                value={person.name}
                onChange={(e) => setPerson({ ...person, name: e.currentTarget.value })}
                withAsterisk
                autoFocus
                data-testid="contact-name"
                error={fieldError(log.error, 'name')}
              />
              <TextInput
                label={c.mobile}
                value={person.mobile}
                onChange={(e) => setPerson({ ...person, mobile: e.currentTarget.value })}
               
                data-testid="contact-mobile"
                error={fieldError(log.error, 'mobile')}
              />
            </SimpleGrid>
          )}
          <TextInput
            label={c.subject}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            withAsterisk
            data-testid="contact-subject"
            error={fieldError(log.error, 'subject')}
          />
          <Textarea
            label={c.answer}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            withAsterisk
            autosize
            minRows={2}
            data-testid="contact-answer"
            error={fieldError(log.error, 'answer')}
          />
          <Checkbox label={c.followUpNeeded} checked={followUp} onChange={(e) => setFollowUp(e.currentTarget.checked)} data-testid="contact-follow-up" />
          {followUp && (
            <SimpleGrid cols={2}>
              <DateInput label={c.followUpDue} value={due} onChange={(v) => setDue(v)} defaultCalendar="gregorian" withAsterisk data-testid="contact-due" error={fieldError(log.error, 'followUpDue')} />
              <Select
                label={c.followUpOwner}
                data={(owners.data ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
                value={ownerId}
                onChange={(v) => v && setOwnerId(v)}
                allowDeselect={false}
                searchable
                withAsterisk
                data-testid="contact-owner"
                error={fieldError(log.error, 'followUpOwnerId')}
              />
            </SimpleGrid>
          )}
          <ErrorAlert error={log.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" loading={log.isPending} data-testid="contact-save">
              {c.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
