import { z } from 'zod';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';

/** A PostgreSQL database's address, postgres://user:password@host:5432/database, as the administrator types it. */
export function postgresUrl() {
  return z
    .string()
    .trim()
    .max(2000, ar.storeMove.badUrl)
    .refine((v) => /^postgres(ql)?:\/\/\S+$/.test(v) && hasHostAndDatabase(v), ar.storeMove.badUrl);
}

function hasHostAndDatabase(value: string): boolean {
  try {
    const url = new URL(value);
    return url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

export type StoreMovePhase = 'starting' | 'check' | 'schema' | 'tables' | 'files' | 'verify';

export interface StoreMoveStatusView {
  /** The store this desk runs on: only a SQLite store has anything to move. */
  storeKind: 'sqlite' | 'postgres';
  /** A move this desk's process is making now, with its progress (its table's rows, or the files, done of total). */
  job: { phase: StoreMovePhase; table: string | null; done: number; total: number; fraction: number; startedAt: string; target: string } | null;
  /** How the last move started here ended; `target` without its password. */
  last: { at: string; ok: boolean; message: string; target: string } | null;
}

export const storeMoveOperations = {
  'store.migrationStatus': query<StoreMoveStatusView>()({ input: emptyInput, access: ['admin'] }),
  /**
   * Starts moving this desk's SQLite store (rows, audit trail and files) into an empty PostgreSQL
   * database; answers at once, its progress and result come through store.migrationStatus. This desk's
   * changes wait for its end. `confirmed` says the administrator was asked.
   */
  'store.migrateTo': mutation<StoreMoveStatusView>()({
    input: z.object({ url: postgresUrl(), confirmed: z.literal(true, ar.errors.confirm) }).strict(),
    access: ['admin'],
    invalidates: ['store.'],
  }),
} as const;
