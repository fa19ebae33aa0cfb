import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES, type VisitOutcome, type VisitReason, type VisitState } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { DateInput } from '../ui/DateInput';

export interface RegisterFilterValues {
  from: string | null;
  to: string | null;
  deskId: number | null;
  employeeId: number | null;
  states: VisitState[];
  reasons: VisitReason[];
  channels: Channel[];
  outcomes: VisitOutcome[];
  /** A day typed that does not exist: nothing is asked until it is corrected. */
  invalid: boolean;
}

export function dayFilters(day: string): RegisterFilterValues {
  return { from: day, to: day, deskId: null, employeeId: null, states: [], reasons: [], channels: [], outcomes: [], invalid: false };
}

/** Whether anything narrows the register besides its days and desk. */
export function narrowed(v: RegisterFilterValues): boolean {
  return v.employeeId !== null || v.states.length + v.reasons.length + v.channels.length + v.outcomes.length > 0;
}

const r = ar.registers;
const options = <K extends string>(codes: readonly K[], labels: Record<K, string>) => codes.map((value) => ({ value, label: labels[value] }));

/** The register's days (one or a range), desk, employee, and the states, reasons, channels and outcomes to show. */
export function RegisterFilters({ value, today, onChange }: { value: RegisterFilterValues; today: string; onChange: (next: RegisterFilterValues) => void }) {
  const desks = useOp('settings.desks', {});
  const staff = useOp('users.list', {});
  const [badDays, setBadDays] = useState({ from: false, to: false });
  const set = (patch: Partial<RegisterFilterValues>) => onChange({ ...value, ...patch });
  const setDay = (key: 'from' | 'to', day: string | null, bad: boolean) => {
    const next = { ...badDays, [key]: bad };
    setBadDays(next);
    // A first day after the last one takes the last one with it: the range stays a range.
    const follow = key === 'from' && day !== null && value.to !== null && day > value.to;
    set({ [key]: day, ...(follow ? { to: day } : {}), invalid: next.from || next.to || day === null });
  };

  return (
    <Paper withBorder p="sm" data-testid="register-filters">
      <Stack gap="xs">
        <SimpleGrid cols={4} spacing="sm">
          <DateInput label={r.from} value={value.from} onChange={(d, bad) => setDay('from', d, bad)} defaultCalendar="gregorian" data-testid="register-from" />
          <DateInput label={r.to} value={value.to} onChange={(d, bad) => setDay('to', d, bad)} defaultCalendar="gregorian" data-testid="register-to" />
          <Select
            label={ar.printing.registerDesk}
            data={[{ value: 'all', label: ar.printing.allDesks }, ...(desks.data ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.ticketPrefix})` }))]}
            value={value.deskId === null ? 'all' : String(value.deskId)}
            onChange={(v) => set({ deskId: !v || v === 'all' ? null : Number(v) })}
            allowDeselect={false}
            data-testid="register-desk"
          />
          <Select
            label={r.employee}
            placeholder={r.anyEmployee}
            data={(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
            value={value.employeeId === null ? null : String(value.employeeId)}
            onChange={(v) => set({ employeeId: v ? Number(v) : null })}
            searchable
            clearable
            data-testid="register-employee"
          />
        </SimpleGrid>
        <SimpleGrid cols={4} spacing="sm">
          <MultiSelect
            label={r.states}
            placeholder={value.states.length ? undefined : r.anyState}
            data={options(VISIT_STATES, ar.visitStates)}
            value={value.states}
            onChange={(v) => set({ states: v as VisitState[] })}
            clearable
            data-testid="register-states"
          />
          <MultiSelect
            label={r.reasons}
            placeholder={value.reasons.length ? undefined : r.anyReason}
            data={options(VISIT_REASONS, ar.reasons)}
            value={value.reasons}
            onChange={(v) => set({ reasons: v as VisitReason[] })}
            clearable
            data-testid="register-reasons"
          />
          <MultiSelect
            label={r.channels}
            placeholder={value.channels.length ? undefined : r.anyChannel}
            data={options(CHANNELS, ar.channels)}
            value={value.channels}
            onChange={(v) => set({ channels: v as Channel[] })}
            clearable
            data-testid="register-channels"
          />
          <MultiSelect
            label={r.outcomes}
            placeholder={value.outcomes.length ? undefined : r.anyOutcome}
            data={options(VISIT_OUTCOMES, ar.outcomes)}
            value={value.outcomes}
            onChange={(v) => set({ outcomes: v as VisitOutcome[] })}
            clearable
            data-testid="register-outcomes"
          />
        </SimpleGrid>
        {narrowed(value) && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              onClick={() => onChange({ ...dayFilters(today), from: value.from, to: value.to, deskId: value.deskId, invalid: value.invalid })}
              data-testid="register-clear"
            >
              {r.clear}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
