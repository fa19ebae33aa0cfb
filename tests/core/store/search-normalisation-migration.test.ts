// SQLite only (vitest.config.mts, SQLITE_ONLY): migration 0004 rewrites an older SQLite store's data and FTS5 index; a PostgreSQL store never had that older form.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../electron/core/beneficiaries/duplicates';
import { sqliteMigrations } from '../../../electron/core/store/sqlite/migrations';
import { NAME_INDEX_RANK_BASE } from '../../../electron/core/store/sqlite/migrations/0004-search-normalisation';
import { openSqliteStore, type SqliteStore } from '../../../electron/core/store/sqlite/open-sqlite-store';
import { normalizeArabic } from '@shared/text/normalize-arabic';
import { nationalIdFor } from '../../helpers/fixtures';
import { makeTempDir } from '../../helpers/test-core';

/**
 * Migration 0004 on a store written by the version before it (P2): stored names and free text lose
 * their invisible characters, name_norm is renormalised (no particles, no article), each person's last
 * visit is filled from the visits, and the name index is rebuilt — so the old rows are found and seen
 * as duplicates as new ones are.
 */
const BIRTH = '1980-02-02';
let dir: string;
let store: SqliteStore;
const id: Record<string, number> = {};

/** The normalisation of the version before 0004 (diacritics and letters only), as its rows have it. */
function oldNorm(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[آأإٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

beforeAll(async () => {
  dir = makeTempDir('istiqbal-0004-');
  const file = join(dir, 'store.sqlite3');
  const before = Object.keys(sqliteMigrations).filter((name) => name < '0004');
  const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
  const migrator = new Migrator({ db: old, provider: { getMigrations: async () => Object.fromEntries(before.map((n) => [n, sqliteMigrations[n]!])) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  await old.destroy();

  const raw = new BetterSqlite3(file);
  raw.prepare(`INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES (1, 'desk1', 'نورة\u200F العتيبي', 'receptionist', 'x', '2020-01-01T00:00:00.000Z')`).run();
  const person = raw.prepare(`INSERT INTO beneficiaries
    (first_name, father_name, grandfather_name, family_name, full_name, name_norm, id_type, id_number, birth_date, notes, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'national_id', ?, ?, ?, '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')`);
  const add = (key: string, parts: [string, string, string, string], serial: number, notes: string | null = null) => {
    const full = parts.join(' ');
    id[key] = Number(person.run(...parts, full, oldNorm(full), nationalIdFor(serial), BIRTH, notes).lastInsertRowid);
  };
  add('plain', ['فهد', 'سعد', 'ناصر', 'القحطاني'], 1);
  // Two copies that look like the first one, registered before invisible characters were stripped.
  add('zwsp', ['ف\u200Bهد', 'سعد', 'ناصر', 'القحطاني'], 2, 'يراجع\u200E كل شهر');
  add('rlm', ['فهد', 'سعد', 'ناصر', '\u2067القحطاني\u2069'], 3);
  add('particles', ['تركي', 'بن فهد', 'بن ناصر', 'القحطاني'], 4);
  const visit = raw.prepare(`INSERT INTO visits (day, desk_id, seq, ticket, beneficiary_id, reason, channel, state, arrived_at, created_by, referral_note)
    VALUES (?, 1, ?, 'A-001', ?, 'inquiry', 'interview', 'done', ?, 1, ?)`);
  visit.run('2023-05-01', 1, id.plain, '2023-05-01T06:00:00.000Z', 'سؤال\u200B عن الطلب');
  visit.run('2024-01-10', 1, id.plain, '2024-01-10T07:30:00.000Z', null);
  visit.run('2023-09-03', 1, id.particles, '2023-09-03T08:00:00.000Z', null);
  raw.close();

  store = await openSqliteStore({ file });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (beneficiaryId: number) =>
  store.raw.prepare('SELECT first_name, family_name, full_name, name_norm, notes, last_visit_at FROM beneficiaries WHERE id = ?').get(beneficiaryId) as Record<string, string | null>;

describe('P2, migration 0004-search-normalisation on a store of the version before', () => {
  it('removes invisible characters from stored names and free text', () => {
    expect(row(id.zwsp!)).toMatchObject({ first_name: 'فهد', full_name: 'فهد سعد ناصر القحطاني', notes: 'يراجع كل شهر' });
    expect(row(id.rlm!)).toMatchObject({ family_name: 'القحطاني', full_name: 'فهد سعد ناصر القحطاني' });
    expect(store.raw.prepare('SELECT referral_note FROM visits WHERE referral_note IS NOT NULL').get()).toEqual({ referral_note: 'سؤال عن الطلب' });
    expect(store.raw.prepare('SELECT full_name FROM users WHERE id = 1').get()).toEqual({ full_name: 'نورة العتيبي' });
  });

  it('renormalises name_norm: an old row has the form new rows get', () => {
    for (const key of ['plain', 'zwsp', 'rlm', 'particles']) {
      const r = row(id[key]!);
      expect(r.name_norm, key).toBe(normalizeArabic(r.full_name!));
    }
    expect(row(id.zwsp!).name_norm).toBe('فهد سعد ناصر قحطاني');
    expect(row(id.particles!).name_norm).toBe('تركي فهد ناصر قحطاني');
  });

  it('the three look-alike files are now duplicates of one another', async () => {
    const hits = await findDuplicates(store.db, { idNumber: nationalIdFor(99), mobiles: [], nameNorm: normalizeArabic('فهد سعد ناصر القحطاني'), birthDate: BIRTH }, null);
    expect(hits.map((h) => h.beneficiaryId).sort()).toEqual([id.plain, id.zwsp, id.rlm].sort());
    expect(hits.every((h) => h.reason === 'name_birth')).toBe(true);
  });

  it('fills each person\'s last visit from the visits (the latest one), and leaves it empty for those never seen', () => {
    expect(row(id.plain!).last_visit_at).toBe('2024-01-10T07:30:00.000Z');
    expect(row(id.particles!).last_visit_at).toBe('2023-09-03T08:00:00.000Z');
    expect(row(id.zwsp!).last_visit_at).toBeNull();
    // Their place in the name index follows: the later visitor above, those never seen keyed by their id.
    const rank = (key: string) => (store.raw.prepare('SELECT search_rank FROM beneficiaries WHERE id = ?').get(id[key]) as { search_rank: number | null }).search_rank;
    expect(rank('plain')).toBeGreaterThan(rank('particles')!);
    expect(rank('particles')).toBeGreaterThan(NAME_INDEX_RANK_BASE);
    expect(rank('zwsp')).toBeNull();
  });

  it('rebuilds the name index: the old rows are found, the latest visitor first, then the newest file', async () => {
    expect(await store.searchNames(store.db, ['فهد'], 10)).toEqual([id.plain, id.particles, id.rlm, id.zwsp]);
    expect(await store.searchNames(store.db, ['قحطاني', 'تركي'], 10)).toEqual([id.particles]);
    // FTS5 checks its own structures and throws on a damaged index.
    expect(() => store.raw.exec(`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('a visit written after the migration moves its person to the top', async () => {
    store.raw
      .prepare(`INSERT INTO visits (day, desk_id, seq, ticket, beneficiary_id, reason, channel, state, arrived_at, created_by)
        VALUES ('2024-03-01', 1, 1, 'A-001', ?, 'inquiry', 'interview', 'waiting', '2024-03-01T06:00:00.000Z', 1)`)
      .run(id.zwsp);
    expect(row(id.zwsp!).last_visit_at).toBe('2024-03-01T06:00:00.000Z');
    expect(await store.searchNames(store.db, ['فهد'], 10)).toEqual([id.zwsp, id.plain, id.particles, id.rlm]);
    // A visit written late for an earlier time does not make anyone less recent.
    store.raw
      .prepare(`INSERT INTO visits (day, desk_id, seq, ticket, beneficiary_id, reason, channel, state, arrived_at, created_by)
        VALUES ('2022-01-01', 1, 1, 'A-001', ?, 'inquiry', 'interview', 'done', '2022-01-01T06:00:00.000Z', 1)`)
      .run(id.plain);
    expect(row(id.plain!).last_visit_at).toBe('2024-01-10T07:30:00.000Z');
    // The triggers took the old entry out under the key it was written with.
    expect(() => store.raw.exec(`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('integrity-check')`)).not.toThrow();
    expect(store.raw.prepare(`SELECT count(*) AS n FROM beneficiaries_fts WHERE beneficiaries_fts MATCH '"فهد"'`).get()).toEqual({ n: 4 });
  });
});
