import type { Kysely, Migration } from 'kysely';
import { NAME_INDEX_RANK_BASE } from '../../sqlite/migrations/0004-search-normalisation';
import { run } from './ddl';

/** Where a visitor's next search_rank comes from on PostgreSQL. */
export const SEARCH_RANK_SEQUENCE = 'beneficiaries_search_rank_seq';

/**
 * The sequence set after the highest rank the table holds, so the next visitor ranks above everyone:
 * after this migration, and after rows are copied in (a move from SQLite, the bench's load).
 */
export const CONTINUE_SEARCH_RANK = `SELECT setval('${SEARCH_RANK_SEQUENCE}', coalesce((SELECT max(search_rank) FROM beneficiaries), ${NAME_INDEX_RANK_BASE}))`;

/**
 * A visitor's search_rank (0004: the latest visitor first in the name search) came from the highest
 * rank plus one, read inside the check-in. Check-ins of different desks now run side by side (the
 * desks' own part of the writers' lock), so two of them read the same highest rank and the second
 * was refused by the unique index. A sequence gives each its own number without either waiting for the
 * other; numbers keep their order, which is all the search reads of them. SQLite's 0021 changes
 * nothing: it writes one change at a time.
 */
export const searchRankSequence: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE SEQUENCE ${SEARCH_RANK_SEQUENCE} AS integer`,
      CONTINUE_SEARCH_RANK,
      // Only forward, as before: a visit written late for an earlier time does not make the person less recent.
      `CREATE OR REPLACE FUNCTION visits_touch_last_visit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE beneficiaries SET last_visit_at = NEW.arrived_at, search_rank = nextval('${SEARCH_RANK_SEQUENCE}')
          WHERE id = NEW.beneficiary_id AND (last_visit_at IS NULL OR last_visit_at < NEW.arrived_at);
          RETURN NULL;
        END $$`,
    ]);
  },
};
