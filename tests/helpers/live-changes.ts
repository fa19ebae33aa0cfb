import type { LiveChanges } from '../../electron/core/live-changes';
import type { ChangeEvent } from '@shared/live-changes';

export interface Hearing {
  /**
   * The first event not yet taken that matches, waiting for it at most `withinMs` (a bound on the
   * wait, not a delay): the events before it are taken with it.
   */
  next(what: string, match: (event: ChangeEvent) => boolean, withinMs: number): Promise<ChangeEvent>;
  /** Every event heard and not yet taken. */
  readonly pending: ChangeEvent[];
  stop(): void;
}

/** Subscribes to a core's changes, as a shell does, and keeps what it hears for the test to await. */
export function hear(changes: LiveChanges): Hearing {
  const pending: ChangeEvent[] = [];
  let wake: (() => void) | null = null;
  const stop = changes.subscribe((event) => {
    pending.push(event);
    wake?.();
  });
  return {
    pending,
    stop,
    async next(what, match, withinMs) {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const at = pending.findIndex(match);
        if (at >= 0) return pending.splice(0, at + 1)[at]!;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${what}: not heard within ${withinMs} ms (heard: ${JSON.stringify(pending)})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
  };
}

export const isChange = (e: ChangeEvent) => e.type === 'change';
export const isLost = (e: ChangeEvent) => e.type === 'state' && !e.connected;
export const isBack = (e: ChangeEvent) => e.type === 'state' && e.connected;
