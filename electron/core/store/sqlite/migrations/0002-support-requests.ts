import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The full beneficiary file (family, income, housing), the catalogue of service and document
 * types, support requests with their documents, attachments, declaration signatures and events.
 */
export const supportRequests: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`ALTER TABLE beneficiaries ADD COLUMN latin_name TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN id_expiry TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN nationality TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN gender TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN birth_date TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN marital_status TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN mobile2 TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN city TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN district TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN address TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN monthly_income REAL`,
      sql`ALTER TABLE beneficiaries ADD COLUMN income_sources TEXT NOT NULL DEFAULT '[]'`,
      sql`ALTER TABLE beneficiaries ADD COLUMN housing_type TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN rent_amount REAL`,
      sql`ALTER TABLE beneficiaries ADD COLUMN notes TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN registered_at TEXT`,
      sql`ALTER TABLE beneficiaries ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
      sql`ALTER TABLE beneficiaries ADD COLUMN updated_by INTEGER REFERENCES users(id)`,
      sql`CREATE INDEX beneficiaries_mobile2 ON beneficiaries(mobile2)`,
      // Open visits of any day (the researcher's referrals, S3): a handful among a million.
      sql`CREATE INDEX visits_open ON visits(state) WHERE state IN ('referred', 'serving')`,
      sql`CREATE INDEX beneficiaries_name_birth ON beneficiaries(name_norm, birth_date)`,
      sql`CREATE TABLE family_members (
        id INTEGER PRIMARY KEY,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        relation TEXT NOT NULL,
        id_number TEXT,
        birth_date TEXT)`,
      sql`CREATE INDEX family_members_beneficiary ON family_members(beneficiary_id)`,
      sql`CREATE TABLE document_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        has_expiry INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1)`,
      sql`CREATE TABLE service_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1)`,
      sql`CREATE TABLE service_required_documents (
        service_type_id INTEGER NOT NULL REFERENCES service_types(id),
        document_type_id INTEGER NOT NULL REFERENCES document_types(id),
        PRIMARY KEY (service_type_id, document_type_id))`,
      sql`CREATE TABLE declaration_versions (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id))`,
      sql`CREATE TABLE requests (
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
        updated_by INTEGER REFERENCES users(id))`,
      sql`CREATE INDEX requests_beneficiary ON requests(beneficiary_id)`,
      sql`CREATE INDEX requests_state_submitted ON requests(state, submitted_at)`,
      sql`CREATE INDEX requests_referral ON requests(referral_open, opened_at) WHERE referral_open = 1`,
      sql`CREATE TABLE request_documents (
        request_id INTEGER NOT NULL REFERENCES requests(id),
        document_type_id INTEGER NOT NULL REFERENCES document_types(id),
        provided INTEGER NOT NULL DEFAULT 0,
        issue_date TEXT,
        expiry_date TEXT,
        note TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (request_id, document_type_id),
        CHECK (expiry_date IS NULL OR issue_date IS NULL OR expiry_date >= issue_date))`,
      sql`CREATE TABLE attachments (
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
        uploaded_by INTEGER NOT NULL REFERENCES users(id))`,
      sql`CREATE INDEX attachments_request ON attachments(request_id)`,
      sql`CREATE TABLE declaration_signatures (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        declaration_version_id INTEGER NOT NULL REFERENCES declaration_versions(id),
        witness_id INTEGER NOT NULL REFERENCES users(id),
        signed_at TEXT NOT NULL)`,
      sql`CREATE INDEX declaration_signatures_request ON declaration_signatures(request_id)`,
      sql`CREATE TABLE request_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        note TEXT)`,
      sql`CREATE INDEX request_events_request ON request_events(request_id)`,
      sql`INSERT INTO settings (key, value) VALUES ('committeePeriodDays', '14')`,
    ];
    for (const s of statements) await s.execute(db);
    await seedCatalogue(db);
  },
};

/** Sensible Arabic defaults; administrators edit them afterwards (catalogue screen). */
const DOCUMENT_TYPES: [code: string, name: string, hasExpiry: boolean][] = [
  ['national_id', 'صورة الهوية الوطنية / الإقامة', true],
  ['family_register', 'سجل الأسرة', false],
  ['income_proof', 'تعريف بالراتب أو إثبات الدخل', false],
  ['social_security', 'إشعار الضمان الاجتماعي', false],
  ['lease_contract', 'عقد الإيجار (إيجار)', true],
  ['bank_iban', 'خطاب الآيبان البنكي', false],
  ['medical_report', 'تقرير طبي', true],
  ['bill', 'صورة الفاتورة', false],
  ['school_letter', 'خطاب من المدرسة أو الجامعة', false],
  ['death_certificate', 'شهادة وفاة العائل', false],
];

const SERVICE_TYPES: [code: string, name: string, documents: string[]][] = [
  ['financial_aid', 'مساعدة مالية', ['national_id', 'family_register', 'income_proof', 'bank_iban']],
  ['food_basket', 'سلة غذائية', ['national_id', 'family_register']],
  ['rent', 'مساعدة إيجار', ['national_id', 'family_register', 'income_proof', 'lease_contract', 'bank_iban']],
  ['bills', 'سداد فواتير', ['national_id', 'income_proof', 'bill']],
  ['medical', 'مساعدة علاجية', ['national_id', 'income_proof', 'medical_report']],
  ['education', 'دعم تعليمي', ['national_id', 'family_register', 'school_letter']],
  ['seasonal', 'مساعدة موسمية (رمضان والأعياد)', ['national_id', 'family_register']],
  ['orphans', 'كفالة أيتام', ['national_id', 'family_register', 'death_certificate', 'bank_iban']],
];

const DECLARATION_V1 =
  'أقر أنا الموقع أدناه بأن جميع البيانات والمعلومات والمستندات التي قدمتها في هذا الطلب صحيحة وكاملة، ' +
  'وأتحمل المسؤولية المباشرة عن صحتها، وألتزم بإبلاغ الجمعية بأي تغيير يطرأ عليها، ' +
  'ويحق للجمعية التحقق منها لدى الجهات المختصة وإلغاء الطلب أو استرداد ما صُرف إذا ثبت خلاف ذلك.';

/** The shipped catalogue and declaration text; the PostgreSQL store seeds the same (its 0002). */
export async function seedCatalogue(db: Kysely<unknown>) {
  for (const [code, name, hasExpiry] of DOCUMENT_TYPES) {
    await sql`INSERT INTO document_types (code, name, has_expiry) VALUES (${code}, ${name}, ${hasExpiry ? 1 : 0})`.execute(db);
  }
  for (const [code, name, documents] of SERVICE_TYPES) {
    await sql`INSERT INTO service_types (code, name) VALUES (${code}, ${name})`.execute(db);
    for (const doc of documents) {
      await sql`INSERT INTO service_required_documents (service_type_id, document_type_id)
        SELECT s.id, d.id FROM service_types s, document_types d WHERE s.code = ${code} AND d.code = ${doc}`.execute(db);
    }
  }
  await sql`INSERT INTO declaration_versions (version, text, created_at) VALUES (1, ${DECLARATION_V1}, ${new Date().toISOString()})`.execute(db);
}
