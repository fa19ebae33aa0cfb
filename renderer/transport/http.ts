import type { Envelope } from '@shared/errors';
import type { IstiqbalBridge } from '@shared/bridge';
import type { DeviceKind } from '@shared/domain/devices';
import { asChangeEvent, type ChangeEvent } from '@shared/live-changes';

const TOKEN_KEY = 'istiqbal.token';
const SESSION_KEY = 'istiqbal.session';

/**
 * The loopback shell's bridge: the launch token arrives in the address fragment (never sent over
 * the wire), is kept for this tab only, and is wiped from the address bar at once.
 */
function launchToken(): string {
  const hash = new URLSearchParams(location.hash.slice(1));
  const fromHash = hash.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // A device screen's page (devicePageUrl) arrives with its device session; a page opened from the
    // desk starts with a copy of the desk's storage, whose session must not be the one it uses.
    const session = hash.get('session');
    if (session) sessionStorage.setItem(SESSION_KEY, session);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The address of a device screen's page: the launch token and its device session ride in the fragment, as the desk's token does. */
export function devicePageUrl(kind: DeviceKind, sessionId: string): string {
  const fragment = new URLSearchParams({ token: launchToken(), session: sessionId });
  return `${location.origin}/${kind}#${fragment.toString()}`;
}

// At once, before any call reads the kept session: a device screen's page brings its own in the fragment.
if (typeof location !== 'undefined' && location.hash) launchToken();

let sessionPromise: Promise<string> | null = null;

function post(path: string, body: unknown, session?: string): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${launchToken()}`,
      'Content-Type': 'application/json',
      ...(session ? { 'X-Istiqbal-Session': session } : {}),
    },
    body: JSON.stringify(body),
  });
}

function windowSession(): Promise<string> {
  const kept = sessionStorage.getItem(SESSION_KEY);
  if (kept) return Promise.resolve(kept);
  sessionPromise ??= post('/api/session', {}).then(async (res) => {
    const { sessionId } = (await res.json()) as { sessionId: string };
    sessionStorage.setItem(SESSION_KEY, sessionId);
    return sessionId;
  });
  return sessionPromise;
}

export const httpBridge: IstiqbalBridge = {
  async call(operation, input) {
    const res = await post('/api/call', { operation, input }, await windowSession());
    const envelope = (await res.json()) as Envelope<unknown>;
    // The core restarted: this tab's session is gone. Open a new one and try once more.
    if (!envelope.ok && envelope.error.code === 'unauthenticated' && operation === 'auth.session') {
      sessionStorage.removeItem(SESSION_KEY);
      sessionPromise = null;
      const retry = await post('/api/call', { operation, input }, await windowSession());
      return (await retry.json()) as Envelope<unknown>;
    }
    return envelope;
  },
  onChanges: changeStream,
};

/** The waits between tries to reopen the change stream, the last one repeated. */
const REOPEN_MS = [250, 500, 1_000, 2_000];

/**
 * The shell's change stream (`GET /api/changes`, server-sent events) read with fetch, which sends the
 * token in its header as every other call does (EventSource could only put it in the address). When
 * the stream breaks the shell itself is out of reach: that is told as the store's state until a new
 * stream opens, whose first event is the state again.
 */
function changeStream(listener: (event: ChangeEvent) => void): () => void {
  let stopped = false;
  let failures = 0;
  let push: boolean | null = null;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function open() {
    controller = new AbortController();
    try {
      const res = await fetch('/api/changes', {
        headers: { Authorization: `Bearer ${launchToken()}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`change stream: ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = eventOf(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (!event) continue;
          failures = 0;
          if (event.type === 'state') push = event.push;
          listener(event);
        }
      }
    } catch {
      // told below, as a stream that ended
    }
    if (stopped) return;
    listener({ type: 'state', push: push ?? false, connected: false });
    timer = setTimeout(() => void open(), REOPEN_MS[Math.min(failures, REOPEN_MS.length - 1)]);
    failures += 1;
  }

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}

/** One server-sent event's data, as a change event; null for a comment (keep-alive) or anything else. */
function eventOf(block: string): ChangeEvent | null {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  if (!data) return null;
  try {
    return asChangeEvent(JSON.parse(data));
  } catch {
    return null;
  }
}
