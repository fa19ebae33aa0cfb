import type { Kysely, Migration } from 'kysely';
import { TEXT, run } from './ddl';

/**
 * SQLite's 0020 on PostgreSQL: complaints.contact_id gets its foreign key to contacts (a number that
 * names no contact is kept as no contact rather than failing the server's upgrade); a delivered
 * service gets its instant and the visit it was handed over in, for the satisfaction kiosk.
 */
export const contactKeyDeliveryVisit: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `UPDATE complaints SET contact_id = NULL WHERE contact_id IS NOT NULL AND contact_id NOT IN (SELECT id FROM contacts)`,
      `ALTER TABLE complaints ADD CONSTRAINT complaints_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts(id)`,
      `ALTER TABLE requests ADD COLUMN delivered_at ${TEXT}, ADD COLUMN delivered_visit_id integer REFERENCES visits(id)`,
      `CREATE INDEX requests_delivered_at ON requests(delivered_at) WHERE delivered_at IS NOT NULL`,
    ]);
  },
};
