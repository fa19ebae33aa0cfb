import { Button, Chip, Group, Kbd, Paper, Select, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { BeneficiaryView, TodayVisit, VisitView } from '@shared/contract';
import { CHANNELS, WALK_IN_CHANNEL, type Channel } from '@shared/domain/channels';
import { VISIT_REASONS, type VisitReason } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { formatMobile } from '@shared/validation/mobile';
import { usePages } from '../app/pages';
import { useConfirmableMutation } from '../data/useConfirmableMutation';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TodayTicketBadge } from './TodayTicketBadge';

export type Visitor =
  | { kind: 'beneficiary'; beneficiary: BeneficiaryView; todayVisit: TodayVisit | null }
  | { kind: 'walkIn'; name: string; mobile: string };

/** Reason (digits 1–8 pick one), channel (C1 by default), Enter issues the ticket. */
export function IssueTicketForm({ visitor, onIssued, onCancel }: { visitor: Visitor; onIssued: (v: VisitView) => void; onCancel: () => void }) {
  const [reason, setReason] = useState<VisitReason | null>(null);
  const [channel, setChannel] = useState<Channel>(WALK_IN_CHANNEL);
  // One key per attempt: a double press or a retry after a lost answer never issues two tickets.
  const [clientKey] = useState(() => crypto.randomUUID());
  const form = useRef<HTMLFormElement>(null);
  // A second ticket today is a question from the core, answered in a dialog (`again`).
  const checkIn = useConfirmableMutation('visits.checkIn', { onSuccess: onIssued });
  const pages = usePages();
  useEffect(() => form.current?.focus(), []);

  const submit = () => {
    if (!reason || checkIn.asked) return;
    checkIn.run(
      visitor.kind === 'beneficiary'
        ? { beneficiaryId: visitor.beneficiary.id, reason, channel, clientKey }
        : { visitorName: visitor.name, visitorMobile: visitor.mobile, reason, channel, clientKey },
    );
  };

  return (
    <>
      <form
        ref={form}
        tabIndex={-1}
        style={{ outline: 'none' }}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          if (target.tagName === 'INPUT' && target.getAttribute('type') !== 'checkbox') return;
          const n = Number(e.key);
          if (n >= 1 && n <= VISIT_REASONS.length) {
            e.preventDefault();
            setReason(VISIT_REASONS[n - 1]!);
          } else if (e.key === 'Escape') {
            onCancel();
          } else if (e.key === 'Enter' && target.tagName !== 'BUTTON') {
            e.preventDefault();
            submit();
          }
        }}
      >
        <Stack gap="sm">
          <Paper withBorder p="sm" bg="gray.0" data-testid="chosen-visitor">
            {visitor.kind === 'beneficiary' ? (
              <>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={700}>{visitor.beneficiary.fullName}</Text>
                  {/* The file opens over the desk; the check-in waits here, as it was. */}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => pages.open({ kind: 'profile', beneficiaryId: visitor.beneficiary.id })}
                    data-testid="chosen-visitor-profile"
                  >
                    {ar.profile.open}
                  </Button>
                </Group>
                {visitor.todayVisit && <TodayTicketBadge visit={visitor.todayVisit} />}
                <Text size="xs" c="dimmed">
                  {ar.idTypes[visitor.beneficiary.idType]}: <span className="ltr tabular">{visitor.beneficiary.idNumber}</span>
                  {visitor.beneficiary.mobile && (
                    <>
                      {' · '}
                      <span className="ltr tabular">{formatMobile(visitor.beneficiary.mobile)}</span>
                    </>
                  )}
                </Text>
              </>
            ) : (
              <>
                <Text fw={700}>{visitor.name}</Text>
                <Text size="xs" c="dimmed">
                  {ar.ui.noFile}
                  {visitor.mobile && (
                    <>
                      {' · '}
                      <span className="ltr tabular">{visitor.mobile}</span>
                    </>
                  )}
                </Text>
              </>
            )}
          </Paper>
          <Text size="sm" fw={600}>
            {ar.ui.reason}
          </Text>
          <Chip.Group value={reason} onChange={(v) => setReason(v as VisitReason)}>
            <Group gap={6} data-testid="reason-chips">
              {VISIT_REASONS.map((r, i) => (
                <Chip key={r} value={r} size="sm" radius="sm">
                  <span className="tabular">{i + 1}</span>. {ar.reasons[r]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Select
            label={ar.ui.channel}
            data={CHANNELS.map((c) => ({ value: c, label: ar.channels[c] }))}
            value={channel}
            onChange={(v) => v && setChannel(v as Channel)}
            allowDeselect={false}
          />
          <ErrorAlert error={checkIn.asked ? null : checkIn.error} />
          <Group grow>
            <Button variant="default" onClick={onCancel}>
              {ar.ui.back} <Kbd ms={6}>Esc</Kbd>
            </Button>
            <Button type="submit" disabled={!reason} loading={checkIn.pending} data-testid="issue-ticket">
              {ar.ui.issueTicket} <Kbd ms={6}>Enter</Kbd>
            </Button>
          </Group>
          {!reason && (
            <Text size="xs" c="dimmed">
              {ar.ui.pickReasonHint}
            </Text>
          )}
        </Stack>
      </form>
      {/* Outside the form: its keys (digits, Escape) must not reach the check-in underneath. */}
      {checkIn.asked && (
        <ConfirmModal
          message={checkIn.asked.message}
          title={ar.visitDesk.confirmTicketTitle}
          confirmLabel={ar.visitDesk.issueAgain}
          onConfirm={checkIn.confirm}
          onCancel={checkIn.dismiss}
        />
      )}
    </>
  );
}
