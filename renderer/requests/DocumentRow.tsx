import { Badge, Group, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RequestDocumentView } from '@shared/contract';
import type { IdType } from '@shared/domain/identity';
import type { DocumentStatus } from '@shared/domain/request';
import { formatGregorian, formatHijri } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { AttachButton } from './AttachButton';
import { AttachmentList } from './AttachmentList';

const STATUS_COLORS: Record<DocumentStatus, string> = { provided: 'teal', missing: 'orange', expired: 'red' };

interface Dates {
  issueDate: string | null;
  expiryDate: string | null;
}

/**
 * One required document (S2): provided or not, its issue and expiry dates (typed Hijri or
 * Gregorian), and its scans. The status is the core's, as of the submission date or today. A
 * document that expires is recorded provided only with its expiry date: ticked without one, the
 * core's message stands on the empty date field, and the tick is sent again once the date is typed.
 * The identity line shows it follows the file (its expiry is the file's).
 */
export function DocumentRow({
  requestId,
  doc,
  editable,
  identity,
}: {
  requestId: number;
  doc: RequestDocumentView;
  editable: boolean;
  identity: { idType: IdType; idNumber: string };
}) {
  const [dates, setDates] = useState<Dates>({ issueDate: doc.issueDate, expiryDate: doc.expiryDate });
  const [invalid, setInvalid] = useState({ issueDate: false, expiryDate: false });
  // Ticked here but not yet recorded by the core (its dates are still to come).
  const [ticking, setTicking] = useState(false);
  // The line's version this screen last saw, sent with the next save: the core refuses it when another
  // desk saved this line since. Taken from this desk's own save at once (the refreshed request follows).
  const [seen, setSeen] = useState(doc.version);
  useEffect(() => setSeen(doc.version), [doc.version]);
  const setDocument = useOpMutation('requests.setDocument', {
    onSuccess: (view) => {
      setTicking(false);
      const saved = view.documents.find((d) => d.documentTypeId === doc.documentTypeId);
      if (saved) setSeen(saved.version);
    },
  });
  // The saved dates win when they change (this desk's save coming back, or another desk's).
  useEffect(() => setDates({ issueDate: doc.issueDate, expiryDate: doc.expiryDate }), [doc.issueDate, doc.expiryDate]);
  const provided = doc.provided || ticking;

  const commit = (next: boolean, nextDates: Dates) => {
    if (setDocument.isPending || invalid.issueDate || invalid.expiryDate) return;
    setDocument.mutate({ requestId, documentTypeId: doc.documentTypeId, version: seen, provided: next, ...nextDates, note: doc.note ?? undefined });
  };
  const toggle = (next: boolean) => {
    setTicking(next && !doc.provided);
    if (next !== doc.provided) commit(next, dates);
    else setDocument.reset();
  };
  // A date is sent when the clerk leaves the field, and only if it changed and exists (or completes a tick).
  const commitDates = () => {
    if (ticking || dates.issueDate !== doc.issueDate || dates.expiryDate !== doc.expiryDate) commit(provided, dates);
  };
  const dateField = (name: keyof Dates, label: string) => (
    <DateInput
      label={label}
      value={dates[name]}
      onChange={(v, bad) => {
        setDates((d) => ({ ...d, [name]: v }));
        setInvalid((i) => ({ ...i, [name]: bad }));
      }}
      onBlur={commitDates}
      disabled={!editable}
      error={fieldError(setDocument.error, name)}
      data-testid={`doc-${name}`}
    />
  );

  return (
    <Paper withBorder p="sm" data-testid="document-row" data-document={doc.name} data-status={doc.status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={600}>{doc.name}</Text>
            <Badge color={STATUS_COLORS[doc.status]} variant="light" data-testid="document-status">
              {ar.documentStatuses[doc.status]}
            </Badge>
          </Group>
          {editable ? (
            <Group gap="md" wrap="nowrap" align="flex-start">
              <AttachButton requestId={requestId} documentTypeId={doc.documentTypeId} purpose="document" testId="document-attach" />
              <Switch
                label={ar.requests.provided}
                checked={provided}
                disabled={setDocument.isPending}
                onChange={(e) => toggle(e.currentTarget.checked)}
                data-testid="document-provided"
              />
            </Group>
          ) : (
            <ReadOnlyDates doc={doc} />
          )}
        </Group>
        {editable && doc.fromFile && (
          <Text size="xs" c="dimmed" data-testid="document-from-file">
            {ar.requests.idFromFile}: {ar.idTypes[identity.idType]} <span className="ltr tabular">{identity.idNumber}</span>
            {doc.hasExpiry && ` — ${ar.requests.idExpiryUpdatesFile}`}
          </Text>
        )}
        {/* Dates belong to a document in hand: the core keeps them only once it is marked provided. */}
        {editable && provided && (
          <SimpleGrid cols={2} spacing="sm">
            {dateField('issueDate', ar.requests.issueDate)}
            {doc.hasExpiry && dateField('expiryDate', ar.requests.expiryDate)}
          </SimpleGrid>
        )}
        <AttachmentList attachments={doc.attachments} />
        <ErrorAlert error={setDocument.error} fields={['issueDate', 'expiryDate']} />
      </Stack>
    </Paper>
  );
}

/** After submission the line is the committee's to read: the dates in both calendars, nothing to edit. */
function ReadOnlyDates({ doc }: { doc: RequestDocumentView }) {
  const line = (label: string, iso: string | null) =>
    iso && (
      <Text size="xs" c="dimmed">
        {label}: {formatHijri(iso)} ({formatGregorian(iso)})
      </Text>
    );
  return (
    <Stack gap={0} align="flex-end">
      {line(ar.requests.issueDate, doc.issueDate)}
      {line(ar.requests.expiryDate, doc.expiryDate)}
    </Stack>
  );
}
