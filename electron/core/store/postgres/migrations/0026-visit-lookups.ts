import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/**
 * Three lookups that read every change of the day on PostgreSQL, made to read only what they want.
 *
 * PostgreSQL keeps the old version of a changed row, and its index entries, until VACUUM (a million
 * visits are vacuumed rarely); it marks an entry dead when a scan meets it only if the index page has
 * not changed meanwhile. visits_day_state (day, state, arrival) held the waiting visitors beside the
 * served ones, and every call wrote a new entry into the same pages: the next call then walked past
 * every visitor called that day before finding the first one waiting (700 called: 0.9 ms a call, and
 * more as the day goes on). visits_waiting holds the waiting alone, in the queue's order (arrival, then
 * id: no sort), and changes only where a check-in adds the newest: the called ones are marked dead once
 * and skipped after. Nothing else needs visits_day_state: every other read of a day's visits goes
 * through visits_day_arrival or visits_day_figures.
 *
 * visits_open (referred or serving, of any day) was as small as visits_serving to the planner, which
 * then took it for whom this receptionist serves now (call-next, S1) and read every visit being served
 * anywhere. The referred visits get their own index, in the referrals list's order; the served ones
 * have visits_serving (0022).
 *
 * A person's ticket of the day (a check-in's facts) read all their visits of ten years to keep today's:
 * visits_beneficiary now ends with the day (SQLite's 0026 does the same).
 */
export const visitLookups: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE INDEX visits_waiting ON visits(day, arrived_at, id) WHERE state = 'waiting'`,
      `DROP INDEX visits_day_state`,
      `CREATE INDEX visits_referred ON visits(arrived_at) WHERE state = 'referred'`,
      `DROP INDEX visits_open`,
      `DROP INDEX visits_beneficiary`,
      `CREATE INDEX visits_beneficiary ON visits(beneficiary_id, day)`,
    ]);
  },
};
