import { z } from 'zod';
import { version as packageVersion } from '../../../package.json';
import { sqliteMigrations } from '../store/sqlite/migrations';

/** The last entry of every backup: what it holds, to check it against before anything is restored. */
export const MANIFEST_PATH = 'manifest.json';
export const MANIFEST_FORMAT = 'istiqbal-backup';
export const MANIFEST_FORMAT_VERSION = 1;

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  appVersion: z.string(),
  /** The number of the last migration the database had (0009 → 9). */
  schemaVersion: z.number().int(),
  migrations: z.array(z.string()),
  database: z.string(),
  /** Rows per table of the database, as counted in the checked snapshot. */
  tables: z.record(z.string(), z.number().int()),
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The manifest's JSON, or null when it is not one (the caller says in Arabic what that means). */
export function parseManifest(bytes: Buffer): BackupManifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const APP_VERSION: string = packageVersion;

/** The migrations this build knows, by name. */
export const APP_MIGRATIONS: readonly string[] = Object.keys(sqliteMigrations).sort();

export function schemaVersionOf(migrations: readonly string[]): number {
  return migrations.reduce((max, name) => Math.max(max, Number.parseInt(name, 10) || 0), 0);
}

/** The schema version of this build: a backup with a higher one was made by a newer program. */
export const APP_SCHEMA_VERSION = schemaVersionOf(APP_MIGRATIONS);

/** True when a database with these migrations needs a newer program than this one. */
export function isNewerSchema(migrations: readonly string[], schemaVersion: number): boolean {
  return schemaVersion > APP_SCHEMA_VERSION || migrations.some((m) => !APP_MIGRATIONS.includes(m));
}
