import type { Migration } from 'kysely';
import { attachmentNames as onSqlite } from '../../sqlite/migrations/0010-attachment-names';

/**
 * SQLite's 0010 on PostgreSQL: scans attached before names were cleaned get the name a scan is now
 * kept under, on the attachment and its timeline line. A data step in portable Kysely, the same on
 * both stores, so it is SQLite's own.
 */
export const attachmentNames: Migration = onSqlite;
