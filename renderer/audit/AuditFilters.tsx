import { Button, Group, Paper, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { AUDIT_KINDS, type AuditKind } from '@shared/domain/audit';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { DateInput } from '../ui/DateInput';

export interface AuditFilterValues {
  from: string | null;
  to: string | null;
  userId: number | null;
  operation: string | null;
  beneficiaryId: number | null;
  kind: AuditKind | null;
  showFullIds: boolean;
  /** A day typed that does not exist: nothing is asked until it is corrected. */
  invalid: boolean;
}

export const NO_FILTERS: AuditFilterValues = { from: null, to: null, userId: null, operation: null, beneficiaryId: null, kind: null, showFullIds: false, invalid: false };

/** Every operation by its Arabic name, in the order of the alphabet a reader scans. */
const OPERATIONS = Object.entries(ar.operations)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'ar'));

/** Masked as the screen shows IDs by default: the last four digits. */
const lastFour = (id: string) => `${'*'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;

/** The audit screen's filters: days, user, operation, beneficiary, kind, and full IDs on request. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const users = useOp('users.list', {});
  const [badDays, setBadDays] = useState({ from: false, to: false });
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const setDay = (key: 'from' | 'to', day: string | null, bad: boolean) => {
    const next = { ...badDays, [key]: bad };
    setBadDays(next);
    set({ [key]: day, invalid: next.from || next.to });
  };

  return (
    <Paper withBorder p="md" data-testid="audit-filters">
      <Stack gap="sm">
        <SimpleGrid cols={4} spacing="sm">
          <DateInput label={ar.audit.from} value={value.from} onChange={(d, bad) => setDay('from', d, bad)} defaultCalendar="gregorian" data-testid="audit-from" />
          <DateInput label={ar.audit.to} value={value.to} onChange={(d, bad) => setDay('to', d, bad)} defaultCalendar="gregorian" data-testid="audit-to" />
          <Select
            label={ar.audit.user}
            placeholder={ar.audit.anyUser}
            data={(users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.fullName} (${ar.roles[u.role]})` }))}
            value={value.userId === null ? null : String(value.userId)}
            onChange={(v) => set({ userId: v ? Number(v) : null })}
            searchable
            clearable
            data-testid="audit-user"
          />
          <Select
            label={ar.audit.operation}
            placeholder={ar.audit.anyOperation}
            data={OPERATIONS}
            value={value.operation}
            onChange={(v) => set({ operation: v })}
            searchable
            clearable
            data-testid="audit-operation"
          />
        </SimpleGrid>
        <SimpleGrid cols={4} spacing="sm">
          <BeneficiaryPicker value={value.beneficiaryId} onChange={(id) => set({ beneficiaryId: id })} />
          <Select
            label={ar.audit.kind}
            placeholder={ar.audit.anyKind}
            data={AUDIT_KINDS.map((k) => ({ value: k, label: ar.audit.kinds[k] }))}
            value={value.kind}
            onChange={(v) => set({ kind: (v as AuditKind | null) ?? null })}
            clearable
            data-testid="audit-kind"
          />
          <Switch
            mt="lg"
            label={ar.audit.showFullIds}
            description={ar.audit.showFullIdsHint}
            checked={value.showFullIds}
            onChange={(e) => set({ showFullIds: e.currentTarget.checked })}
            data-testid="audit-full-ids"
          />
          <Group justify="flex-end" align="flex-end">
            <Button variant="subtle" color="gray" onClick={() => onChange(NO_FILTERS)} data-testid="audit-clear">
              {ar.audit.clear}
            </Button>
          </Group>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** A beneficiary found as at the desk (name, ID, mobile or file number); their history is then listed. */
function BeneficiaryPicker({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [typed] = useDebouncedValue(text.trim(), 250);
  const hits = useOp('beneficiaries.search', { text: typed, limit: 10 }, { enabled: typed.length >= 2 && typed !== chosen?.label });
  const options = (hits.data ?? []).map((h) => ({ value: String(h.id), label: `${h.fullName} — ${h.fileNumber ?? lastFour(h.idNumber)}` }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={ar.audit.beneficiary}
      placeholder={ar.audit.beneficiaryPlaceholder}
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setChosen(v ? option : null);
        onChange(v ? Number(v) : null);
      }}
      searchable
      searchValue={text}
      onSearchChange={setText}
      // The core already found them (in any spelling of the name); the list shows all it found.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={typed.length >= 2 && hits.isSuccess ? ar.audit.noBeneficiary : undefined}
      data-testid="audit-beneficiary"
    />
  );
}
