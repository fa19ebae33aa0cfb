import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../../electron/core/store/sqlite/migrations';
import { openSqliteStore } from '../../../electron/core/store/sqlite/open-sqlite-store';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs } from '../../helpers/sessions';
import { makeTempDir, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The audit table is append-only in the database itself (migration 0008): an UPDATE or a DELETE is
 * refused by SQLite, whoever sends it — the core, a tool on the same file, a bug. New rows still go in.
 */
let t: TestCore;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  const admin = await signedInAs(t, 'admin');
  await admin.ok('beneficiaries.register', beneficiaryInput(51));
});
afterAll(() => t.cleanup());

const count = () => (t.raw.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
const snapshot = () => t.raw.prepare('SELECT * FROM audit ORDER BY id').all();

describe('the audit table is append-only in the database', () => {
  it('an UPDATE of an audit row is refused by SQLite, and the row stays as it was', () => {
    const before = snapshot();
    expect(before.length).toBeGreaterThan(0);
    expect(() => t.raw.prepare("UPDATE audit SET after = '{}' WHERE id = (SELECT max(id) FROM audit)").run()).toThrow(/سجل التدقيق يُضاف إليه فقط/);
    expect(() => t.raw.prepare('UPDATE audit SET user_id = NULL').run()).toThrow(/SQLITE_CONSTRAINT|سجل التدقيق/);
    expect(snapshot()).toEqual(before);
  });

  it('a DELETE of audit rows is refused by SQLite, one row or all', () => {
    const n = count();
    expect(() => t.raw.prepare('DELETE FROM audit WHERE id = (SELECT min(id) FROM audit)').run()).toThrow(/سجل التدقيق يُضاف إليه فقط/);
    expect(() => t.raw.prepare('DELETE FROM audit').run()).toThrow(/سجل التدقيق/);
    expect(count()).toBe(n);
  });

  it('through the core\'s own Kysely connection too, inside a write transaction that then rolls back whole', async () => {
    const n = count();
    const users = (t.raw.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    await expect(
      t.store.write(async (trx) => {
        await trx.insertInto('users').values({ username: 'x-audit', full_name: 'مستخدم', role: 'admin', password_hash: 'x', active: 1, created_at: 'now' }).execute();
        await trx.deleteFrom('audit').execute();
      }),
    ).rejects.toThrow(/سجل التدقيق/);
    expect(count()).toBe(n);
    expect((t.raw.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(users);
  });

  it('new rows still go in (the triggers refuse only changes and removals)', async () => {
    const n = count();
    const admin = await signedInAs(t, 'admin');
    await admin.ok('settings.update', { lockAfterMinutes: 12 });
    expect(count()).toBe(n + 1);
  });
});

describe('migration 0008 on a store written before it', () => {
  it('keeps every old row as a change and gives each its beneficiary (a file, a request, a visit, a scan)', async () => {
    const dir = makeTempDir('istiqbal-0008-');
    try {
      const file = join(dir, 'store.sqlite3');
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
      const earlier = Object.keys(sqliteMigrations).filter((name) => name < '0008');
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => Object.fromEntries(earlier.map((n) => [n, sqliteMigrations[n]!])) } });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      await old.destroy();

      const raw = new BetterSqlite3(file);
      const at = '2024-01-01T08:00:00.000Z';
      raw.prepare(`INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES (1, 'desk1', 'نورة العتيبي', 'receptionist', 'x', ?)`).run(at);
      raw.prepare(`INSERT INTO beneficiaries (id, first_name, father_name, grandfather_name, family_name, full_name, name_norm, id_type, id_number, created_at, updated_at)
        VALUES (7, 'هند', 'سالم', 'مبارك', 'العتيبي', 'هند سالم مبارك العتيبي', 'هند سالم مبارك العتيبي', 'national_id', '1000000008', ?, ?)`).run(at, at);
      raw.prepare(`INSERT INTO requests (id, number, beneficiary_id, service_type_id, channel, state, opened_at, opened_by, updated_at)
        VALUES (3, '1445-00003', 7, (SELECT min(id) FROM service_types), 'interview', 'draft', ?, 1, ?)`).run(at, at);
      raw.prepare(`INSERT INTO visits (id, day, desk_id, seq, ticket, beneficiary_id, reason, channel, state, arrived_at, created_by, version)
        VALUES (5, '2024-01-01', 1, 1, 'A-001', 7, 'inquiry', 'interview', 'waiting', ?, 1, 1)`).run(at);
      raw.prepare(`INSERT INTO attachments (id, request_id, purpose, file_name, stored_name, mime_type, size, sha256, uploaded_at, uploaded_by)
        VALUES (9, 3, 'document', 'a.png', 'x.png', 'image/png', 1, 'x', ?, 1)`).run(at);
      const audit = raw.prepare('INSERT INTO audit (at, user_id, operation, entity, entity_id) VALUES (?, 1, ?, ?, ?)');
      for (const [op, entity, id] of [['beneficiaries.register', 'beneficiary', 7], ['requests.open', 'request', 3], ['visits.checkIn', 'visit', 5], ['requests.attach', 'attachment', 9], ['settings.update', 'settings', null]] as const) {
        audit.run(at, op, entity, id);
      }
      raw.close();

      const store = await openSqliteStore({ file });
      try {
        const rows = store.raw.prepare('SELECT operation, kind, beneficiary_id, desk_id FROM audit ORDER BY id').all();
        expect(rows).toEqual([
          { operation: 'beneficiaries.register', kind: 'change', beneficiary_id: 7, desk_id: null },
          { operation: 'requests.open', kind: 'change', beneficiary_id: 7, desk_id: null },
          { operation: 'visits.checkIn', kind: 'change', beneficiary_id: 7, desk_id: null },
          { operation: 'requests.attach', kind: 'change', beneficiary_id: 7, desk_id: null },
          { operation: 'settings.update', kind: 'change', beneficiary_id: null, desk_id: null },
        ]);
        expect(() => store.raw.prepare('DELETE FROM audit').run()).toThrow(/سجل التدقيق/);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
