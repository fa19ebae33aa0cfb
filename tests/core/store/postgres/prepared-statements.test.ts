import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type SignedIn } from '../../../helpers/sessions';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * On PostgreSQL (bench: a check-in's statements planned once, not on every call): the PostgreSQL store
 * prepares each statement once per connection. A newer desk's migration may then change a table under
 * a kept `SELECT *`, which the server refuses to run as kept: the desk still answers, and goes on.
 */
let t: TestCore;
let admin: SignedIn;

beforeAll(async () => {
  t = await openTestCore();
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.cleanup());

const desksAtOnce = () => Promise.all(Array.from({ length: 8 }, () => admin.ok('settings.desks', {})));

describe('prepared statements on PostgreSQL', () => {
  it('a table changed by another desk\'s newer version under a kept SELECT *: every call still answers, the same', async () => {
    // Kept on every connection of the pool (eight calls at once use all of them).
    const before = await desksAtOnce();
    await sql`ALTER TABLE desks ADD COLUMN colour text`.execute(t.db);
    const after = await desksAtOnce();
    expect(after).toEqual(before);
    expect(await desksAtOnce()).toEqual(before);
    expect(t.internalErrors).toEqual([]);
  });
});
