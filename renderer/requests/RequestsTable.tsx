import { Badge, Table, Text } from '@mantine/core';
import type { RequestSummary } from '@shared/contract';
import { formatGregorian, formatHijri } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import { daysLate } from './overdue';
import { RequestStateBadge } from './RequestStateBadge';

/** Requests as rows; a click (or Enter) opens the request. */
export function RequestsTable({
  requests,
  bySubmission = false,
  today,
}: {
  requests: RequestSummary[];
  /** The committee reads when a request reached it, not when it was opened. */
  bySubmission?: boolean;
  today: string;
}) {
  const pages = usePages();
  return (
    <Table highlightOnHover verticalSpacing="xs" data-testid="requests-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{ar.requests.number}</Table.Th>
          <Table.Th>{ar.requests.beneficiary}</Table.Th>
          <Table.Th>{ar.requests.service}</Table.Th>
          <Table.Th>{ar.requests.state}</Table.Th>
          <Table.Th>{bySubmission ? ar.requests.submittedAt : ar.requests.openedAt}</Table.Th>
          <Table.Th>{ar.requests.expectedAnswer}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((r) => {
          const late = r.overdue && r.expectedAnswerDate ? daysLate(r.expectedAnswerDate, today) : 0;
          const open = () => pages.open({ kind: 'request', requestId: r.id });
          const day = bySubmission ? (r.submittedAt ?? r.openedAt) : r.openedAt;
          return (
            <Table.Tr
              key={r.id}
              onClick={open}
              onKeyDown={(e) => e.key === 'Enter' && open()}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              bg={r.overdue ? 'red.0' : undefined}
              data-testid="request-row"
              data-number={r.number}
            >
              <Table.Td>
                <span className="ltr tabular">{r.number}</span>
              </Table.Td>
              <Table.Td>{r.beneficiaryName}</Table.Td>
              <Table.Td>
                {r.serviceName}
                <Text size="xs" c="dimmed">
                  {ar.channels[r.channel]}
                </Text>
              </Table.Td>
              <Table.Td>
                <RequestStateBadge state={r.state} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatHijri(day)}</Text>
                <Text size="xs" c="dimmed">
                  {formatGregorian(day)}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.expectedAnswerDate && (
                  <>
                    <Text size="sm">{formatHijri(r.expectedAnswerDate)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatGregorian(r.expectedAnswerDate)}
                    </Text>
                  </>
                )}
                {r.overdue && (
                  <Badge color="red" size="sm" mt={2} data-testid="overdue">
                    {late > 0 ? fill(ar.requests.daysLate, { days: late }) : ar.requests.overdue}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
