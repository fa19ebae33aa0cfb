/**
 * A clock the test moves by hand, handed to `createCore({ now })`: the ticket sequence across the
 * desk's local midnight and the session lock after inactivity are tested by moving it, never by waiting.
 */
export interface TestClock {
  /** The current instant (a fresh Date each call, as the core expects). */
  now(): Date;
  set(instant: Date | string): void;
  advance(by: { ms?: number; seconds?: number; minutes?: number; hours?: number; days?: number }): void;
  iso(): string;
}

export function createClock(start: Date | string = '2024-02-14T06:00:00.000Z'): TestClock {
  let t = new Date(start).getTime();
  if (Number.isNaN(t)) throw new Error(`bad clock start: ${String(start)}`);
  return {
    now: () => new Date(t),
    set(instant) {
      const next = new Date(instant).getTime();
      if (Number.isNaN(next)) throw new Error(`bad instant: ${String(instant)}`);
      t = next;
    },
    advance({ ms = 0, seconds = 0, minutes = 0, hours = 0, days = 0 }) {
      t += ms + seconds * 1_000 + minutes * 60_000 + hours * 3_600_000 + days * 86_400_000;
    },
    iso: () => new Date(t).toISOString(),
  };
}
