import type { Envelope } from '../../shared/errors';
import type { IstiqbalBridge } from '../../shared/bridge';

const TOKEN_KEY = 'istiqbal.token';
const SESSION_KEY = 'istiqbal.session';

/**
 * The loopback shell's bridge: the launch token arrives in the address fragment (never sent over
 * the wire), is kept for this tab only, and is wiped from the address bar at once.
 */
function launchToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

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
};
