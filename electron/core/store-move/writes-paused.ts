import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { Store } from '../store/store';

/**
 * The store as it is, but while `paused()` says so every write is refused as busy at once, with
 * nothing written (a move to PostgreSQL is reading it: a change now would be left behind). Reads go on.
 */
export function withWritesPaused(store: Store, paused: () => boolean): Store {
  const guarded = Object.create(store) as Store;
  guarded.write = (fn, scope, ahead) => (paused() ? Promise.reject(new AppError('busy', ar.storeMove.writesPaused)) : store.write(fn, scope, ahead));
  return guarded;
}
