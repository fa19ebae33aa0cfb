import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { explain, recordStatements } from '../../helpers/sql';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The audit screen's pages on a large table, as SQLite plans them: each filter reads its page straight
 * from an index of migration 0008, with no sort of the rows afterwards. SQLite's query planner only
 * (vitest.config.mts: SQLITE_ONLY); audit-list.test.ts proves the answers on both stores.
 */
let t: TestCore;
let admin: SignedIn;
let desk: SignedIn;
let hind: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  desk = await signedInAs(t, 'receptionist', { deskId: 2 });
  hind = (await desk.ok('beneficiaries.register', beneficiaryInput(61, ['هند', 'سالم', 'مبارك', 'العتيبي']))).id;
  await desk.ok('visits.checkIn', { beneficiaryId: hind, reason: 'follow_up' });
  await desk.call('audit.list', {}); // refused: a row of kind 'refused'
});
afterAll(() => t.cleanup());

describe('audit.list on a large table: read straight from the indexes', () => {
  it('each filter\'s page is a SEARCH through an audit index, with no sort of the rows afterwards', async () => {
    for (const filter of [{}, { from: '2025-03-10', to: '2025-03-10' }, { userId: desk.user.id }, { operation: 'visits.checkIn' }, { beneficiaryId: hind }, { kind: 'refused' }] as const) {
      const statements = await recordStatements(t.raw, () => admin.ok('audit.list', { ...filter, olderThan: { at: '2030-01-01T00:00:00.000Z', id: 1e9 } } as never));
      const list = statements.find((s) => /from "audit" as "a"/i.test(s.sql))!;
      expect(list, JSON.stringify(filter)).toBeDefined();
      const plan = explain(t.raw, list).join('\n');
      expect(plan, `${JSON.stringify(filter)}\n${plan}`).toMatch(/SEARCH a USING INDEX audit_\w+/);
      expect(plan, `${JSON.stringify(filter)}\n${plan}`).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('the desks\' change counter reads the newest change from its own small index', async () => {
    const statements = await recordStatements(t.raw, () => desk.ok('settings.revision', {}));
    const revision = statements.find((s) => /from audit/i.test(s.sql))!;
    expect(explain(t.raw, revision).join('\n')).toMatch(/USING COVERING INDEX audit_changes/);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
