import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../../private-files';
import type { KeptPassword } from './password-keeper';
import type { ServerAddress } from './server-address';

/**
 * The PostgreSQL server this PC's desk opens at start (the settings screen saves it): a file of the
 * data folder, user-only like the rest, never in the shared store — each PC chooses for itself.
 * It holds no password, only where the password is kept (password-keeper.ts).
 */
export const SAVED_STORE_FILE = 'store-connection.json';

export interface SavedStore {
  kind: 'postgres';
  server: ServerAddress;
  password: KeptPassword;
  savedAt: string;
}

export function readSavedStore(dataDir: string): SavedStore | null {
  const file = join(dataDir, SAVED_STORE_FILE);
  if (!existsSync(file)) return null;
  let saved: SavedStore;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedStore;
  } catch {
    throw new Error(`${file} is not readable JSON: remove it to start on this PC's own store, or save the server again`);
  }
  const s = saved?.server;
  if (saved?.kind !== 'postgres' || !s || typeof s.host !== 'string' || typeof s.port !== 'number' || typeof s.database !== 'string' || typeof s.username !== 'string') {
    throw new Error(`${file} does not name a PostgreSQL server: remove it to start on this PC's own store, or save the server again`);
  }
  return { ...saved, server: { ...s, tls: s.tls === true }, password: saved.password ?? { keptIn: 'none' } };
}

export function writeSavedStore(dataDir: string, saved: SavedStore): void {
  writePrivateFile(join(dataDir, SAVED_STORE_FILE), `${JSON.stringify(saved, null, 2)}\n`);
}

export function removeSavedStore(dataDir: string): void {
  rmSync(join(dataDir, SAVED_STORE_FILE), { force: true });
}
