import { businessDay } from '@shared/dates/calendar';
import { useOp } from '../data/operations';
import { useNow } from './useNow';

/** Today's business day (YYYY-MM-DD) in the desk's zone. */
export function useToday(): string {
  const settings = useOp('settings.get', {});
  const now = useNow(60_000);
  return businessDay(now, settings.data?.timeZone);
}
