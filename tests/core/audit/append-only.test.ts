import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../helpers/fixtures';
import { storeBefore } from '../../helpers/earlier-store';
import { signedInAs } from '../../helpers/sessions';
import { countRows, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The audit table is append-only in the database itself (migration 0008): an UPDATE or a DELETE is
 * refused by the database — SQLite's triggers, PostgreSQL's trigger function — whoever sends it: the
 * core, a tool on the same store, a bug. New rows still go in.
 */
let t: TestCore;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  const admin = await signedInAs(t, 'admin');
  await admin.ok('beneficiaries.register', beneficiaryInput(51));
});
afterAll(() => t.cleanup());

const count = () => countRows(t, 'audit');
const snapshot = () => t.db.selectFrom('audit').selectAll().orderBy('id').execute();

describe('the audit table is append-only in the database', () => {
  it('an UPDATE of an audit row is refused by the database, and the row stays as it was', async () => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await expect(sql`UPDATE audit SET after = '{}' WHERE id = (SELECT max(id) FROM audit)`.execute(t.db)).rejects.toThrow(/سجل التدقيق يُضاف إليه فقط/);
    await expect(sql`UPDATE audit SET user_id = NULL`.execute(t.db)).rejects.toThrow(/سجل التدقيق/);
    expect(await snapshot()).toEqual(before);
  });

  it('a DELETE of audit rows is refused by the database, one row or all', async () => {
    const n = await count();
    await expect(sql`DELETE FROM audit WHERE id = (SELECT min(id) FROM audit)`.execute(t.db)).rejects.toThrow(/سجل التدقيق يُضاف إليه فقط/);
    await expect(sql`DELETE FROM audit`.execute(t.db)).rejects.toThrow(/سجل التدقيق/);
    expect(await count()).toBe(n);
  });

  it('through the core\'s own write transaction too, which then rolls back whole', async () => {
    const n = await count();
    const users = await countRows(t, 'users');
    await expect(
      t.store.write(async (trx) => {
        await trx.insertInto('users').values({ username: 'x-audit', full_name: 'مستخدم', role: 'admin', password_hash: 'x', active: 1, created_at: 'now' }).execute();
        await trx.deleteFrom('audit').execute();
      }),
    ).rejects.toThrow(/سجل التدقيق/);
    expect(await count()).toBe(n);
    expect(await countRows(t, 'users')).toBe(users);
  });

  it('new rows still go in (the database refuses only changes and removals)', async () => {
    const n = await count();
    const admin = await signedInAs(t, 'admin');
    await admin.ok('settings.update', { lockAfterMinutes: 12 });
    expect(await count()).toBe(n + 1);
  });
});

describe('migration 0008 on a store written before it', () => {
  it('keeps every old row as a change and gives each its beneficiary (a file, a request, a visit, a scan)', async () => {
    const old = await storeBefore('0008');
    try {
      const at = '2024-01-01T08:00:00.000Z';
      await old.db.insertInto('users').values({ id: 1, username: 'desk1', full_name: 'نورة العتيبي', role: 'receptionist', password_hash: 'x', created_at: at }).execute();
      await old.db
        .insertInto('beneficiaries')
        .values({ id: 7, first_name: 'هند', father_name: 'سالم', grandfather_name: 'مبارك', family_name: 'العتيبي', full_name: 'هند سالم مبارك العتيبي', name_norm: 'هند سالم مبارك العتيبي', id_type: 'national_id', id_number: '1000000008', created_at: at, updated_at: at })
        .execute();
      const service = await old.db.selectFrom('service_types').select((eb) => eb.fn.min('id').as('id')).executeTakeFirstOrThrow();
      await old.db
        .insertInto('requests')
        .values({ id: 3, number: '1445-00003', beneficiary_id: 7, service_type_id: service.id, channel: 'interview', state: 'draft', opened_at: at, opened_by: 1, updated_at: at })
        .execute();
      await old.db
        .insertInto('visits')
        .values({ id: 5, day: '2024-01-01', desk_id: 1, seq: 1, ticket: 'A-001', beneficiary_id: 7, reason: 'inquiry', channel: 'interview', state: 'waiting', arrived_at: at, created_by: 1, version: 1 })
        .execute();
      await old.db
        .insertInto('attachments')
        .values({ id: 9, request_id: 3, purpose: 'document', file_name: 'a.png', stored_name: 'x.png', mime_type: 'image/png', size: 1, sha256: 'x', uploaded_at: at, uploaded_by: 1 })
        .execute();
      for (const [operation, entity, entityId] of [['beneficiaries.register', 'beneficiary', 7], ['requests.open', 'request', 3], ['visits.checkIn', 'visit', 5], ['requests.attach', 'attachment', 9], ['settings.update', 'settings', null]] as const) {
        await old.db.insertInto('audit').values({ at, user_id: 1, operation, entity, entity_id: entityId }).execute();
      }

      const store = await old.open();
      const rows = await store.db.selectFrom('audit').select(['operation', 'kind', 'beneficiary_id', 'desk_id']).orderBy('id').execute();
      expect(rows).toEqual([
        { operation: 'beneficiaries.register', kind: 'change', beneficiary_id: 7, desk_id: null },
        { operation: 'requests.open', kind: 'change', beneficiary_id: 7, desk_id: null },
        { operation: 'visits.checkIn', kind: 'change', beneficiary_id: 7, desk_id: null },
        { operation: 'requests.attach', kind: 'change', beneficiary_id: 7, desk_id: null },
        { operation: 'settings.update', kind: 'change', beneficiary_id: null, desk_id: null },
      ]);
      await expect(sql`DELETE FROM audit`.execute(store.db)).rejects.toThrow(/سجل التدقيق/);
    } finally {
      await old.cleanup();
    }
  });
});
