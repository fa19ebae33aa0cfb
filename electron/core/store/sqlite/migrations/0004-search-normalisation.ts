import { sql, type Kysely, type Migration } from 'kysely';
import { normalizeArabic } from '../../../../../shared/text/normalize-arabic';

/**
 * The name index orders by a key, not by the beneficiary id: the last visit's arrival in Unix seconds
 * above the low 24 bits, the beneficiary id in them. FTS5 walks a match list from its highest rowid
 * down and stops at the LIMIT, so "ORDER BY rowid DESC LIMIT 20" gives the most recent visitors first,
 * then the newest files, without reading the tens of thousands of rows a common name matches (a join
 * sorting them on a column took 31 ms for "محمد" at 200,000 beneficiaries). Ids stay below 2^24
 * (16.7 million files); seconds up to 2^39 fit beside them in SQLite's 64-bit integer.
 */
export const NAME_INDEX_ID_BITS = 24;

/** The key of a row of beneficiaries: `row` is 'new.' or 'old.' in a trigger, '' in a statement on the table. */
const key = (row: 'new.' | 'old.' | '') => `((coalesce(unixepoch(${row}last_visit_at), 0) << ${NAME_INDEX_ID_BITS}) | ${row}id)`;

/** Characters stripped from stored text, as shared/text/invisible.ts strips them on input (frozen here). */
const INVISIBLE_CODE_POINTS = [
  0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/** Names and free text people typed; the audit trail keeps what was written then. */
const FREE_TEXT_COLUMNS: Record<string, string[]> = {
  beneficiaries: ['first_name', 'father_name', 'grandfather_name', 'family_name', 'full_name', 'latin_name', 'nationality', 'city', 'district', 'address', 'notes'],
  family_members: ['name'],
  visits: ['visitor_name', 'referral_note', 'outcome_note', 'inquiry', 'answer'],
  visit_events: ['note'],
  requests: ['description', 'referral_question', 'decision_reason', 'aid_description', 'service_description'],
  request_events: ['note'],
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

/**
 * P2, finding the person: invisible characters out of every stored name and free text; name_norm
 * renormalised (no invisible characters, no «بن» / «بنت» / «ابن», no article «ال»); the last visit on
 * the beneficiary (kept by a trigger on visits, so every way a visit is written keeps it); and the name
 * index rebuilt keyed by recency (NAME_INDEX_ID_BITS), with single letters indexed as prefixes so
 * "محمد ع", typed on the way to "محمد عبدالله", stays fast.
 */
export const searchNormalisation: Migration = {
  async up(db: Kysely<unknown>) {
    const run = (statement: string) => sql.raw(statement).execute(db);

    for (const [table, columns] of Object.entries(FREE_TEXT_COLUMNS)) {
      const sets = columns.map((c) => `${c} = ${stripped(c)}`).join(', ');
      const changed = columns.map((c) => `${c} <> ${stripped(c)}`).join(' OR ');
      await run(`UPDATE ${table} SET ${sets} WHERE ${changed}`);
    }

    // The old index and its triggers go first, so the updates below do not rewrite it row by row.
    for (const t of ['beneficiaries_fts_ai', 'beneficiaries_fts_ad', 'beneficiaries_fts_au']) await run(`DROP TRIGGER ${t}`);
    await run('DROP TABLE beneficiaries_fts');

    await run('ALTER TABLE beneficiaries ADD COLUMN last_visit_at TEXT');
    await run(`UPDATE beneficiaries SET last_visit_at = (SELECT max(arrived_at) FROM visits WHERE visits.beneficiary_id = beneficiaries.id)`);

    // normalizeArabic is the code's own: this renormalises to the form the code searches with today.
    const rows = await sql<{ id: number; full_name: string; name_norm: string }>`SELECT id, full_name, name_norm FROM beneficiaries`.execute(db);
    const changed = rows.rows.map((r) => ({ id: r.id, norm: normalizeArabic(r.full_name), old: r.name_norm })).filter((r) => r.norm !== r.old);
    for (let i = 0; i < changed.length; i += 500) {
      const batch = changed.slice(i, i + 500);
      await sql`UPDATE beneficiaries SET name_norm = v.norm
        FROM (SELECT column1 AS id, column2 AS norm FROM (VALUES ${sql.join(batch.map((r) => sql`(${r.id}, ${r.norm})`))})) AS v
        WHERE beneficiaries.id = v.id`.execute(db);
    }

    // Contentless: the search reads only rowids, and the key is not a column of beneficiaries.
    await run(`CREATE VIRTUAL TABLE beneficiaries_fts USING fts5(name_norm, content='', tokenize='unicode61', prefix='1 2 3')`);
    await run(`INSERT INTO beneficiaries_fts(rowid, name_norm) SELECT ${key('')}, name_norm FROM beneficiaries`);
    await run(`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('optimize')`);
    await run(`CREATE TRIGGER beneficiaries_fts_ai AFTER INSERT ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (${key('new.')}, new.name_norm); END`);
    await run(`CREATE TRIGGER beneficiaries_fts_ad AFTER DELETE ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', ${key('old.')}, old.name_norm); END`);
    await run(`CREATE TRIGGER beneficiaries_fts_au AFTER UPDATE OF name_norm, last_visit_at ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', ${key('old.')}, old.name_norm);
      INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (${key('new.')}, new.name_norm); END`);

    // Only forward: a visit written late for an earlier time does not make the person less recent.
    const touch = `UPDATE beneficiaries SET last_visit_at = new.arrived_at
        WHERE id = new.beneficiary_id AND (last_visit_at IS NULL OR last_visit_at < new.arrived_at); END`;
    await run(`CREATE TRIGGER visits_last_visit_ai AFTER INSERT ON visits WHEN new.beneficiary_id IS NOT NULL BEGIN
      ${touch}`);
    await run(`CREATE TRIGGER visits_last_visit_au AFTER UPDATE OF beneficiary_id ON visits WHEN new.beneficiary_id IS NOT NULL BEGIN
      ${touch}`);
  },
};
