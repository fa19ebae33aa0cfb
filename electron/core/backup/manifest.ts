import { z } from 'zod';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * This program's version, from the package.json found by walking up from this module (the sources,
 * the build under out/, the packaged app): read, not imported, so the core stays inside its folder.
 */
export const APP_VERSION: string = findAppVersion();

function findAppVersion(): string {
  // __dirname in the CommonJS main-process bundle; import.meta.url under vitest and tsx.
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'istiqbal' && pkg.version) return pkg.version;
      } catch {
        // Not ours; keep walking.
      }
    }
    dir = resolve(dir, '..');
  }
  return '0.0.0';
}

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
