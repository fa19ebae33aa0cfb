import { Alert, Group, Stack, Text } from '@mantine/core';
import { formatBothDates } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { PrintButton } from '../printing/PrintButton';
import { ComplaintNumber } from './ComplaintNumber';

const C = ar.complaints;

/** P8: the acknowledgement number, large enough to read out by phone, with its due date and the slip to print. */
export function ComplaintReceived({ complaint }: { complaint: { id: number; number: string; dueDate: string } }) {
  return (
    <Alert color="teal" variant="light" data-testid="complaint-received">
      <Stack gap={6}>
        <Text fw={700}>{C.received}</Text>
        <ComplaintNumber number={complaint.number} fz={34} fw={800} data-testid="complaint-number" />
        <Text size="sm">{C.readOut}</Text>
        <Text size="sm">
          {C.dueDate}: {formatBothDates(complaint.dueDate)}
        </Text>
        <Group>
          <PrintButton operation="documents.complaintSlip" input={{ complaintId: complaint.id }} label={C.printSlip} testId="print-complaint-slip" size="sm" />
        </Group>
      </Stack>
    </Alert>
  );
}
