import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { AUDIT_PAGE } from '@shared/contract/audit';
import { ar, fill } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

type Cursor = { at: string; id: number };

/**
 * سجل التدقيق, read-only, for administrators and supervisors (the core refuses anyone else): who did
 * what, when, at which desk, to whose data — newest first, a page at a time, with each change's
 * fields before and after. National IDs are masked unless asked for, and asking is itself recorded.
 */
export function AuditScreen() {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  // Where each page shown so far began: «الأقدم» adds one, «الأحدث» goes back one.
  const [pages, setPages] = useState<(Cursor | undefined)[]>([undefined]);
  const olderThan = pages[pages.length - 1];
  const settings = useOp('settings.get', {});
  const list = useOp(
    'audit.list',
    {
      from: filters.from ?? undefined,
      to: filters.to ?? undefined,
      userId: filters.userId ?? undefined,
      operation: filters.operation ?? undefined,
      beneficiaryId: filters.beneficiaryId ?? undefined,
      kind: filters.kind ?? undefined,
      showFullIds: filters.showFullIds,
      olderThan,
      limit: AUDIT_PAGE,
    },
    { placeholderData: keepPreviousData, enabled: !filters.invalid },
  );
  const change = (next: AuditFilterValues) => {
    setFilters(next);
    setPages([undefined]);
  };
  const rows = list.data?.rows ?? [];

  return (
    <Stack maw={1300} mx="auto" data-testid="audit-screen">
      <div>
        <Title order={3}>{ar.audit.title}</Title>
        <Text size="sm" c="dimmed">
          {ar.audit.hint}
        </Text>
      </div>
      <AuditFilters value={filters} onChange={change} />
      <ErrorAlert error={list.error} />
      <Paper withBorder>
        {list.isSuccess && rows.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="audit-none">
            {ar.audit.none}
          </Text>
        ) : (
          <AuditTable rows={rows} timeZone={settings.data?.timeZone} />
        )}
      </Paper>
      <Group justify="center" gap="sm">
        <Button variant="default" size="xs" disabled={pages.length === 1} onClick={() => setPages([undefined])} data-testid="audit-newest">
          {ar.audit.newest}
        </Button>
        <Button variant="default" size="xs" disabled={pages.length === 1} onClick={() => setPages((p) => p.slice(0, -1))} data-testid="audit-newer">
          {ar.audit.newer}
        </Button>
        <Text size="sm" c="dimmed" data-testid="audit-page">
          {fill(ar.audit.page, { page: pages.length })}
        </Text>
        <Button
          variant="default"
          size="xs"
          disabled={!list.data?.next || list.isPlaceholderData}
          onClick={() => list.data?.next && setPages((p) => [...p, list.data!.next!])}
          data-testid="audit-older"
        >
          {ar.audit.older}
        </Button>
      </Group>
    </Stack>
  );
}
