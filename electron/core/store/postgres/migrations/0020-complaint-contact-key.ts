import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/**
 * SQLite's 0020 on PostgreSQL: complaints.contact_id gets its foreign key to contacts. A number that
 * names no contact is kept as no contact rather than failing the server's upgrade.
 */
export const complaintContactKey: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `UPDATE complaints SET contact_id = NULL WHERE contact_id IS NOT NULL AND contact_id NOT IN (SELECT id FROM contacts)`,
      `ALTER TABLE complaints ADD CONSTRAINT complaints_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts(id)`,
    ]);
  },
};
