import { Stack, Text } from '@mantine/core';
import { formatGregorian, formatHijri, formatTime, formatWeekday } from '@shared/dates/calendar';
import { useNow } from './useNow';

/** Today in both calendars, as the desk's zone sees it. */
export function TodayClock({ timeZone }: { timeZone?: string }) {
  const now = useNow(10_000);
  return (
    <Stack gap={0} align="center" data-testid="today-clock" style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" fw={600}>
        {formatWeekday(now, timeZone)} {formatHijri(now, timeZone)}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        {formatGregorian(now, timeZone)} · {formatTime(now, timeZone)}
      </Text>
    </Stack>
  );
}
