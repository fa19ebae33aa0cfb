import { Badge, Button, Divider, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ComplaintView } from '@shared/contract';
import { COMPLAINT_FOLLOWERS } from '@shared/contract/complaints';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { NEXT_COMPLAINT_STATE, type ComplaintCategory } from '@shared/domain/complaints';
import { ar, fill } from '@shared/labels/ar';
import { useOp, useOpMutation } from '../data/operations';
import { PrintButton } from '../printing/PrintButton';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { ComplaintNumber } from './ComplaintNumber';
import { CATEGORY_OPTIONS } from './NewComplaintModal';
import { STATE_COLORS } from './state-colors';
import { notifySaved } from '../ui/notify';

const C = ar.complaints;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}:
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

/**
 * One complaint followed up (P8): its owner, category and answer saved as they are, or with the next
 * step (new → in progress → answered), then closed. Mounted afresh for each saved version, so a save
 * from another desk shows at once and a save on a stale copy is refused by the core.
 */
export function ComplaintDetail({ complaint: c }: { complaint: ComplaintView }) {
  const [ownerId, setOwnerId] = useState<string | null>(c.ownerId ? String(c.ownerId) : null);
  const [category, setCategory] = useState<ComplaintCategory | null>(c.category);
  const [answer, setAnswer] = useState(c.answer ?? '');
  const users = useOp('users.list', {});
  const owners = (users.data ?? [])
    .filter((u) => u.active && (COMPLAINT_FOLLOWERS as readonly string[]).includes(u.role))
    .map((u) => ({ value: String(u.id), label: u.fullName }));
  const update = useOpMutation('complaints.update', { onSuccess: () => notifySaved(C.saved) });
  const close = useOpMutation('complaints.close', { onSuccess: () => notifySaved(C.closed) });
  const next = NEXT_COMPLAINT_STATE[c.state];
  const closed = c.state === 'closed';
  const busy = update.isPending || close.isPending;
  const save = (status?: ComplaintView['state']) =>
    !busy &&
    update.mutate({
      complaintId: c.id,
      version: c.version,
      ownerId: ownerId ? Number(ownerId) : null,
      category,
      answer,
      ...(status ? { status } : {}),
    });

  return (
    <Paper withBorder p="md" data-testid="complaint-detail" data-state={c.state}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>
            <ComplaintNumber number={c.number} fw={800} fz={24} />
          </Title>
          <Group gap={6}>
            {c.overdue && <Badge color="red">{C.overdue}</Badge>}
            <Badge color={STATE_COLORS[c.state]} size="lg" data-testid="complaint-state">
              {C.states[c.state]}
            </Badge>
          </Group>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-detail-text">
          {c.text}
        </Text>
        <Stack gap={2}>
          <Fact label={C.receivedAt}>
            {formatBothDates(c.receivedAt)} {formatTime(c.receivedAt)} · {ar.channels[c.channel]} · {C.receivedBy} {c.receivedByName}
          </Fact>
          {c.beneficiaryName && <Fact label={C.beneficiary}>{c.beneficiaryName}</Fact>}
          {!c.beneficiaryName && c.visitorName && <Fact label={C.complainant}>{c.visitorName}</Fact>}
          {c.visitTicket && (
            <Fact label={C.visit}>
              <span className="ltr tabular">{c.visitTicket}</span>
            </Fact>
          )}
          <Fact label={C.dueDate}>
            <Text span size="sm" c={c.overdue ? 'red' : undefined} fw={c.overdue ? 700 : undefined}>
              {formatBothDates(c.dueDate)}
            </Text>
          </Fact>
        </Stack>
        <Divider />
        <Group grow>
          <Select
            label={C.owner}
            placeholder={C.noOwner}
            data={owners}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            disabled={closed}
            error={fieldError(update.error, 'ownerId')}
            data-testid="complaint-owner"
          />
          <Select
            label={C.category}
            placeholder={C.noCategory}
            data={CATEGORY_OPTIONS}
            value={category}
            onChange={(v) => setCategory(v as ComplaintCategory | null)}
            clearable
            disabled={closed}
            data-testid="complaint-detail-category"
          />
        </Group>
        <Textarea
          label={C.answer}
          description={C.answerHint}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          autosize
          minRows={3}
          disabled={closed}
          error={fieldError(update.error, 'answer') ?? fieldError(close.error, 'answer')}
          data-testid="complaint-answer"
        />
        <ErrorAlert error={update.error} fields={['answer', 'ownerId']} />
        <ErrorAlert error={close.error} fields={['answer']} />
        <Group justify="space-between">
          <PrintButton operation="documents.complaintSlip" input={{ complaintId: c.id }} label={C.printSlip} size="sm" />
          {!closed && (
            <Group gap="xs">
              <Button variant="default" onClick={() => save()} loading={update.isPending} data-testid="complaint-save-follow-up">
                {C.save}
              </Button>
              {next && next !== 'closed' && (
                <Button onClick={() => save(next)} loading={update.isPending} data-testid="complaint-next-step">
                  {fill(C.moveTo, { state: C.states[next] })}
                </Button>
              )}
              {c.state === 'answered' && (
                <Button color="dark" onClick={() => !busy && close.mutate({ complaintId: c.id })} loading={close.isPending} data-testid="complaint-close">
                  {C.close}
                </Button>
              )}
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
