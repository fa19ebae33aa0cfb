import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/** SQLite's 0015 on PostgreSQL: the period report's counts of requests from small indexes. */
export const reportIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE INDEX requests_opened ON requests(opened_at, channel)`,
      `CREATE INDEX requests_submission_day ON requests(submission_day)`,
      `CREATE INDEX requests_decided ON requests(decided_at, decision, submission_day, expected_answer_date)`,
      `CREATE INDEX requests_registered ON requests(registered_at)`,
      `CREATE INDEX requests_delivered ON requests(delivered_on, service_amount)`,
      `CREATE INDEX requests_closed ON requests(closed_at)`,
      `CREATE INDEX request_events_action_at ON request_events(action, at)`,
    ]);
  },
};
