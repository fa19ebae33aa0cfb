-- table attachments
CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        document_type_id INTEGER REFERENCES document_types(id),
        purpose TEXT NOT NULL CHECK (purpose IN ('document','declaration')),
        file_name TEXT NOT NULL,
        stored_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        uploaded_by INTEGER NOT NULL REFERENCES users(id));

-- table audit
CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        operation TEXT NOT NULL,
        entity TEXT,
        entity_id INTEGER,
        before TEXT,
        after TEXT, kind TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'read', 'refused')), reason TEXT, desk_id INTEGER REFERENCES desks(id), beneficiary_id INTEGER);

-- table backup_runs
CREATE TABLE backup_runs (
      id INTEGER PRIMARY KEY,
      trigger TEXT NOT NULL CHECK (trigger IN ('daily', 'closing', 'manual', 'command')),
      started_at TEXT NOT NULL,
      heartbeat_at TEXT NOT NULL,
      finished_at TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed')),
      folder TEXT NOT NULL,
      file_name TEXT,
      size_bytes INTEGER CHECK (size_bytes IS NULL OR size_bytes >= 0),
      message TEXT,
      user_id INTEGER REFERENCES users(id),
      pid INTEGER NOT NULL,
      host TEXT NOT NULL);

-- table beneficiaries
CREATE TABLE beneficiaries (
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
        created_by INTEGER REFERENCES users(id), latin_name TEXT, id_expiry TEXT, nationality TEXT, gender TEXT, birth_date TEXT, marital_status TEXT, mobile2 TEXT, city TEXT, district TEXT, address TEXT, monthly_income REAL, income_sources TEXT NOT NULL DEFAULT '[]', housing_type TEXT, rent_amount REAL, notes TEXT, registered_at TEXT, version INTEGER NOT NULL DEFAULT 1, updated_by INTEGER REFERENCES users(id), last_visit_at TEXT, search_rank INTEGER);

-- table beneficiaries_fts
CREATE VIRTUAL TABLE beneficiaries_fts USING fts5(name_norm, content='', tokenize='unicode61', prefix='1 2 3');

-- table complaints
CREATE TABLE "complaints" (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        category TEXT,
        text TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new','in_progress','answered','closed')),
        visit_id INTEGER REFERENCES visits(id),
        beneficiary_id INTEGER REFERENCES beneficiaries(id),
        contact_id INTEGER REFERENCES contacts(id),
        received_at TEXT NOT NULL,
        received_day TEXT NOT NULL,
        received_by INTEGER NOT NULL REFERENCES users(id),
        owner_id INTEGER REFERENCES users(id),
        due_date TEXT NOT NULL,
        answer TEXT,
        answered_at TEXT,
        answered_day TEXT,
        closed_at TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1);

-- table contacts
CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        logged_at TEXT NOT NULL,
        desk_id INTEGER REFERENCES desks(id),
        channel TEXT NOT NULL CHECK (channel IN ('phone','social_media','letters','help_request','volunteering','website','branch_delegate')),
        beneficiary_id INTEGER REFERENCES beneficiaries(id),
        name TEXT,
        mobile TEXT,
        subject TEXT NOT NULL,
        answer TEXT NOT NULL,
        logged_by INTEGER NOT NULL REFERENCES users(id),
        follow_up_due TEXT,
        follow_up_owner INTEGER REFERENCES users(id),
        follow_up_done_at TEXT,
        follow_up_done_by INTEGER REFERENCES users(id),
        follow_up_note TEXT,
        client_key TEXT UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (beneficiary_id IS NOT NULL OR name IS NOT NULL),
        CHECK ((follow_up_due IS NULL) = (follow_up_owner IS NULL)));

-- table declaration_printings
CREATE TABLE declaration_printings (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        declaration_version_id INTEGER NOT NULL REFERENCES declaration_versions(id),
        printed_at TEXT NOT NULL,
        printed_by INTEGER NOT NULL REFERENCES users(id));

-- table declaration_signatures
CREATE TABLE declaration_signatures (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        declaration_version_id INTEGER NOT NULL REFERENCES declaration_versions(id),
        witness_id INTEGER NOT NULL REFERENCES users(id),
        signed_at TEXT NOT NULL);

-- table declaration_versions
CREATE TABLE declaration_versions (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id));

-- table desks
CREATE TABLE desks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        ticket_prefix TEXT NOT NULL UNIQUE);

-- table document_types
CREATE TABLE document_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        has_expiry INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1);

-- table family_members
CREATE TABLE family_members (
        id INTEGER PRIMARY KEY,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        relation TEXT NOT NULL,
        id_number TEXT,
        birth_date TEXT);

-- table hall_calls
CREATE TABLE hall_calls (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        visit_id INTEGER NOT NULL REFERENCES visits(id),
        desk_id INTEGER NOT NULL REFERENCES desks(id),
        at TEXT NOT NULL,
        called_by INTEGER NOT NULL REFERENCES users(id),
        recall INTEGER NOT NULL DEFAULT 0);

-- table kiosk_presses
CREATE TABLE kiosk_presses (
      desk_id INTEGER PRIMARY KEY REFERENCES desks(id),
      last_at TEXT NOT NULL);

-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);

-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);

-- table rated_visits
CREATE TABLE rated_visits (visit_id INTEGER PRIMARY KEY REFERENCES visits(id));

-- table reference_documents
CREATE TABLE reference_documents (
        shelf TEXT PRIMARY KEY CHECK (shelf IN ('T1','T2','T3','T4')),
        stored_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id));

-- table request_documents
CREATE TABLE request_documents (
        request_id INTEGER NOT NULL REFERENCES requests(id),
        document_type_id INTEGER NOT NULL REFERENCES document_types(id),
        provided INTEGER NOT NULL DEFAULT 0,
        issue_date TEXT,
        expiry_date TEXT,
        note TEXT,
        updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, updated_by INTEGER REFERENCES users(id),
        PRIMARY KEY (request_id, document_type_id),
        CHECK (expiry_date IS NULL OR issue_date IS NULL OR expiry_date >= issue_date));

-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        note TEXT);

-- table requests
CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries(id),
        service_type_id INTEGER NOT NULL REFERENCES service_types(id),
        channel TEXT NOT NULL,
        visit_id INTEGER REFERENCES visits(id),
        state TEXT NOT NULL CHECK (state IN ('draft','incomplete','complete','submitted','accepted','rejected','registered','served','closed')),
        description TEXT,
        requested_amount REAL,
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES users(id),
        submitted_at TEXT,
        submission_day TEXT,
        expected_answer_date TEXT,
        referred_to INTEGER REFERENCES users(id),
        referral_question TEXT,
        referral_open INTEGER NOT NULL DEFAULT 0,
        decision TEXT CHECK (decision IN ('accepted','rejected')),
        decided_at TEXT,
        decided_by INTEGER REFERENCES users(id),
        decision_reason TEXT,
        approved_amount REAL,
        aid_description TEXT,
        registered_at TEXT,
        service_description TEXT,
        service_amount REAL,
        delivered_on TEXT,
        delivered_by INTEGER REFERENCES users(id),
        closed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id), contact_id INTEGER REFERENCES contacts(id), delivered_at TEXT, delivered_visit_id INTEGER REFERENCES visits(id));

-- table satisfaction_ratings
CREATE TABLE satisfaction_ratings (
      id TEXT PRIMARY KEY NOT NULL,
      day TEXT NOT NULL,
      desk_id INTEGER REFERENCES desks(id),
      reason TEXT NOT NULL,
      channel TEXT NOT NULL,
      served_by INTEGER REFERENCES users(id),
      visit_id INTEGER UNIQUE REFERENCES visits(id),
      source TEXT NOT NULL CHECK (source IN ('kiosk', 'paper')),
      entered_by INTEGER REFERENCES users(id),
      overall INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
      courtesy INTEGER CHECK (courtesy BETWEEN 1 AND 5),
      speed INTEGER CHECK (speed BETWEEN 1 AND 5),
      clarity INTEGER CHECK (clarity BETWEEN 1 AND 5),
      comment TEXT,
      contact_me INTEGER NOT NULL DEFAULT 0,
      misuse INTEGER NOT NULL DEFAULT 0,
      followed_up_at TEXT,
      followed_up_by INTEGER REFERENCES users(id),
      follow_up_note TEXT) WITHOUT ROWID;

-- table service_required_documents
CREATE TABLE service_required_documents (
        service_type_id INTEGER NOT NULL REFERENCES service_types(id),
        document_type_id INTEGER NOT NULL REFERENCES document_types(id),
        PRIMARY KEY (service_type_id, document_type_id));

-- table service_types
CREATE TABLE service_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1);

-- table settings
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- table sign_in_failures
CREATE TABLE sign_in_failures (
        username TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        locked_until TEXT
      );

-- table users
CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('receptionist','researcher','supervisor','admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL, must_change_password INTEGER NOT NULL DEFAULT 0, password_version INTEGER NOT NULL DEFAULT 1);

-- table visit_events
CREATE TABLE visit_events (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        note TEXT);

-- table visits
CREATE TABLE visits (
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
        version INTEGER NOT NULL DEFAULT 1, ticket_printed INTEGER, ticket_print_failure TEXT,
        CHECK (beneficiary_id IS NOT NULL OR visitor_name IS NOT NULL),
        UNIQUE (day, desk_id, seq));

-- index attachments_request
CREATE INDEX attachments_request ON attachments(request_id);

-- index audit_at
CREATE INDEX audit_at ON audit(at);

-- index audit_beneficiary_at
CREATE INDEX audit_beneficiary_at ON audit(beneficiary_id, at) WHERE beneficiary_id IS NOT NULL;

-- index audit_changes
CREATE INDEX audit_changes ON audit(id) WHERE kind = 'change';

-- index audit_entity
CREATE INDEX audit_entity ON audit(entity, entity_id);

-- index audit_kind_at
CREATE INDEX audit_kind_at ON audit(kind, at) WHERE kind <> 'change';

-- index audit_operation_at
CREATE INDEX audit_operation_at ON audit(operation, at);

-- index audit_user_at
CREATE INDEX audit_user_at ON audit(user_id, at);

-- index backup_runs_started
CREATE INDEX backup_runs_started ON backup_runs(started_at);

-- index beneficiaries_mobile
CREATE INDEX beneficiaries_mobile ON beneficiaries(mobile);

-- index beneficiaries_mobile2
CREATE INDEX beneficiaries_mobile2 ON beneficiaries(mobile2);

-- index beneficiaries_name_birth
CREATE INDEX beneficiaries_name_birth ON beneficiaries(name_norm, birth_date);

-- index beneficiaries_search_rank
CREATE UNIQUE INDEX beneficiaries_search_rank ON beneficiaries(search_rank);

-- index complaints_received
CREATE INDEX complaints_received ON complaints(received_day, received_at);

-- index complaints_state_due
CREATE INDEX complaints_state_due ON complaints(state, due_date);

-- index complaints_visit
CREATE INDEX complaints_visit ON complaints(visit_id);

-- index contacts_beneficiary
CREATE INDEX contacts_beneficiary ON contacts(beneficiary_id);

-- index contacts_day
CREATE INDEX contacts_day ON contacts(day, logged_at);

-- index contacts_open_follow_ups
CREATE INDEX contacts_open_follow_ups ON contacts(follow_up_due, follow_up_owner) WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL;

-- index declaration_printings_request
CREATE INDEX declaration_printings_request ON declaration_printings(request_id);

-- index declaration_signatures_request
CREATE INDEX declaration_signatures_request ON declaration_signatures(request_id);

-- index family_members_beneficiary
CREATE INDEX family_members_beneficiary ON family_members(beneficiary_id);

-- index hall_calls_day
CREATE INDEX hall_calls_day ON hall_calls(day, id);

-- index request_events_action_at
CREATE INDEX request_events_action_at ON request_events(action, at);

-- index request_events_request
CREATE INDEX request_events_request ON request_events(request_id);

-- index requests_awaiting
CREATE INDEX requests_awaiting ON requests(state, expected_answer_date) WHERE state = 'submitted';

-- index requests_beneficiary
CREATE INDEX requests_beneficiary ON requests(beneficiary_id);

-- index requests_closed
CREATE INDEX requests_closed ON requests(closed_at);

-- index requests_decided
CREATE INDEX requests_decided ON requests(decided_at, decision, submission_day, expected_answer_date);

-- index requests_delivered
CREATE INDEX requests_delivered ON requests(delivered_on, service_amount);

-- index requests_delivered_at
CREATE INDEX requests_delivered_at ON requests(delivered_at) WHERE delivered_at IS NOT NULL;

-- index requests_opened
CREATE INDEX requests_opened ON requests(opened_at, channel);

-- index requests_referral
CREATE INDEX requests_referral ON requests(referral_open, opened_at) WHERE referral_open = 1;

-- index requests_registered
CREATE INDEX requests_registered ON requests(registered_at);

-- index requests_state_submitted
CREATE INDEX requests_state_submitted ON requests(state, submitted_at);

-- index requests_submission_day
CREATE INDEX requests_submission_day ON requests(submission_day);

-- index requests_visit
CREATE INDEX requests_visit ON requests(visit_id) WHERE visit_id IS NOT NULL;

-- index satisfaction_ratings_day
CREATE INDEX satisfaction_ratings_day ON satisfaction_ratings(day);

-- index visit_events_visit
CREATE INDEX visit_events_visit ON visit_events(visit_id);

-- index visits_beneficiary
CREATE INDEX visits_beneficiary ON visits(beneficiary_id, day);

-- index visits_day_arrival
CREATE INDEX visits_day_arrival ON visits(day, arrived_at);

-- index visits_day_figures
CREATE INDEX visits_day_figures ON visits(day, reason, channel, arrived_at, called_at);

-- index visits_day_state
CREATE INDEX visits_day_state ON visits(day, state, arrived_at);

-- index visits_open
CREATE INDEX visits_open ON visits(state) WHERE state IN ('referred', 'serving');

-- index visits_serving
CREATE INDEX visits_serving ON visits(day, served_by, serving_desk_id, called_at) WHERE state = 'serving';

-- trigger audit_no_delete
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
          BEGIN SELECT RAISE(ABORT, 'سجل التدقيق يُضاف إليه فقط: لا يُحذف صف منه'); END;

-- trigger audit_no_update
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
          BEGIN SELECT RAISE(ABORT, 'سجل التدقيق يُضاف إليه فقط: لا يُعدَّل صف منه'); END;

-- trigger beneficiaries_fts_ad
CREATE TRIGGER beneficiaries_fts_ad AFTER DELETE ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', coalesce(old.search_rank, old.id), old.name_norm); END;

-- trigger beneficiaries_fts_ai
CREATE TRIGGER beneficiaries_fts_ai AFTER INSERT ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (coalesce(new.search_rank, new.id), new.name_norm); END;

-- trigger beneficiaries_fts_au
CREATE TRIGGER beneficiaries_fts_au AFTER UPDATE OF name_norm, search_rank ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_norm) VALUES ('delete', coalesce(old.search_rank, old.id), old.name_norm);
      INSERT INTO beneficiaries_fts(rowid, name_norm) VALUES (coalesce(new.search_rank, new.id), new.name_norm); END;

-- trigger visits_last_visit_ai
CREATE TRIGGER visits_last_visit_ai AFTER INSERT ON visits WHEN new.beneficiary_id IS NOT NULL BEGIN
      UPDATE beneficiaries SET last_visit_at = new.arrived_at,
          search_rank = coalesce((SELECT max(search_rank) FROM beneficiaries), 16777216) + 1
        WHERE id = new.beneficiary_id AND (last_visit_at IS NULL OR last_visit_at < new.arrived_at); END;

-- trigger visits_last_visit_au
CREATE TRIGGER visits_last_visit_au AFTER UPDATE OF beneficiary_id ON visits WHEN new.beneficiary_id IS NOT NULL BEGIN
      UPDATE beneficiaries SET last_visit_at = new.arrived_at,
          search_rank = coalesce((SELECT max(search_rank) FROM beneficiaries), 16777216) + 1
        WHERE id = new.beneficiary_id AND (last_visit_at IS NULL OR last_visit_at < new.arrived_at); END;
