import { z } from 'zod';
import { STAFF_ROLES } from '../domain/roles';
import { emptyInput, mutation, query } from './define';
import { id } from './fields';

/** One call of a ticket to a desk, as the hall display shows and announces it: never a visitor's name. */
export interface HallCallView {
  /** Increases with every call and repeated call: the display announces each id once. */
  id: number;
  ticket: string;
  desk: string;
  at: string;
  /** «إعادة النداء»: the same ticket called again. */
  recall: boolean;
}

/** What the hall display shows (S1). No field of it names, identifies or reaches a person. */
export interface HallDisplayView {
  /** The business day (YYYY-MM-DD) and the zone to show it in, Hijri beside Gregorian. */
  day: string;
  timeZone: string;
  associationName: string;
  associationLogoBase64: string | null;
  /** The administrator's line of text (settings: displayMessage). */
  message: string | null;
  /** Visitors waiting to be called now. */
  waiting: number;
  /** Each desk's visitor being served now, by their latest call, newest first. */
  current: HallCallView[];
  /** The last five calls of the day, newest first. */
  recent: HallCallView[];
}

export const displayOperations = {
  /** S1: what the hall display shows; every desk of the hall (on PostgreSQL, every desk on the server). */
  'display.calls': query<HallDisplayView>()({ input: emptyInput, access: STAFF_ROLES, devices: ['display'] }),
  /**
   * S1: «إعادة النداء» — the visitor this desk serves is called again: the hall display announces the
   * same ticket once more. A second press within a few seconds is the same press.
   */
  'visits.recall': mutation<HallCallView>()({
    input: z.object({ visitId: id }).strict(),
    access: STAFF_ROLES,
    invalidates: ['display.', 'visits.'],
  }),
} as const;
