import { Button, Group } from '@mantine/core';
import { addDays } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { DateInput } from '../ui/DateInput';

export interface PeriodValue {
  from: string | null;
  to: string | null;
  /** A day typed that does not exist: nothing is asked until it is corrected. */
  invalid: boolean;
}

/** The first day of the month of `day`, and the last. */
function monthOf(day: string): { from: string; to: string } {
  const from = `${day.slice(0, 7)}-01`;
  const next = addDays(from, 32);
  return { from, to: addDays(`${next.slice(0, 7)}-01`, -1) };
}

/** A period of business days: two days typed in either calendar, or a month or year in one press. */
export function PeriodPicker({ value, onChange, today }: { value: PeriodValue; onChange: (next: PeriodValue) => void; today: string }) {
  const set = (from: string, to: string) => onChange({ from, to, invalid: false });
  const thisMonth = monthOf(today);
  const lastMonth = monthOf(addDays(thisMonth.from, -1));
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <DateInput
        label={ar.reports.from}
        value={value.from}
        onChange={(from, bad) => onChange({ ...value, from, invalid: bad })}
        defaultCalendar="gregorian"
        data-testid="report-from"
      />
      <DateInput
        label={ar.reports.to}
        value={value.to}
        onChange={(to, bad) => onChange({ ...value, to, invalid: bad })}
        defaultCalendar="gregorian"
        data-testid="report-to"
      />
      <Group gap={6} pb={30}>
        <Button variant="light" size="xs" onClick={() => set(thisMonth.from, today)} data-testid="report-this-month">
          {ar.reports.thisMonth}
        </Button>
        <Button variant="light" size="xs" onClick={() => set(lastMonth.from, lastMonth.to)} data-testid="report-last-month">
          {ar.reports.lastMonth}
        </Button>
        <Button variant="light" size="xs" onClick={() => set(`${today.slice(0, 4)}-01-01`, today)} data-testid="report-this-year">
          {ar.reports.thisYear}
        </Button>
      </Group>
    </Group>
  );
}
