import { Anchor, Button, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { formatMobile } from '@shared/validation/mobile';
import { usePages } from '../app/pages';
import { mayCall } from '../data/access';
import { useOp } from '../data/operations';
import { OpenRequestModal } from '../requests/OpenRequestModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { UserView } from '@shared/contract';

const c = ar.contacts;

/** One contact in full (a recorded read): what was asked and answered, its follow-up, the requests opened from it. */
export function ContactDetailsModal({ contactId, user, onClose }: { contactId: number; user: UserView; onClose: () => void }) {
  const contact = useOp('contacts.get', { contactId });
  const pages = usePages();
  const [opening, setOpening] = useState(false);
  const v = contact.data;
  const line = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
  return (
    <Modal opened onClose={onClose} title={c.details} size="lg" data-testid="contact-details">
      {contact.isLoading && <Loader size="sm" />}
      <ErrorAlert error={contact.error} />
      {v && (
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            {line(c.name, v.name)}
            {line(c.mobile, v.mobile ? <span className="ltr tabular">{formatMobile(v.mobile)}</span> : '—')}
            {line(c.channel, ar.channels[v.channel])}
            {line(c.loggedAt, `${formatBothDates(v.loggedAt)} ${formatTime(v.loggedAt)}`)}
            {line(c.loggedBy, v.loggedBy)}
            {v.followUp && line(c.followUpFilter, `${ar.contacts.followUpStates[v.followUp.state]} · ${v.followUp.owner.fullName} · ${formatBothDates(v.followUp.due)}`)}
          </SimpleGrid>
          {line(c.subject, v.subject)}
          {line(c.answer, v.answer)}
          {v.followUp?.note && line(c.followUpNote, `${v.followUp.note} (${v.followUp.doneBy ?? ''})`)}
          {v.requests.length > 0 &&
            line(
              c.requests,
              v.requests.map((r) => (
                <Anchor key={r.id} component="button" me="sm" className="ltr tabular" onClick={() => (onClose(), pages.open({ kind: 'request', requestId: r.id }))}>
                  {r.number}
                </Anchor>
              )),
            )}
          <Group justify="flex-end">
            {mayCall(user.role, 'requests.open') &&
              (v.beneficiaryId ? (
                <Button variant="light" onClick={() => setOpening(true)} data-testid="contact-open-request">
                  {c.openRequest}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {c.needsFile}
                </Text>
              ))}
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
          </Group>
        </Stack>
      )}
      {opening && v?.beneficiaryId && (
        <OpenRequestModal beneficiary={{ id: v.beneficiaryId, fullName: v.name }} contactId={v.id} channel={v.channel} onClose={() => (setOpening(false), onClose())} />
      )}
    </Modal>
  );
}
