import type { StoreSource } from '@shared/contract';
import { defaultPasswordFile } from './pgpass';
import { PasswordKeeper, type PasswordSeal } from './password-keeper';
import { readSavedStore } from './saved-store';
import { urlOf } from './server-address';

/**
 * Where the store lives: the SQLite file in the data folder (one desk; the default), or a PostgreSQL
 * server that a hall's desks share (`--store postgres://…`, ISTIQBAL_STORE, or saved on the settings screen).
 */
export type StoreChoice = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

/**
 * The store named on the command line (`--store postgres://…`) or in ISTIQBAL_STORE. A value that is
 * no PostgreSQL URL is refused rather than silently opening the SQLite file.
 */
export function storeChoiceFrom(value: string | undefined): StoreChoice {
  if (!value || value === 'sqlite') return { kind: 'sqlite' };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  throw new Error(`--store / ISTIQBAL_STORE: expected postgres://user@host:5432/database or sqlite, got "${value.replace(/:[^:@/]*@/, ':…@')}"`);
}

export interface StoreStart {
  choice: StoreChoice;
  source: StoreSource;
}

/**
 * The store a shell opens, in this order: `--store` (also `--store sqlite`, to start on this PC's own
 * store whatever is saved), then ISTIQBAL_STORE, then the server saved on this PC (its password from
 * where it is kept), then the SQLite file in the data folder.
 */
export function storeToOpen(options: { flag?: string; env?: string; dataDir: string; seal?: PasswordSeal; passwordFile?: string }): StoreStart {
  if (options.flag) return { choice: storeChoiceFrom(options.flag), source: 'flag' };
  if (options.env) return { choice: storeChoiceFrom(options.env), source: 'environment' };
  const saved = readSavedStore(options.dataDir);
  if (saved) {
    const keeper = new PasswordKeeper({ seal: options.seal, passwordFile: options.passwordFile ?? defaultPasswordFile() });
    return { choice: { kind: 'postgres', url: urlOf(saved.server, keeper.recall(saved.server, saved.password)) }, source: 'saved' };
  }
  return { choice: { kind: 'sqlite' }, source: 'default' };
}
