import { Button, Group, List, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { ar, fill } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';

/**
 * Opens a support request (P4, P5): at the desk from the visit being served (channel C1, the
 * interview), or from the file for a contact on any of the eight channels, which must be named.
 */
export function OpenRequestModal({
  beneficiary,
  visitId,
  contactId,
  channel: fromVisit,
  onClose,
}: {
  beneficiary: { id: number; fullName: string };
  visitId?: number;
  /** From a contact (C2–C8): the request keeps the contact's channel, given as `channel`. */
  contactId?: number;
  channel?: Channel;
  onClose: () => void;
}) {
  const pages = usePages();
  const services = useOp('catalogue.services', {});
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel | null>(fromVisit ?? null);
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<number | ''>('');
  const open = useOpMutation('requests.open', {
    onSuccess: (request) => {
      onClose();
      pages.open({ kind: 'request', requestId: request.id });
    },
  });
  const service = services.data?.find((s) => String(s.id) === serviceId);
  const ready = serviceId && channel;

  return (
    <Modal opened onClose={onClose} title={fill(ar.requests.openTitle, { name: beneficiary.fullName })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready || open.isPending) return;
          open.mutate({
            beneficiaryId: beneficiary.id,
            serviceTypeId: Number(serviceId),
            channel,
            visitId,
            contactId,
            description: description || undefined,
            requestedAmount: amount === '' ? undefined : amount,
          });
        }}
      >
        <Stack>
          <Select
            label={ar.requests.serviceType}
            data={(services.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={serviceId}
            onChange={setServiceId}
            withAsterisk
            searchable
            data-autofocus
            data-testid="open-service"
            error={fieldError(open.error, 'serviceTypeId')}
          />
          {service && service.requiredDocuments.length > 0 && (
            <div>
              <Text size="sm" fw={500}>
                {ar.catalogue.requiredDocuments}
              </Text>
              <List size="sm">
                {service.requiredDocuments.map((d) => (
                  <List.Item key={d.id}>{d.name}</List.Item>
                ))}
              </List>
            </div>
          )}
          <Select
            label={ar.ui.channel}
            data={CHANNELS.map((c) => ({ value: c, label: ar.channels[c] }))}
            value={channel}
            onChange={(v) => setChannel(v as Channel | null)}
            allowDeselect={false}
            withAsterisk
            disabled={contactId !== undefined}
            data-testid="open-channel"
          />
          <Textarea label={ar.requests.description} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
          <NumberInput
            label={ar.requests.requestedAmount}
            value={amount}
            onChange={(v) => setAmount(v === '' ? '' : Number(v))}
            thousandSeparator=","
            className="tabular"
            error={fieldError(open.error, 'requestedAmount')}
            data-testid="open-amount"
          />
          <ErrorAlert error={open.error} fields={['serviceTypeId', 'requestedAmount']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ar.ui.back}
            </Button>
            <Button type="submit" disabled={!ready} loading={open.isPending} data-testid="open-request">
              {ar.requests.open}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
