import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useOp } from '../data/operations';
import { staleAfterChange } from './useLiveChanges';

/**
 * Another window or desk changed something: the core's change counter moved. Polling one tiny
 * number each second keeps every desk's queue within a second or two of the others. This is the
 * SQLite store's way; on PostgreSQL the changes are pushed (useLiveChanges) and `poll` is false.
 */
export function useLiveRevision({ poll, everyMs = 1000 }: { poll: boolean; everyMs?: number }) {
  const client = useQueryClient();
  const revision = useOp('settings.revision', {}, { enabled: poll, refetchInterval: everyMs, refetchIntervalInBackground: true, staleTime: 0 });
  const last = useRef<number | null>(null);
  const current = revision.data?.revision;
  useEffect(() => {
    if (current === undefined) return;
    if (last.current !== null && last.current !== current) {
      // The session is not among them: its loss shows as this poll's error, below.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth.session' && staleAfterChange(q) });
    }
    last.current = current;
  }, [current, client]);

  // Signed out behind this window's back (account stopped, password reset or changed elsewhere):
  // show the sign-in screen now rather than at the next session poll.
  const signedOut = revision.error?.code === 'unauthenticated';
  useEffect(() => {
    if (signedOut) void client.invalidateQueries({ queryKey: ['auth.session'] });
  }, [signedOut, client]);
}
