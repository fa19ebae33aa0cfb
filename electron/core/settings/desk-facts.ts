import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsView } from '@shared/contract';
import { writePrivateFile } from '../private-files';
import type { Store } from '../store/store';

/**
 * The settings that are facts of one PC, not of the association: where this PC's backups go (a disk
 * or a USB stick of this PC). They live in the PC's data folder (user-only, as everything there), never
 * in the store: on PostgreSQL every desk's process shares the settings table, and one desk saving its
 * folder must not move another's. Which desk a PC is stays in the window itself (the sign-in screen
 * remembers the last desk chosen in its own storage, also per PC). Everything shared — the
 * association's name, the letterhead, the desks and their ticket prefixes, the lock and session
 * times — stays in the store.
 */
export const DESK_FACTS_FILE = 'desk-settings.json';

export const DESK_FACT_KEYS = ['backupFolder'] as const;
export type DeskFactKey = (typeof DESK_FACT_KEYS)[number];
export type DeskFacts = Pick<SettingsView, DeskFactKey>;

const NONE: DeskFacts = { backupFolder: null };

export function isDeskFact(key: string): key is DeskFactKey {
  return (DESK_FACT_KEYS as readonly string[]).includes(key);
}

export function readDeskFacts(dataDir: string): DeskFacts {
  const file = join(dataDir, DESK_FACTS_FILE);
  if (!existsSync(file)) return { ...NONE };
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeskFacts>;
    return { backupFolder: typeof stored.backupFolder === 'string' ? stored.backupFolder : null };
  } catch {
    return { ...NONE }; // a file edited by hand into nonsense: the defaults, until saved again
  }
}

/** Changes the facts given (undefined: left as they are), the others kept. */
export function writeDeskFacts(dataDir: string, changes: Partial<DeskFacts>): DeskFacts {
  const facts = { ...readDeskFacts(dataDir) };
  for (const key of DESK_FACT_KEYS) if (changes[key] !== undefined) facts[key] = changes[key];
  writePrivateFile(join(dataDir, DESK_FACTS_FILE), `${JSON.stringify(facts, null, 2)}\n`);
  return facts;
}

/**
 * A SQLite store written before these facts moved out of it keeps them as settings rows: at start
 * they are moved into the data folder's file (unless the file already has its own) and the rows go.
 * On PostgreSQL nothing is moved: such a row came from one desk's SQLite store and is no other PC's
 * fact; the settings never read it there.
 */
export async function adoptStoredDeskFacts(store: Store, dataDir: string): Promise<void> {
  if (store.kind !== 'sqlite') return;
  const rows = await store.db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [...DESK_FACT_KEYS]).execute();
  if (rows.length === 0) return;
  const have = readDeskFacts(dataDir);
  const adopted: Partial<DeskFacts> = {};
  for (const row of rows) {
    const key = row.key as DeskFactKey;
    if (have[key] === null) adopted[key] = JSON.parse(row.value) as string | null;
  }
  writeDeskFacts(dataDir, adopted);
  await store.write((trx) => trx.deleteFrom('settings').where('key', 'in', [...DESK_FACT_KEYS]).execute());
}
