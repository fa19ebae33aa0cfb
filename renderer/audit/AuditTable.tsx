import { Badge, Button, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { AuditRowView } from '@shared/contract';
import { formatGregorian, formatHijri, formatTime } from '@shared/dates/calendar';
import type { AuditKind } from '@shared/domain/audit';
import { ar, fill } from '@shared/labels/ar';

const KIND_COLORS: Record<AuditKind, string> = { change: 'teal', read: 'blue', refused: 'red' };

/** The audit rows, newest first; a row's details open beneath it: its fields before and after. */
export function AuditTable({ rows, timeZone }: { rows: AuditRowView[]; timeZone?: string }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table verticalSpacing="xs" data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={190}>{ar.audit.time}</Table.Th>
          <Table.Th>{ar.audit.user}</Table.Th>
          <Table.Th>{ar.audit.operation}</Table.Th>
          <Table.Th>{ar.audit.subject}</Table.Th>
          <Table.Th w={120} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const expanded = open === r.id;
          return (
            <Fragment key={r.id}>
              <Table.Tr data-testid="audit-row" data-operation={r.operation} data-kind={r.kind} bg={r.kind === 'refused' ? 'red.0' : undefined}>
                <Table.Td>
                  <Text size="sm">{formatHijri(r.at, timeZone)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatGregorian(r.at, timeZone)} · {formatTime(r.at, timeZone)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.user?.fullName ?? ar.audit.nobody}</Text>
                  {r.desk && (
                    <Text size="xs" c="dimmed">
                      {r.desk.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ar.operations[r.operation as keyof typeof ar.operations] ?? ar.audit.otherOperation}</Text>
                  <Badge color={KIND_COLORS[r.kind]} variant="light" size="sm" data-testid="audit-kind-badge">
                    {ar.audit.kinds[r.kind]}
                  </Badge>
                  {r.reason && (
                    <Text size="xs" c="red.8" data-testid="audit-reason">
                      {ar.audit.reasons[r.reason]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Subject row={r} />
                </Table.Td>
                <Table.Td>
                  {r.fields.length > 0 && (
                    <Button variant="light" size="compact-xs" onClick={() => setOpen(expanded ? null : r.id)} aria-expanded={expanded} data-testid="audit-details">
                      {expanded ? ar.audit.hideDetails : ar.audit.details}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
              {expanded && (
                <Table.Tr>
                  <Table.Td colSpan={5} bg="gray.0">
                    <FieldsTable row={r} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** What the row is about: the record (a request by its number, a user by name…) and whose data it is. */
function Subject({ row }: { row: AuditRowView }) {
  if (!row.entity && !row.beneficiary) return null;
  const entity = row.entity ? (ar.audit.entities[row.entity] ?? ar.audit.otherRecord) : null;
  return (
    <>
      {entity && (
        <Text size="sm">
          {entity}
          {row.subject ? (
            <>
              {' '}
              <bdi>{row.subject}</bdi>
            </>
          ) : (
            row.entityId !== null && row.entity !== 'beneficiary' && ` ${fill(ar.audit.number, { id: row.entityId })}`
          )}
        </Text>
      )}
      {row.beneficiary && (
        <Text size="xs" c="dimmed" data-testid="audit-beneficiary-name">
          {row.beneficiary.fullName}
          {row.beneficiary.fileNumber && (
            <>
              {' · '}
              <bdi>{row.beneficiary.fileNumber}</bdi>
            </>
          )}
        </Text>
      )}
    </>
  );
}

/** A change's fields before and after (a new record: after only; a read: what was read). */
function FieldsTable({ row }: { row: AuditRowView }) {
  const withBefore = row.hasBefore;
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" data-testid="audit-fields" bg="white">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{ar.audit.field}</Table.Th>
          {withBefore && <Table.Th>{ar.audit.before}</Table.Th>}
          <Table.Th>{row.kind === 'read' ? ar.audit.read : ar.audit.after}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.fields.map((f, i) => (
          <Table.Tr key={i} data-testid="audit-field" data-field={f.field}>
            <Table.Td fw={500}>{f.field}</Table.Td>
            {withBefore && (
              <Table.Td c="red.9" data-testid="audit-before">
                <bdi>{f.before ?? '—'}</bdi>
              </Table.Td>
            )}
            <Table.Td c="teal.9" data-testid="audit-after">
              <bdi>{f.after ?? '—'}</bdi>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
