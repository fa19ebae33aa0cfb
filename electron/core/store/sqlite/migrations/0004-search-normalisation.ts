import { sql, type Kysely, type Migration } from 'kysely';
import { normalizeArabic } from '@shared/text/normalize-arabic';

/**
 * The name index is keyed by the order the search wants, not by the beneficiary id, so FTS5 walks a
 * match list from its highest rowid down and stops at the LIMIT ("ORDER BY rowid DESC LIMIT 20"): the
 * latest visitors first, then the newest files, without reading and sorting the tens of thousands of
 * rows a common name matches (a join sorting them on a column took 31 ms for "محمد" at 200,000
 * beneficiaries). The key of a person never seen is their id (below 2^24: 16.7 million files); a visit
 * gives them `search_rank`, the next number above 2^24. The numbers are dense, so the index stays as
 * small as one keyed by id (keyed by the visit's time in seconds above the id it was 22 MB instead of
 * 9 MB at 200,000 beneficiaries, and its long prefix queries half as slow again).
 */
export const NAME_INDEX_RANK_BASE = 2 ** 24;

/** The key of a row of beneficiaries: `row` is 'new.' or 'old.' in a trigger, '' in a statement on the table. */
const key = (row: 'new.' | 'old.' | '') => `coalesce(${row}search_rank, ${row}id)`;

/**
 * Each person's last visit from the visits, and their search_rank in that order (the bench's generator
 * runs these too, after its bulk load of visits with the last-visit triggers set aside).
 */
export const FILL_LAST_VISITS = [
  `UPDATE beneficiaries SET last_visit_at = (SELECT max(arrived_at) FROM visits WHERE visits.beneficiary_id = beneficiaries.id)`,
  `UPDATE beneficiaries SET search_rank = r.rank
    FROM (SELECT id, ${NAME_INDEX_RANK_BASE} + row_number() OVER (ORDER BY last_visit_at, id) AS rank FROM beneficiaries WHERE last_visit_at IS NOT NULL) AS r
    WHERE beneficiaries.id = r.id`,
];

/** Characters stripped from stored text, as shared/text/invisible.ts strips them on input (frozen here). */
const INVISIBLE_CODE_POINTS = [
  0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/**
 * Names and free text people typed. The audit trail and the visit and request timelines keep what was
 * written then (history; and scanning their millions of rows would hold up the first start).
 */
const FREE_TEXT_COLUMNS: Record<string, string[]> = {
  beneficiaries: ['first_name', 'father_name', 'grandfather_name', 'family_name', 'full_name', 'latin_name', 'nationality', 'city', 'district', 'address', 'notes'],
  family_members: ['name'],
  visits: ['visitor_name', 'referral_note', 'outcome_note', 'inquiry', 'answer'],
  requests: ['description', 'referral_question', 'decision_reason', 'aid_description', 'service_description'],
  request_documents: ['note'],
  attachments: ['file_name'],
  users: ['full_name'],
  desks: ['name'],
  service_types: ['name'],
  document_types: ['name'],
  declaration_versions: ['text'],
  settings: ['value'],
};

function stripped(column: string): string {
  return INVISIBLE_CODE_POINTS.reduce((expr, cp) => `replace(${expr}, char(${cp}), '')`, column);
}

/** A GLOB pattern true for text holding any of them: one cheap test per value, the replaces only where it holds. */
const HAS_INVISIBLE = `*[${INVISIBLE_CODE_POINTS.map((cp) => String.fromCodePoint(cp)).join('')}]*`;

/**
 * P2, finding the person: invisible characters out of every stored name and free text; name_norm
 * renormalised (no invisible characters, no «بن» / «بنت» / «ابن», no article «ال»); the last visit on
 * the beneficiary (kept by a trigger on visits, so every way a visit is written keeps it); and the name
 * index rebuilt keyed by recency (NAME_INDEX_RANK_BASE), with single letters indexed as prefixes so
 * "محمد ع", typed on the way to "محمد عبدالله", stays fast.
 */
export const searchNormalisation: Migration = {
  async up(db: Kysely<unknown>) {
    const run = (statement: string) => sql.raw(statement).execute(db);

    for (const [table, columns] of Object.entries(FREE_TEXT_COLUMNS)) {
      const sets = columns.map((c) => `${c} = ${stripped(c)}`).join(', ');
      const holds = sql.join(columns.map((c) => sql`${sql.ref(c)} GLOB ${HAS_INVISIBLE}`), sql` OR `);
      await sql`UPDATE ${sql.table(table)} SET ${sql.raw(sets)} WHERE ${holds}`.execute(db);
    }

    // The old index and its triggers go first, so the updates below do not rewrite it row by row.
    for (const t of ['beneficiaries_fts_ai', 'beneficiaries_fts_ad', 'beneficiaries_fts_au']) await run(`DROP TRIGGER ${t}`);
    await run('DROP TABLE beneficiaries_fts');

    await run('ALTER TABLE beneficiaries ADD COLUMN last_visit_at TEXT');
    await run('ALTER TABLE beneficiaries ADD COLUMN search_rank INTEGER');
    for (const statement of FILL_LAST_VISITS) await run(statement);
    await run('CREATE UNIQUE INDEX beneficiaries_search_rank ON beneficiaries(search_rank)');

    // normalizeArabic is the code's own: this renormalises to the form the code searches with today.
    const rows = await sql<{ id: number; full_name: string; name_norm: string }>`SELECT id, full_name, name_norm FROM beneficiaries`.execute(db);
    const changed = rows.rows.map((r) => ({ id: r.id, norm: normalizeArabic(r.full_name), old: r.name_norm })).filter((r) => r.norm !== r.old);
    for (let i = 0; i < changed.length; i += 500) {
      const batch = changed.slice(i, i + 500);
      await sql`UPDATE beneficiaries SET name_norm = v.norm
        FROM (SELECT column1 AS id, column2 AS norm FROM (VALUES ${sql.join(batch.map((r) => sql`(${r.id}, ${r.norm})`))})) AS v
        WHERE beneficiaries.id = v.id`.execute(db);
    }

    // Contentless: the search reads only rowids (keys), and a key is no single column of beneficiaries.
    await run(`CREATE VIRTUAL TABLE beneficiaries_fts USING fts5(name_norm, content='', tokenize='unicode61', prefix='1 2 3')`);
    await run(`INSERT INTO beneficiaries_fts(rowid, name_norm) SELECT ${key('')}, name_norm FROM beneficiaries`);
    await run(`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('optimize')`);
    await run(`CREATE TRIGGER beneficiaries_fts_ai AFTER INSERT ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (${key('new.')}, new.name_norm); END`);
    await run(`CREATE TRIGGER beneficiaries_fts_ad AFTER DELETE ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', ${key('old.')}, old.name_norm); END`);
    await run(`CREATE TRIGGER beneficiaries_fts_au AFTER UPDATE OF name_norm, search_rank ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', ${key('old.')}, old.name_norm);
      INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (${key('new.')}, new.name_norm); END`);

    // Only forward: a visit written late for an earlier time does not make the person less recent. A
    // check-in's arrival is the moment it is written, so the next rank follows arrival order.
    const touch = `UPDATE beneficiaries SET last_visit_at = new.arrived_at,
          search_rank = coalesce((SELECT max(search_rank) FROM beneficiaries), ${NAME_INDEX_RANK_BASE}) + 1
        WHERE id = new.beneficiary_id AND (last_visit_at IS NULL OR last_visit_at < new.arrived_at); END`;
    await run(`CREATE TRIGGER visits_last_visit_ai AFTER INSERT ON visits WHEN new.beneficiary_id IS NOT NULL BEGIN
      ${touch}`);
    await run(`CREATE TRIGGER visits_last_visit_au AFTER UPDATE OF beneficiary_id ON visits WHEN new.beneficiary_id IS NOT NULL BEGIN
      ${touch}`);
  },
};
