import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './0001-foundation';

/**
 * Every migration, listed by hand and in order: no filesystem glob (it breaks inside an asar).
 * Forward only: a released migration is never edited, a new one is added below it.
 */
export const sqliteMigrations: Record<string, Migration> = {
  '0001-foundation': foundation,
};

export const sqliteMigrationProvider: MigrationProvider = {
  getMigrations: async () => sqliteMigrations,
};
