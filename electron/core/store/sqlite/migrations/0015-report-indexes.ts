import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for the period report and the evidence pack: each count of a year's requests
 * (opened, submitted, decided, registered, served, closed, and how many stood open at the period's
 * end) is a range of one small index, not a pass over ten years of requests.
 */
export const reportIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      // Opened in the period, by channel; opened by the period's end.
      sql`CREATE INDEX requests_opened ON requests(opened_at, channel)`,
      // Submitted in the period; submitted by its end (the submission day is the submission's business day).
      sql`CREATE INDEX requests_submission_day ON requests(submission_day)`,
      // Decided in the period, and decided or rejected by its end; with the submission and expected answer
      // days, the decisions' delays and the requests overdue at the end come from the index alone.
      sql`CREATE INDEX requests_decided ON requests(decided_at, decision, submission_day, expected_answer_date)`,
      sql`CREATE INDEX requests_registered ON requests(registered_at)`,
      sql`CREATE INDEX requests_delivered ON requests(delivered_on, service_amount)`,
      sql`CREATE INDEX requests_closed ON requests(closed_at)`,
      // S3 on requests: the referrals asked in the period, among millions of timeline events.
      sql`CREATE INDEX request_events_action_at ON request_events(action, at)`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
