/**
 * The desk's window-wide keys, in one place: each is bound where it acts (`useHotkeys([[KEYS.x.hotkey, …]])`)
 * and shown on its button from the same entry (`<Kbd>{KEYS.x.label}</Kbd>`), so the key a user reads is
 * the key that works. The repository's README ("At the desk") lists them for users;
 * tests/e2e/desk-keys.spec.ts proves them.
 */
export const KEYS = {
  /** The search box, from anywhere on the hall. */
  search: { hotkey: 'F2', label: 'F2' },
  /** S1: call the next visitor to this desk. */
  callNext: { hotkey: 'F4', label: 'F4' },
  /** Log a telephone or other contact, from any tab. */
  logContact: { hotkey: 'F6', label: 'F6' },
  /** The visit being served: finish it. */
  finishVisit: { hotkey: 'F8', label: 'F8' },
  /** The visit being served: refer it to a researcher. */
  referVisit: { hotkey: 'F9', label: 'F9' },
  /** Lock the desk, even while typing. */
  lock: { hotkey: 'ctrl+L', label: 'Ctrl+L' },
  /** Back from a file or request opened over a tab. */
  back: { hotkey: 'alt+ArrowRight', label: 'Alt+→' },
} as const;
