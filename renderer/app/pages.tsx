import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** A page opened over the current tab: a beneficiary's file, a support request or a complaint (by its acknowledgement number). */
export type Page = { kind: 'profile'; beneficiaryId: number } | { kind: 'request'; requestId: number } | { kind: 'complaint'; number: string };

interface Pages {
  /** The page on top, if any. */
  current: Page | null;
  depth: number;
  open: (page: Page) => void;
  back: () => void;
  closeAll: () => void;
}

const PagesContext = createContext<Pages | null>(null);

/**
 * Files and requests open over the tab the user was on, which stays mounted underneath: going back
 * returns to exactly what was on screen (a half-done check-in, a filtered list).
 */
export function PagesProvider({ children }: { children: ReactNode }) {
  const [stack, setStack] = useState<Page[]>([]);
  const value = useMemo<Pages>(
    () => ({
      current: stack[stack.length - 1] ?? null,
      depth: stack.length,
      open: (page) =>
        setStack((s) => {
          const top = s[s.length - 1];
          if (top && JSON.stringify(top) === JSON.stringify(page)) return s;
          return [...s, page];
        }),
      back: () => setStack((s) => s.slice(0, -1)),
      // Every tab click calls this: with nothing open it must not redraw the screen it leaves (bench).
      closeAll: () => setStack((s) => (s.length === 0 ? s : [])),
    }),
    [stack],
  );
  return <PagesContext.Provider value={value}>{children}</PagesContext.Provider>;
}

export function usePages(): Pages {
  const pages = useContext(PagesContext);
  if (!pages) throw new Error('usePages outside PagesProvider');
  return pages;
}
