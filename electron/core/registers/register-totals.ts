import type { RegisterRowView } from '@shared/contract/registers';
import { CHANNELS, CONTACT_CHANNELS, type Channel, type ContactChannel } from '@shared/domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES, type VisitOutcome, type VisitReason, type VisitState } from '@shared/domain/visit';
import { minutes, servedMs, waitedMs } from './register-view';

export interface RegisterTotals {
  visits: number;
  /** Contacts on the other channels (C2–C8) of the same days, by channel: beside the visits, never among them. */
  contacts: number;
  contactsByChannel: Record<ContactChannel, number>;
  byReason: Record<VisitReason, number>;
  byChannel: Record<Channel, number>;
  byState: Record<VisitState, number>;
  /** Outcomes, and `none` for visits not finished with one. */
  byOutcome: Record<VisitOutcome | 'none', number>;
  /** Desks by name, in the order they first appear. */
  byDesk: Map<string, number>;
  /** Visits whose wait is known (called, or left without being called). */
  waited: number;
  /** Minutes, to one decimal; null when no wait is known. */
  averageWait: number | null;
  /** The 90th percentile of the known waits, nearest rank: 90 in 100 waited this long or less. */
  p90Wait: number | null;
  averageService: number | null;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Totals counted row by row as an export writes them (a year of visits is never held whole). */
export function totalsCounter() {
  const t = {
    visits: 0,
    contacts: 0,
    contactsByChannel: zero(CONTACT_CHANNELS),
    byReason: zero(VISIT_REASONS),
    byChannel: zero(CHANNELS),
    byState: zero(VISIT_STATES),
    byOutcome: zero([...VISIT_OUTCOMES, 'none'] as const),
    byDesk: new Map<string, number>(),
  };
  // Whole milliseconds: a year of waits is 140,000 numbers, no more.
  const waits: number[] = [];
  let served = 0;
  let servedSum = 0;
  return {
    count(v: RegisterRowView) {
      if (v.kind === 'contact' || !v.state || !v.reason) {
        t.contacts++;
        t.contactsByChannel[v.channel as ContactChannel]++;
        return;
      }
      t.visits++;
      t.byReason[v.reason]++;
      t.byChannel[v.channel]++;
      t.byState[v.state]++;
      t.byOutcome[v.outcome ?? 'none']++;
      t.byDesk.set(v.deskName, (t.byDesk.get(v.deskName) ?? 0) + 1);
      const w = waitedMs(v);
      if (w !== null) waits.push(w);
      const s = servedMs(v);
      if (s !== null) {
        served++;
        servedSum += s;
      }
    },
    totals(): RegisterTotals {
      const sorted = Float64Array.from(waits).sort();
      const sum = waits.reduce((a, b) => a + b, 0);
      return {
        ...t,
        waited: waits.length,
        averageWait: waits.length ? minutes(sum / waits.length) : null,
        p90Wait: waits.length ? minutes(sorted[Math.ceil(0.9 * sorted.length) - 1]!) : null,
        averageService: served ? minutes(servedSum / served) : null,
      };
    },
  };
}
