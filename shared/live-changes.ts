/**
 * How a desk hears that the store changed (docs/architecture.md#live-changes). On PostgreSQL the core listens to the server and
 * pushes every committed change to each shell, and from there to its renderer; on SQLite nothing is
 * pushed and the renderer polls the store's revision each second.
 *
 * A subscriber is first told the state (whether changes are pushed, whether the store answers), then
 * every change. A state saying `connected` after the first means the push was interrupted and is back:
 * changes may have been missed meanwhile, so everything shown is read again.
 */
export type ChangeEvent =
  | { type: 'state'; push: boolean; connected: boolean }
  | { type: 'change'; revision: number };

/** The event if `value` is one (what crosses IPC or arrives over HTTP is checked, never trusted), else null. */
export function asChangeEvent(value: unknown): ChangeEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type === 'state' && typeof v.push === 'boolean' && typeof v.connected === 'boolean') {
    return { type: 'state', push: v.push, connected: v.connected };
  }
  if (v.type === 'change' && typeof v.revision === 'number' && Number.isSafeInteger(v.revision)) {
    return { type: 'change', revision: v.revision };
  }
  return null;
}
