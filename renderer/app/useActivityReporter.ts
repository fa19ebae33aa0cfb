import { useEffect } from 'react';
import { call } from '../transport/call';

const EVERY_MS = 30_000;

/** Tells the core the user is at the desk (typing, clicking), so the inactivity lock never falls mid-work. */
export function useActivityReporter() {
  useEffect(() => {
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      call('auth.touch', {}).catch(() => {});
    };
    window.addEventListener('keydown', report, true);
    window.addEventListener('pointerdown', report, true);
    return () => {
      window.removeEventListener('keydown', report, true);
      window.removeEventListener('pointerdown', report, true);
    };
  }, []);
}
