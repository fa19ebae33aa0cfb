import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ComplaintView } from '@shared/contract';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@shared/domain/complaints';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { submitKeys } from '../ui/submit-keys';
import { ComplaintReceived } from './ComplaintReceived';

const C = ar.complaints;

export const CATEGORY_OPTIONS = COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: C.categories[c] }));

/**
 * P8: a complaint or suggestion received by phone, letter, the website… (a complaint visit at the desk
 * is recorded by finishing it). Once saved the dialog shows its acknowledgement number to read out.
 */
export function NewComplaintModal({ onClose }: { onClose: () => void }) {
  const [channel, setChannel] = useState<Channel>('phone');
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [text, setText] = useState('');
  const [received, setReceived] = useState<ComplaintView | null>(null);
  const create = useOpMutation('complaints.create', { onSuccess: setReceived });

  return (
    <Modal opened onClose={onClose} title={C.newTitle} size="lg">
      {received ? (
        <Stack>
          <ComplaintReceived complaint={received} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus data-testid="complaint-done">
              {ar.ui.back}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!create.isPending) create.mutate({ channel, text, category: category ?? undefined });
          }}
          onKeyDownCapture={submitKeys}
          data-testid="new-complaint-form"
        >
          <Stack>
            <Group grow>
              <Select
                label={C.channel}
                data={CHANNELS.map((c) => ({ value: c, label: ar.channels[c] }))}
                value={channel}
                onChange={(v) => v && setChannel(v as Channel)}
                allowDeselect={false}
                data-testid="complaint-channel"
              />
              <Select
                label={C.category}
                placeholder={C.noCategory}
                data={CATEGORY_OPTIONS}
                value={category}
                onChange={(v) => setCategory(v as ComplaintCategory | null)}
                clearable
                data-testid="complaint-category"
              />
            </Group>
            <Textarea
              label={C.text}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              withAsterisk
              autosize
              minRows={4}
              data-autofocus
              error={fieldError(create.error, 'text')}
              data-testid="complaint-text"
            />
            <ErrorAlert error={create.error} fields={['text']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {ar.ui.back}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="complaint-save">
                {C.receive}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The «شكوى أو اقتراح» action: any member of staff receives one from wherever it came. */
export function NewComplaintButton({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant="light" color="grape" onClick={() => setOpen(true)} data-testid="new-complaint">
        {C.action}
      </Button>
      {open && <NewComplaintModal onClose={() => setOpen(false)} />}
    </>
  );
}
