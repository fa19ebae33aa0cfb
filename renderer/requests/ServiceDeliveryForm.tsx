import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { RequestView } from '@shared/contract';
import { formatBothDates } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert, fieldError } from '../ui/ErrorAlert';
import { useToday } from '../ui/useToday';

/** S7: what was given, how much and on which day; the employee recording it is the one who gave it. */
export function ServiceDeliveryForm({ request, canAct }: { request: RequestView; canAct: boolean }) {
  const today = useToday();
  const [description, setDescription] = useState(request.decision?.aidDescription ?? '');
  const [amount, setAmount] = useState<number | ''>(request.decision?.approvedAmount ?? '');
  const [date, setDate] = useState<string | null>(today);
  const [badDate, setBadDate] = useState(false);
  const deliver = useOpMutation('requests.deliver');
  const done = request.service;

  return (
    <Paper withBorder p="md" data-testid="service-card">
      <Stack gap="sm">
        <Title order={5}>{ar.requests.deliver}</Title>
        {done ? (
          <>
            <Text fw={600} data-testid="service-delivered">
              {fill(ar.requests.delivered, { description: done.description })}
              {done.amount !== null && (
                <>
                  {' — '}
                  <span className="tabular">{done.amount.toLocaleString('en-US')}</span>
                </>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {fill(ar.requests.deliveredBy, { by: done.deliveredBy, date: formatBothDates(done.deliveredOn) })}
            </Text>
          </>
        ) : (
          canAct && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (deliver.isPending || badDate) return;
                deliver.mutate({ requestId: request.id, description, amount: amount === '' ? undefined : amount, deliveredOn: date ?? '' });
              }}
            >
              <Stack gap="sm">
                <Textarea
                  label={ar.requests.serviceDescription}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  withAsterisk
                  autosize
                  minRows={2}
                  error={fieldError(deliver.error, 'description')}
                  data-testid="service-description"
                />
                <SimpleGrid cols={2} spacing="sm">
                  <NumberInput
                    label={ar.requests.serviceAmount}
                    value={amount}
                    onChange={(v) => setAmount(v === '' ? '' : Number(v))}
                    thousandSeparator=","
                    className="tabular"
                    error={fieldError(deliver.error, 'amount')}
                    data-testid="service-amount"
                  />
                  <DateInput
                    label={ar.requests.deliveredOn}
                    value={date}
                    onChange={(v, bad) => {
                      setDate(v);
                      setBadDate(bad);
                    }}
                    defaultCalendar="gregorian"
                    withAsterisk
                    error={fieldError(deliver.error, 'deliveredOn')}
                    data-testid="service-date"
                  />
                </SimpleGrid>
                <ErrorAlert error={deliver.error} fields={['description', 'amount', 'deliveredOn']} />
                <Group justify="flex-end">
                  <Button type="submit" loading={deliver.isPending} disabled={badDate} data-testid="deliver-service">
                    {ar.requests.deliver}
                  </Button>
                </Group>
              </Stack>
            </form>
          )
        )}
      </Stack>
    </Paper>
  );
}
