import { createContext, useContext, useRef, type ReactNode, type RefObject } from 'react';

const ScreenVisibleContext = createContext(true);

/**
 * Whether the screen below is the one on show. The hall stays mounted under the other tabs (going back
 * to it is then a redraw of what changed, not a whole new screen — bench: "queue of 300 on screen"),
 * so what it does on its own — keys, live refreshes, taking the focus — must ask this first.
 */
export function ScreenVisible({ visible, children }: { visible: boolean; children: ReactNode }) {
  return <ScreenVisibleContext.Provider value={visible}>{children}</ScreenVisibleContext.Provider>;
}

export function useScreenVisible(): boolean {
  return useContext(ScreenVisibleContext);
}

/** The same, for key handlers registered once: read when the key is pressed, not when it was registered. */
export function useScreenVisibleRef(): RefObject<boolean> {
  const visible = useScreenVisible();
  const ref = useRef(visible);
  ref.current = visible;
  return ref;
}
