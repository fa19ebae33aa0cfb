import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { onChanges } from '../transport/call';

/** Pushed changes arriving close together are read once: at most one re-read this often (10 desks at work). */
const REREAD_EVERY_MS = 250;

/**
 * What a change elsewhere makes stale: everything a screen shows, except the change counter itself
 * and the period reports — a report is read when asked for, not again at every change in
 * the hall (a year's figures are half a second of the job worker's time).
 */
export function staleAfterChange(query: { queryKey: readonly unknown[] }): boolean {
  const name = String(query.queryKey[0]);
  return name !== 'settings.revision' && !name.startsWith('reports.');
}

export interface LiveState {
  /** Whether the shell pushes the store's changes (PostgreSQL); null until it has said. Otherwise the desk polls. */
  push: boolean | null;
  /** false while the store's server (or the shell) cannot be reached: the desk shows it and keeps what was typed. */
  connected: boolean;
}

/**
 * The store's changes as the shell pushes them (shared/live-changes.ts): a change anywhere re-reads
 * what the screens show, within a second; the store's server coming back after any interruption
 * re-reads everything, since changes may have been missed meanwhile.
 */
export function useLiveChanges(): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({ push: null, connected: true });
  useEffect(() => {
    let told = false;
    let lastRead = 0;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const reread = () => {
      pending = undefined;
      lastRead = Date.now();
      void client.invalidateQueries({ predicate: staleAfterChange });
    };
    const off = onChanges((event) => {
      if (event.type === 'change') {
        if (pending) return;
        const wait = lastRead + REREAD_EVERY_MS - Date.now();
        if (wait <= 0) reread();
        else pending = setTimeout(reread, wait);
        return;
      }
      // Every state after the first that says connected follows an interruption: read everything again.
      if (event.connected && told) void client.invalidateQueries();
      told = true;
      setState((s) => (s.push === event.push && s.connected === event.connected ? s : { push: event.push, connected: event.connected }));
    });
    return () => {
      off();
      clearTimeout(pending);
    };
  }, [client]);
  return state;
}
