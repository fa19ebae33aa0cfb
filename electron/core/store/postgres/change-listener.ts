import { Socket } from 'node:net';
import pg from 'pg';
import { CHANGES_CHANNEL } from '../store';

/**
 * How the listener watches its connection. The server ends connections itself when it shuts down or
 * restarts, and the listener hears that at once; a cable out or a frozen server says nothing, so a
 * heartbeat asks every `heartbeatMs` and gives the server `answerWithinMs` to answer: a loss is known
 * within heartbeatMs + answerWithinMs (1.7 s), inside the two seconds a desk has to show it.
 */
export interface ListenerTiming {
  heartbeatMs: number;
  answerWithinMs: number;
  /** A new connection must be had within this, or the try failed. */
  connectWithinMs: number;
  /** The waits between tries to reconnect, the last one repeated until the server is back. */
  retryMs: readonly number[];
}

export const LISTENER_TIMING: ListenerTiming = { heartbeatMs: 500, answerWithinMs: 1_200, connectWithinMs: 2_000, retryMs: [250, 500, 1_000, 2_000] };

export interface ChangeListenerOptions {
  url: string;
  /** A committed change anywhere on the store, with the revision it moved the store to. */
  onChange(revision: number): void;
  /**
   * false: the server cannot be reached now. true: listening again after any interruption, reported
   * or not (a connection of its own ended and was made anew at once) — changes may have been missed.
   */
  onState(connected: boolean): void;
  /** The server stopped answering without ending the connection: every other connection to it is as stuck. */
  onUnreachable?(): void;
  timing?: Partial<ListenerTiming>;
}

export interface ChangeListener {
  /** Whether the server answers now (true until a first try fails: a desk starting shows no alarm). */
  readonly connected: boolean;
  /** Settles once the listener first listens: every change committed after that is heard. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * One connection of its own (never one of the pool, which hands its connections from call to call)
 * LISTENing on CHANGES_CHANNEL, where every write transaction announces its revision as it commits.
 * It reconnects by itself, with growing waits, for as long as the server is away.
 */
export function startChangeListener(options: ChangeListenerOptions): ChangeListener {
  const timing = { ...LISTENER_TIMING, ...options.timing };
  let closed = false;
  let connected = true;
  let everListened = false;
  let failures = 0;
  let client: pg.Client | null = null;
  let socket: Socket | null = null;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let listening = () => {};
  const ready = new Promise<void>((resolve) => (listening = resolve));

  function setConnected(now: boolean) {
    if (connected === now) return;
    connected = now;
    options.onState(now);
  }

  function later(ms: number) {
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, ms);
    retry.unref();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    let own: Socket | null = null;
    const next = new pg.Client({
      connectionString: options.url,
      application_name: 'istiqbal-listener',
      keepAlive: true,
      connectionTimeoutMillis: timing.connectWithinMs,
      stream: () => (own = new Socket()),
    });
    next.on('error', () => lose(next, false));
    next.on('end', () => lose(next, false));
    next.on('notification', (n) => {
      if (next !== client || n.channel !== CHANGES_CHANNEL) return;
      const revision = Number(n.payload);
      if (Number.isSafeInteger(revision)) options.onChange(revision);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch {
      (own as Socket | null)?.destroy();
      if (closed) return;
      failures += 1;
      setConnected(false);
      later(timing.retryMs[Math.min(failures, timing.retryMs.length) - 1]!);
      return;
    }
    if (closed) {
      void next.end().catch(() => undefined);
      return;
    }
    client = next;
    socket = own;
    failures = 0;
    const wasInterrupted = everListened;
    everListened = true;
    listening();
    if (wasInterrupted || !connected) {
      connected = true;
      options.onState(true);
    }
    beat(next);
  }

  /** The connection ended (`unreachable`: it stopped answering): cut it and listen anew. */
  function lose(lost: pg.Client, unreachable: boolean) {
    if (lost !== client || closed) return;
    client = null;
    if (heartbeat) clearTimeout(heartbeat);
    socket?.destroy();
    socket = null;
    if (unreachable) {
      setConnected(false);
      options.onUnreachable?.();
      later(timing.retryMs[0]!);
    } else {
      // The server ended it (a restart, or this connection alone): try again at once; a server
      // that is going down refuses, and that is reported as the loss.
      void connect();
    }
  }

  function beat(c: pg.Client) {
    heartbeat = setTimeout(() => {
      if (c !== client) return;
      let answered = false;
      // Checked once pending I/O is read (setImmediate runs after the poll phase): an event loop that
      // was itself held up must not take an answer waiting in the socket for silence.
      const deadline = setTimeout(() => setImmediate(() => !answered && lose(c, true)), timing.answerWithinMs);
      deadline.unref();
      c.query('SELECT 1').then(
        () => {
          answered = true;
          clearTimeout(deadline);
          beat(c);
        },
        () => {
          answered = true;
          clearTimeout(deadline);
          lose(c, false);
        },
      );
    }, timing.heartbeatMs);
    heartbeat.unref();
  }

  void connect();

  return {
    get connected() {
      return connected;
    },
    ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (heartbeat) clearTimeout(heartbeat);
      const last = client;
      const lastSocket = socket;
      client = null;
      if (last) await Promise.race([last.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
      lastSocket?.destroy();
    },
  };
}
