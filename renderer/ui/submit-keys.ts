import type { KeyboardEvent } from 'react';

/**
 * A dialog's form, keyboard first (put it on onKeyDownCapture): Enter submits, Ctrl+Enter (⌘+Enter)
 * too — the only way from a text area, where a plain Enter starts a new line. A closed choice list
 * (Mantine's Select) would open on Enter: it submits like any one-line field; once open (arrows),
 * Enter picks an option as before.
 */
export function submitKeys(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.altKey) return;
  const target = e.target as HTMLElement;
  const closedChoice = target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') !== 'true';
  if (e.ctrlKey || e.metaKey || closedChoice) {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.requestSubmit();
  }
}
