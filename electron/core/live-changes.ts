import type { ChangeEvent } from '@shared/live-changes';

/**
 * What each shell subscribes to, to tell its renderer that the store changed (shared/live-changes.ts):
 * pushed from the store's server on PostgreSQL, nothing on SQLite, where the renderer polls.
 */
export interface LiveChanges {
  /** What a new subscriber is told first. */
  state(): Extract<ChangeEvent, { type: 'state' }>;
  /** Hears every state change and every committed change until the returned function is called. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** Settles once a subscriber hears every change committed from then on (at once when nothing is pushed). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The SQLite store: one desk, one file that does not go away; the renderer polls its revision. */
export function polledChanges(): LiveChanges {
  return {
    state: () => ({ type: 'state', push: false, connected: true }),
    subscribe: () => () => undefined,
    ready: async () => undefined,
    close: async () => undefined,
  };
}

/** What pushedChanges starts: a listener on the store's server that reports through `events`. */
export type StartListener = (events: { onChange(revision: number): void; onState(connected: boolean): void }) => {
  readonly connected: boolean;
  readonly ready: Promise<void>;
  close(): Promise<void>;
};

/**
 * Changes pushed by the store's server (PostgreSQL's LISTEN/NOTIFY). The listener, a connection of its
 * own, is started by the first subscriber (a shell, when it starts), not by every core a tool opens.
 */
export function pushedChanges(start: StartListener): LiveChanges {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let listener: ReturnType<StartListener> | null = null;
  let closed = false;
  const tell = (event: ChangeEvent) => {
    for (const l of [...listeners]) l(event);
  };
  return {
    state: () => ({ type: 'state', push: true, connected: listener?.connected ?? true }),
    subscribe(l) {
      if (closed) return () => undefined;
      listeners.add(l);
      listener ??= start({
        onChange: (revision) => tell({ type: 'change', revision }),
        onState: (connected) => tell({ type: 'state', push: true, connected }),
      });
      return () => listeners.delete(l);
    },
    ready: () => listener?.ready ?? Promise.resolve(),
    async close() {
      closed = true;
      listeners.clear();
      await listener?.close();
    },
  };
}
