import { Button, Group, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ar, fill } from '../../shared/labels/ar';
import { useOp } from '../data/operations';
import { usePrintDocument } from '../printing/usePrintDocument';
import { DateInput } from '../ui/DateInput';
import { useToday } from '../ui/useToday';

const ALL = 'all';

/**
 * السجل اليومي for supervisors (issue 4): a day, one desk or all, and IDs masked to their last four
 * digits unless the supervisor asks for them in full; the core makes the PDF and decides who may.
 */
export function RegisterScreen() {
  const today = useToday();
  const [day, setDay] = useState<string | null>(today);
  const [desk, setDesk] = useState<string>(ALL);
  const [showFullIds, setShowFullIds] = useState(false);
  const desks = useOp('settings.desks', {});
  const visits = useOp('visits.queue', { day: day ?? today }, { enabled: day !== null });
  const register = usePrintDocument('documents.dailyRegister');
  const deskName = desks.data?.find((d) => String(d.id) === desk)?.name;
  const count = visits.data?.visits.filter((v) => !deskName || v.deskName === deskName).length;

  const print = () => {
    if (!day || register.isPending) return;
    void register.print({ day, deskId: desk === ALL ? undefined : Number(desk), showFullIds });
  };

  return (
    <Stack maw={900} mx="auto" data-testid="register-screen">
      <Title order={3}>{ar.printing.registerTitle}</Title>
      <Paper withBorder p="md">
        <Stack>
          <Group align="flex-start" grow>
            <DateInput label={ar.printing.registerDay} value={day} onChange={(v) => setDay(v)} defaultCalendar="gregorian" data-testid="register-day" />
            <Select
              label={ar.printing.registerDesk}
              data={[{ value: ALL, label: ar.printing.allDesks }, ...(desks.data ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.ticketPrefix})` }))]}
              value={desk}
              onChange={(v) => setDesk(v ?? ALL)}
              allowDeselect={false}
              data-testid="register-desk"
            />
          </Group>
          <Switch
            label={ar.printing.showFullIds}
            description={ar.printing.showFullIdsHint}
            checked={showFullIds}
            onChange={(e) => setShowFullIds(e.currentTarget.checked)}
            data-testid="register-full-ids"
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="register-count">
              {count !== undefined && fill(ar.printing.registerVisits, { count })}
            </Text>
            <Button onClick={print} disabled={!day} loading={register.isPending} data-testid="print-register">
              {ar.printing.printRegister}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
