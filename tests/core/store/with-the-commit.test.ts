import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * The timeline's events, the hall's calls and the audit rows go to a PostgreSQL server with the
 * commit (Store.atCommit), their values written into the statement's text: every text reaches the
 * store exactly as typed — quotes, backslashes, a "$1", Arabic — on both stores, and a change that
 * fails there leaves nothing of itself.
 */
let t: TestCore;
let desk: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:30:00Z' });
  desk = await signedInAs(t, 'receptionist');
});
afterAll(() => t.cleanup());

const AWKWARD = `قال: "لم يُبلَّغ" — it's O''Brien\\'s \\x27 $1 $2; DROP TABLE audit; --`;

describe('statements sent with the commit', () => {
  it('keep every character of what was typed, in the timeline and in the audit row', async () => {
    const { id } = await desk.ok('visits.checkIn', walkInInput('ريم فهد الشهري', { reason: 'complaint' }));
    await desk.ok('visits.call', { visitId: id });
    await desk.ok('visits.finish', { visitId: id, outcome: 'complaint_recorded', outcomeNote: AWKWARD });

    const events = await t.db.selectFrom('visit_events').select(['action', 'note']).where('visit_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['checkIn', 'call', 'finish']);
    expect(events[2]!.note).toBe(AWKWARD);
    const audit = await t.db
      .selectFrom('audit')
      .select(['operation', 'after', 'beneficiary_id'])
      .where('entity', '=', 'visit')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.operation)).toEqual(['visits.checkIn', 'visits.call', 'visits.finish']);
    expect(JSON.parse(audit[2]!.after!).outcomeNote).toBe(AWKWARD);
    const calls = await t.db.selectFrom('hall_calls').select(['visit_id', 'recall']).where('visit_id', '=', id).execute();
    expect(calls).toEqual([{ visit_id: id, recall: 0 }]);
  });

  it('leave nothing of the change behind when one of them fails at the commit', async () => {
    const before = await rowCounts(t);
    const write = t.store.write(async (trx) => {
      await trx.insertInto('settings').values({ key: 'with-the-commit', value: '"x"' }).execute();
      // An event of a visit that does not exist: refused by its foreign key, at the commit on PostgreSQL.
      await t.store.atCommit(
        trx,
        trx
          .insertInto('visit_events')
          .values({
            visit_id: 987_654,
            at: '2024-02-14T06:30:00Z',
            user_id: 1,
            action: 'call',
            from_state: 'waiting',
            to_state: 'serving',
            note: null,
          })
          .compile(),
      );
    });
    await expect(write).rejects.toThrow();
    expect(await t.db.selectFrom('settings').select('key').where('key', '=', 'with-the-commit').execute()).toEqual([]);
    expect(await rowCounts(t)).toEqual(before);
  });
});
