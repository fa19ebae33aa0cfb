import type { Generated } from 'kysely';
import type { Channel, ContactChannel } from '@shared/domain/channels';
import type { ComplaintCategory, ComplaintState } from '@shared/domain/complaints';
import type { IdType } from '@shared/domain/identity';
import type { FamilyRelation, Gender, HousingType, MaritalStatus, RequestState } from '@shared/domain/request';
import type { Role } from '@shared/domain/roles';
import type { RatingSource } from '@shared/domain/satisfaction';
import type { VisitOutcome, VisitReason, VisitState } from '@shared/domain/visit';

/**
 * The tables as Kysely sees them, the same on both stores. Instants are UTC ISO strings; days are
 * YYYY-MM-DD in the desk's zone; enum columns are their domain unions (CHECKed on PostgreSQL); flags are
 * 1 / 0 (SQLite's integers; the PostgreSQL store reads its boolean columns so).
 */
export interface Database {
  users: {
    id: Generated<number>;
    username: string;
    full_name: string;
    role: Role;
    password_hash: string;
    active: number;
    created_at: string;
    /** 1 after an administrator's reset: the next sign-in may only change the password. */
    must_change_password: Generated<number>;
    /** Bumped by every password change; a session remembers the one it signed in with. */
    password_version: Generated<number>;
  };
  /** Consecutive failed sign-ins and unlocks per username tried (0007); see auth/sign-in-throttle.ts. */
  sign_in_failures: {
    username: string;
    failures: number;
    last_failure_at: string;
    /** Until when every try is refused; null below the lock threshold. */
    locked_until: string | null;
  };
  desks: {
    id: Generated<number>;
    name: string;
    ticket_prefix: string;
  };
  settings: {
    key: string;
    value: string;
  };
  beneficiaries: {
    id: Generated<number>;
    first_name: string;
    father_name: string;
    grandfather_name: string;
    family_name: string;
    full_name: string;
    name_norm: string;
    id_type: IdType;
    id_number: string;
    mobile: string | null;
    file_number: string | null;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    latin_name: Generated<string | null>;
    id_expiry: Generated<string | null>;
    nationality: Generated<string | null>;
    gender: Generated<Gender | null>;
    birth_date: Generated<string | null>;
    marital_status: Generated<MaritalStatus | null>;
    mobile2: Generated<string | null>;
    city: Generated<string | null>;
    district: Generated<string | null>;
    address: Generated<string | null>;
    monthly_income: Generated<number | null>;
    /** JSON array of IncomeSource. */
    income_sources: Generated<string>;
    housing_type: Generated<HousingType | null>;
    rent_amount: Generated<number | null>;
    notes: Generated<string | null>;
    registered_at: Generated<string | null>;
    version: Generated<number>;
    updated_by: Generated<number | null>;
    /** The latest visit's arrival, kept by a trigger on visits (orders the name search, P2). */
    last_visit_at: Generated<string | null>;
    /** The person's place in the name index once seen: above 2^24, the next number at each visit (0004). */
    search_rank: Generated<number | null>;
  };
  family_members: {
    id: Generated<number>;
    beneficiary_id: number;
    position: number;
    name: string;
    relation: FamilyRelation;
    id_number: string | null;
    birth_date: string | null;
  };
  document_types: {
    id: Generated<number>;
    code: string;
    name: string;
    has_expiry: number;
    active: Generated<number>;
  };
  service_types: {
    id: Generated<number>;
    code: string;
    name: string;
    active: Generated<number>;
  };
  service_required_documents: {
    service_type_id: number;
    document_type_id: number;
  };
  declaration_versions: {
    id: Generated<number>;
    version: number;
    text: string;
    created_at: string;
    created_by: number | null;
  };
  requests: {
    id: Generated<number>;
    number: string;
    beneficiary_id: number;
    service_type_id: number;
    channel: Channel;
    visit_id: number | null;
    state: RequestState;
    description: string | null;
    requested_amount: number | null;
    opened_at: string;
    opened_by: number;
    submitted_at: string | null;
    submission_day: string | null;
    expected_answer_date: string | null;
    referred_to: number | null;
    referral_question: string | null;
    referral_open: Generated<number>;
    decision: 'accepted' | 'rejected' | null;
    decided_at: string | null;
    decided_by: number | null;
    decision_reason: string | null;
    approved_amount: number | null;
    aid_description: string | null;
    registered_at: string | null;
    service_description: string | null;
    service_amount: number | null;
    delivered_on: string | null;
    delivered_by: number | null;
    /** The instant the service was recorded as handed over, and the visit it was handed over in (0020). */
    delivered_at: Generated<string | null>;
    delivered_visit_id: Generated<number | null>;
    closed_at: string | null;
    version: Generated<number>;
    updated_at: string;
    updated_by: number | null;
    /** The contact (C2–C8) the request was opened from (0016). */
    contact_id: Generated<number | null>;
  };
  request_documents: {
    request_id: number;
    document_type_id: number;
    provided: number;
    issue_date: string | null;
    expiry_date: string | null;
    note: string | null;
    updated_at: string;
    /** The line's own version (0008): a stale setDocument is refused. */
    version: Generated<number>;
    updated_by: Generated<number | null>;
  };
  attachments: {
    id: Generated<number>;
    request_id: number;
    document_type_id: number | null;
    purpose: 'document' | 'declaration';
    file_name: string;
    stored_name: string;
    mime_type: string;
    size: number;
    sha256: string;
    uploaded_at: string;
    uploaded_by: number;
  };
  declaration_signatures: {
    id: Generated<number>;
    request_id: number;
    declaration_version_id: number;
    witness_id: number;
    signed_at: string;
  };
  declaration_printings: {
    id: Generated<number>;
    request_id: number;
    declaration_version_id: number;
    printed_at: string;
    printed_by: number;
  };
  reference_documents: {
    shelf: string;
    stored_name: string;
    sha256: string;
    updated_at: string;
    updated_by: number;
  };
  request_events: {
    id: Generated<number>;
    request_id: number;
    at: string;
    user_id: number;
    action: string;
    from_state: string | null;
    to_state: string | null;
    note: string | null;
  };
  visits: {
    id: Generated<number>;
    day: string;
    desk_id: number;
    seq: number;
    ticket: string;
    beneficiary_id: number | null;
    visitor_name: string | null;
    visitor_mobile: string | null;
    reason: VisitReason;
    channel: Channel;
    state: VisitState;
    arrived_at: string;
    called_at: string | null;
    ended_at: string | null;
    served_by: number | null;
    serving_desk_id: number | null;
    referred_to: number | null;
    referral_note: string | null;
    outcome: VisitOutcome | null;
    outcome_note: string | null;
    inquiry: string | null;
    answer: string | null;
    client_key: string | null;
    created_by: number;
    version: number;
    ticket_printed: Generated<number | null>;
    ticket_print_failure: Generated<string | null>;
  };
  /** A contact on a channel other than the walk-in interview (0016): never a visit, never in the queue. */
  contacts: {
    id: Generated<number>;
    /** The desk's business day it was logged on. */
    day: string;
    logged_at: string;
    desk_id: number | null;
    channel: ContactChannel;
    beneficiary_id: number | null;
    /** The person's name when they have no file (null with a beneficiary). */
    name: string | null;
    mobile: string | null;
    subject: string;
    answer: string;
    logged_by: number;
    /** A follow-up's due day and its owner: both or neither. */
    follow_up_due: string | null;
    follow_up_owner: number | null;
    follow_up_done_at: string | null;
    follow_up_done_by: number | null;
    follow_up_note: string | null;
    client_key: string | null;
    version: Generated<number>;
  };
  visit_events: {
    id: Generated<number>;
    visit_id: number;
    at: string;
    user_id: number;
    action: string;
    from_state: string | null;
    to_state: string;
    note: string | null;
  };
  /** S1: each call and repeated call of a visitor to a desk, as the hall display announces them. */
  hall_calls: {
    id: Generated<number>;
    day: string;
    visit_id: number;
    desk_id: number;
    at: string;
    called_by: number;
    recall: Generated<number>;
  };
  backup_runs: {
    id: Generated<number>;
    trigger: 'daily' | 'closing' | 'manual' | 'command';
    started_at: string;
    heartbeat_at: string;
    finished_at: string | null;
    outcome: 'running' | 'ok' | 'failed';
    folder: string;
    file_name: string | null;
    size_bytes: number | null;
    message: string | null;
    user_id: number | null;
    pid: number;
    host: string;
  };
  audit: {
    id: Generated<number>;
    at: string;
    user_id: number | null;
    operation: string;
    entity: string | null;
    entity_id: number | null;
    before: string | null;
    after: string | null;
    /** change, read (personal data in full) or refused (0008). */
    kind: Generated<string>;
    /** Why a refused call was refused (shared/domain/audit.ts). */
    reason: Generated<string | null>;
    desk_id: Generated<number | null>;
    /** The beneficiary whose file, request, visit or scan the row concerns. */
    beneficiary_id: Generated<number | null>;
  };
  /** Complaints and suggestions (P8, 0017); contact_id references contacts since 0020. */
  complaints: {
    id: Generated<number>;
    number: string;
    channel: Channel;
    category: ComplaintCategory | null;
    text: string;
    state: ComplaintState;
    visit_id: number | null;
    beneficiary_id: number | null;
    contact_id: number | null;
    received_at: string;
    received_day: string;
    received_by: number;
    owner_id: number | null;
    due_date: string;
    answer: string | null;
    answered_at: string | null;
    answered_day: string | null;
    closed_at: string | null;
    updated_at: string;
    updated_by: number;
    version: Generated<number>;
  };
  /**
   * A visitor's rating of a finished visit (0018, P6/P7). `visit_id` only when they gave their name;
   * an anonymous one keeps the visit's desk, reason, channel and day, never the person (see the migration).
   */
  satisfaction_ratings: {
    /** Random (32 hex digits): neither its value nor the rows' order says when the rating was given. */
    id: string;
    day: string;
    desk_id: number | null;
    reason: VisitReason;
    channel: Channel;
    served_by: number | null;
    visit_id: number | null;
    source: RatingSource;
    /** Who typed in a rating given on paper. */
    entered_by: number | null;
    overall: number;
    courtesy: number | null;
    speed: number | null;
    clarity: number | null;
    comment: string | null;
    contact_me: number;
    /** 1: one of rapid repeated presses at a kiosk, left out of every figure. */
    misuse: number;
    followed_up_at: string | null;
    followed_up_by: number | null;
    follow_up_note: string | null;
  };
  /** The visits that were rated, and nothing about how: one rating per visit (0018). */
  rated_visits: {
    visit_id: number;
  };
  /** Each desk's last kiosk submit, overwritten by the next: rapid repeated presses are misuse (0018). */
  kiosk_presses: {
    desk_id: number;
    last_at: string;
  };
}
