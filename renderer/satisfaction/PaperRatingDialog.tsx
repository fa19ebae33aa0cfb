import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ASPECTS, SCORES, type Aspect } from '@shared/domain/satisfaction';
import { ar } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { notifySaved } from '../ui/notify';

const S = ar.satisfaction;
const scoreData = [...SCORES].reverse().map((s) => ({ value: String(s), label: `${s} · ${S.scores[s]}` }));

/**
 * P6: a rating the visitor wrote on a paper form, typed in by the desk's staff for one of today's
 * finished visits; the core records it as paper, with who typed it.
 */
export function PaperRatingDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // Mounted with the desk's menu: closed, it must not redraw at every answer the hall receives.
  const queue = useOp('visits.queue', {}, { enabled: opened, subscribed: opened });
  const [visitId, setVisitId] = useState<string | null>(null);
  const [overall, setOverall] = useState<string>('');
  const [aspects, setAspects] = useState<Partial<Record<Aspect, string>>>({});
  const [comment, setComment] = useState('');
  const [contactMe, setContactMe] = useState(false);
  const close = () => {
    setVisitId(null);
    setOverall('');
    setAspects({});
    setComment('');
    setContactMe(false);
    submit.reset();
    onClose();
  };
  const submit = useOpMutation('satisfaction.submit', {
    onSuccess: () => {
      notifySaved(S.paperSaved);
      close();
    },
  });
  const finished = (queue.data?.visits ?? []).filter((v) => v.state === 'done');
  return (
    <Modal opened={opened} onClose={close} title={S.paperTitle} size="lg" data-testid="paper-rating">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!visitId || !overall || submit.isPending) return;
          const given = Object.fromEntries(Object.entries(aspects).filter(([, v]) => v).map(([k, v]) => [k, Number(v)]));
          submit.mutate({ visitId: Number(visitId), overall: Number(overall), aspects: given, comment: comment.trim() || undefined, contactMe, anonymous: !contactMe, source: 'paper' });
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {S.paperHint}
          </Text>
          <Select
            label={S.paperVisit}
            data={finished.map((v) => ({ value: String(v.id), label: `${v.ticket} — ${v.name}` }))}
            value={visitId}
            onChange={setVisitId}
            searchable
            required
            data-testid="paper-visit"
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {S.question}
            </Text>
            <SegmentedControl fullWidth data={scoreData} value={overall} onChange={setOverall} data-testid="paper-overall" />
          </div>
          {ASPECTS.map((aspect) => (
            <Group key={aspect} gap="sm" wrap="nowrap">
              <Text size="sm" w={110}>
                {S.aspects[aspect]}
              </Text>
              <SegmentedControl
                size="xs"
                style={{ flex: 1 }}
                data={[...SCORES].reverse().map((s) => ({ value: String(s), label: String(s) }))}
                value={aspects[aspect] ?? ''}
                onChange={(v) => setAspects((a) => ({ ...a, [aspect]: v }))}
              />
            </Group>
          ))}
          <Textarea label={S.comment} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
          <Checkbox label={S.contactMe} checked={contactMe} onChange={(e) => setContactMe(e.currentTarget.checked)} />
          <Text size="xs" c="dimmed">
            {contactMe ? S.contactNote : S.anonymousNote}
          </Text>
          <ErrorAlert error={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {S.back}
            </Button>
            <Button type="submit" disabled={!visitId || !overall} loading={submit.isPending} data-testid="paper-send">
              {S.send}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
