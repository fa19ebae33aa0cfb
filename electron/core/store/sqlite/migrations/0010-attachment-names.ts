import { sql, type Kysely, type Migration } from 'kysely';
import { displayFileName } from '../../../uploads/display-name';
import { kindOfMime } from '../../../uploads/file-kinds';

/**
 * Scans attached before names were cleaned kept the name they came with: folders
 * («../../etc/passwd»), control characters («a\0b.pdf»), an extension of another type. Each is given
 * the name a scan is now kept under (uploads/display-name.ts), in the attachment and on its request's
 * timeline, whose «attach» line shows the same name. The audit trail keeps what was written then.
 */
export const attachmentNames: Migration = {
  async up(db: Kysely<unknown>) {
    const { rows } = await sql<{ id: number; request_id: number; file_name: string; mime_type: string }>`
      SELECT id, request_id, file_name, mime_type FROM attachments`.execute(db);
    for (const row of rows) {
      const kind = kindOfMime(row.mime_type);
      if (!kind) continue; // a type the desk never accepted: nothing to name it after
      const name = displayFileName(row.file_name, kind);
      if (name === row.file_name) continue;
      await sql`UPDATE attachments SET file_name = ${name} WHERE id = ${row.id}`.execute(db);
      await sql`UPDATE request_events SET note = ${name}
        WHERE request_id = ${row.request_id} AND action = 'attach' AND note = ${row.file_name}`.execute(db);
    }
  },
};
