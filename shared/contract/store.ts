import { z } from 'zod';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';

/** How the desk reaches a PostgreSQL server, as the administrator types it on the settings screen. */
const connectionInput = z
  .object({
    /** A host name or an IP address (v4, or v6 with or without brackets). */
    host: z
      .string()
      .trim()
      .min(1, { message: ar.messages.required, abort: true })
      .max(253)
      .regex(/^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/, ar.storeConnection.hostFormat),
    port: z.number().int().min(1).max(65_535),
    database: z
      .string()
      .trim()
      .min(1, { message: ar.messages.required, abort: true })
      .max(63)
      .regex(/^[\p{L}\p{N}_$.-]+$/u, ar.storeConnection.nameFormat),
    username: z
      .string()
      .trim()
      .min(1, { message: ar.messages.required, abort: true })
      .max(63)
      .regex(/^[\p{L}\p{N}_$.@-]+$/u, ar.storeConnection.nameFormat),
    /** Left empty: the password this PC keeps for the same server and user (or none, where the server asks none). */
    password: z.string().max(200).optional(),
    /** An encrypted connection (TLS), as libpq's sslmode=require: the server must offer it. */
    tls: z.boolean(),
  })
  .strict();

/** A PostgreSQL server as the settings screen shows it: never its password. */
export interface StoreServerView {
  host: string;
  port: number;
  database: string;
  username: string;
  tls: boolean;
}

/** Where the store a desk runs on was named: `--store`, ISTIQBAL_STORE, the choice saved on this PC, or nothing (SQLite). */
export type StoreSource = 'flag' | 'environment' | 'saved' | 'default';

export interface StoreConnectionView {
  /** The store this desk's process runs on now. */
  current: { kind: 'sqlite' | 'postgres'; source: StoreSource; server: StoreServerView | null };
  /** The PostgreSQL server saved on this PC (its next start opens it unless `--store` or the environment names another store). */
  saved: (StoreServerView & { passwordKept: boolean; savedAt: string }) | null;
  /** The next start opens another store than the one open now: the desk must be restarted. */
  restartNeeded: boolean;
  /** `--store` or ISTIQBAL_STORE decides this desk's store: a saved choice waits until they are removed. */
  overridden: boolean;
}

/**
 * What a connection test found. A server that answered: `state` says what the database holds, and
 * `usable` whether a desk can be pointed at it. No answer: `problem` names the field to look at.
 */
export interface ConnectionTestView {
  usable: boolean;
  /** Arabic, ready to show. */
  message: string;
  /** e.g. "18.4"; null when the server did not answer. */
  serverVersion: string | null;
  state: 'empty' | 'istiqbal' | 'newer' | 'other' | 'no-create' | null;
  problem: 'host' | 'port' | 'database' | 'username' | 'password' | 'tls' | 'version' | 'server' | null;
}

export const storeOperations = {
  /** The store of this desk: what runs now, what is saved on this PC for its next start. */
  'store.connection': query<StoreConnectionView>()({ input: emptyInput, access: ['admin'] }),
  /** Tries the server with these details: its version (13 or later) and what the database holds. Nothing is saved. */
  'store.testConnection': mutation<ConnectionTestView>()({ input: connectionInput, access: ['admin'], invalidates: [] }),
  /**
   * Tests, then saves the server as this PC's store from its next start (a file in the data folder;
   * the password sealed by the desktop shell, or in the user's PostgreSQL password file). Refused,
   * with nothing saved, when the test does not find a usable database.
   */
  'store.saveConnection': mutation<StoreConnectionView>()({ input: connectionInput, access: ['admin'], invalidates: ['store.'] }),
  /** Forgets the saved server: from its next start the desk opens its own SQLite store again. */
  'store.forgetConnection': mutation<StoreConnectionView>()({ input: emptyInput, access: ['admin'], invalidates: ['store.'] }),
} as const;
