import type { StoreConnectionView, StoreSource } from '@shared/contract';
import type { PasswordKeeper } from './password-keeper';
import { readSavedStore, type SavedStore } from './saved-store';
import { addressOf, passwordOf, sameAddress, sameLogin, type ServerAddress } from './server-address';
import type { StoreChoice } from './store-start';

/** What the store.* operations know of this desk's store: the one open now, where it was named, how passwords are kept. */
export interface StoreConnectionRuntime {
  dataDir: string;
  source: StoreSource;
  current: StoreChoice;
  keeper: PasswordKeeper;
  /** How long a connection test waits for the server (tests shorten it). */
  probeTimeoutMs?: number;
}

/** The saved choice, or null when there is none or its file cannot be read (the screen offers to save anew). */
export function savedOrNull(runtime: StoreConnectionRuntime): SavedStore | null {
  try {
    return readSavedStore(runtime.dataDir);
  } catch {
    return null;
  }
}

export function connectionView(runtime: StoreConnectionRuntime): StoreConnectionView {
  const saved = savedOrNull(runtime);
  const currentServer = runtime.current.kind === 'postgres' ? addressOf(runtime.current.url) : null;
  const overridden = runtime.source === 'flag' || runtime.source === 'environment';
  // What the next start opens, if nothing on its command line or in its environment says otherwise.
  const nextServer = overridden ? currentServer : (saved?.server ?? null);
  const restartNeeded = !overridden && (nextServer === null ? currentServer !== null : currentServer === null || !sameAddress(currentServer, nextServer));
  return {
    current: { kind: runtime.current.kind, source: runtime.source, server: currentServer },
    saved: saved ? { ...saved.server, passwordKept: saved.password.keptIn !== 'none', savedAt: saved.savedAt } : null,
    restartNeeded,
    overridden,
  };
}

/**
 * The password to try a server with: the one typed, else the one this PC already has for the same
 * server and user — kept with the saved choice, or in the URL of the store open now.
 */
export function passwordFor(runtime: StoreConnectionRuntime, server: ServerAddress, typed: string | undefined): string | null {
  if (typed) return typed;
  const saved = savedOrNull(runtime);
  if (saved && sameLogin(saved.server, server)) {
    const kept = runtime.keeper.recall(saved.server, saved.password);
    if (kept) return kept;
  }
  if (runtime.current.kind === 'postgres' && sameLogin(addressOf(runtime.current.url), server)) return passwordOf(runtime.current.url);
  return null;
}
