import type { Kysely, Migration } from 'kysely';
import { TEXT, oneOf, run } from './ddl';

/** SQLite's 0018 on PostgreSQL: the ratings, the one-way marker of rated visits, each desk's last kiosk press (see there). */
export const satisfaction: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE satisfaction_ratings (
        id ${TEXT} PRIMARY KEY,
        day ${TEXT} NOT NULL,
        desk_id integer REFERENCES desks(id),
        reason ${TEXT} NOT NULL,
        channel ${TEXT} NOT NULL,
        served_by integer REFERENCES users(id),
        visit_id integer UNIQUE REFERENCES visits(id),
        source ${TEXT} NOT NULL ${oneOf('source', ['kiosk', 'paper'])},
        entered_by integer REFERENCES users(id),
        overall integer NOT NULL CHECK (overall BETWEEN 1 AND 5),
        courtesy integer CHECK (courtesy BETWEEN 1 AND 5),
        speed integer CHECK (speed BETWEEN 1 AND 5),
        clarity integer CHECK (clarity BETWEEN 1 AND 5),
        comment ${TEXT},
        contact_me boolean NOT NULL DEFAULT false,
        misuse boolean NOT NULL DEFAULT false,
        followed_up_at ${TEXT},
        followed_up_by integer REFERENCES users(id),
        follow_up_note ${TEXT})`,
      `CREATE INDEX satisfaction_ratings_day ON satisfaction_ratings(day)`,
      `CREATE TABLE rated_visits (visit_id integer PRIMARY KEY REFERENCES visits(id))`,
      `CREATE TABLE kiosk_presses (
        desk_id integer PRIMARY KEY REFERENCES desks(id),
        last_at ${TEXT} NOT NULL)`,
    ]);
  },
};
