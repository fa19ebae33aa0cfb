import { useMemo } from 'react';

const PREFIX = 'istiqbal.draft.';

/**
 * A form's half-typed values, kept in this machine's storage as they are typed, so a closed window,
 * a crash or a reload never loses them; cleared when the form is saved or deliberately abandoned.
 */
export function useDraft<T>(name: string) {
  return useMemo(() => {
    const key = PREFIX + name;
    let saved: T | null = null;
    try {
      const raw = localStorage.getItem(key);
      saved = raw ? (JSON.parse(raw) as T) : null;
    } catch {
      saved = null;
    }
    return {
      saved,
      save: (values: T) => localStorage.setItem(key, JSON.stringify(values)),
      clear: () => localStorage.removeItem(key),
    };
  }, [name]);
}
