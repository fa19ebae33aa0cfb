import { sql, type Kysely, type Migration } from 'kysely';

/** Users, desks, settings, beneficiaries with their Arabic name index, visits, and the audit trail. */
export const foundation: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('receptionist','researcher','supervisor','admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL)`,
      sql`CREATE TABLE desks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        ticket_prefix TEXT NOT NULL UNIQUE)`,
      sql`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      sql`CREATE TABLE beneficiaries (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL,
        father_name TEXT NOT NULL,
        grandfather_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        full_name TEXT NOT NULL,
        name_norm TEXT NOT NULL,
        id_type TEXT NOT NULL,
        id_number TEXT NOT NULL UNIQUE,
        mobile TEXT,
        file_number TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id))`,
      sql`CREATE INDEX beneficiaries_mobile ON beneficiaries(mobile)`,
      // External-content FTS5 over the normalised name, kept by triggers: FTS5's own tokenizer
      // neither strips harakat nor unifies alef forms, so the app normalises names into name_norm.
      sql`CREATE VIRTUAL TABLE beneficiaries_fts USING fts5(
        name_norm, content='beneficiaries', content_rowid='id', tokenize='unicode61', prefix='2 3')`,
      sql`CREATE TRIGGER beneficiaries_fts_ai AFTER INSERT ON beneficiaries BEGIN
        INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (new.id, new.name_norm); END`,
      sql`CREATE TRIGGER beneficiaries_fts_ad AFTER DELETE ON beneficiaries BEGIN
        INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', old.id, old.name_norm); END`,
      sql`CREATE TRIGGER beneficiaries_fts_au AFTER UPDATE OF name_norm ON beneficiaries BEGIN
        INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', old.id, old.name_norm);
        INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (new.id, new.name_norm); END`,
      sql`CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        desk_id INTEGER NOT NULL REFERENCES desks(id),
        seq INTEGER NOT NULL,
        ticket TEXT NOT NULL,
        beneficiary_id INTEGER REFERENCES beneficiaries(id),
        visitor_name TEXT,
        visitor_mobile TEXT,
        reason TEXT NOT NULL,
        channel TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('waiting','serving','referred','done','left','cancelled')),
        arrived_at TEXT NOT NULL,
        called_at TEXT,
        ended_at TEXT,
        served_by INTEGER REFERENCES users(id),
        serving_desk_id INTEGER REFERENCES desks(id),
        referred_to INTEGER REFERENCES users(id),
        referral_note TEXT,
        outcome TEXT,
        outcome_note TEXT,
        inquiry TEXT,
        answer TEXT,
        client_key TEXT UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (beneficiary_id IS NOT NULL OR visitor_name IS NOT NULL),
        UNIQUE (day, desk_id, seq))`,
      sql`CREATE INDEX visits_day_state ON visits(day, state, arrived_at)`,
      sql`CREATE INDEX visits_beneficiary ON visits(beneficiary_id)`,
      sql`CREATE TABLE visit_events (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        note TEXT)`,
      sql`CREATE INDEX visit_events_visit ON visit_events(visit_id)`,
      sql`CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        operation TEXT NOT NULL,
        entity TEXT,
        entity_id INTEGER,
        before TEXT,
        after TEXT)`,
      sql`CREATE INDEX audit_entity ON audit(entity, entity_id)`,
      sql`INSERT INTO desks (name, ticket_prefix) VALUES
        ('مكتب الاستقبال 1', 'A'), ('مكتب الاستقبال 2', 'B'), ('مكتب الباحث الاجتماعي', 'R')`,
      sql`INSERT INTO settings (key, value) VALUES
        ('associationName', '"جمعية البر الخيرية"'), ('timeZone', '"Asia/Riyadh"'), ('lockAfterMinutes', '10')`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
