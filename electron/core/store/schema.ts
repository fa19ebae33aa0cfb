import type { Generated } from 'kysely';

/** The tables as Kysely sees them. Instants are UTC ISO strings; days are YYYY-MM-DD in the desk's zone. */
export interface Database {
  users: {
    id: Generated<number>;
    username: string;
    full_name: string;
    role: string;
    password_hash: string;
    active: number;
    created_at: string;
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
    id_type: string;
    id_number: string;
    mobile: string | null;
    file_number: string | null;
    created_at: string;
    updated_at: string;
    created_by: number | null;
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
    reason: string;
    channel: string;
    state: string;
    arrived_at: string;
    called_at: string | null;
    ended_at: string | null;
    served_by: number | null;
    serving_desk_id: number | null;
    referred_to: number | null;
    referral_note: string | null;
    outcome: string | null;
    outcome_note: string | null;
    inquiry: string | null;
    answer: string | null;
    client_key: string | null;
    created_by: number;
    version: number;
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
  audit: {
    id: Generated<number>;
    at: string;
    user_id: number | null;
    operation: string;
    entity: string | null;
    entity_id: number | null;
    before: string | null;
    after: string | null;
  };
}
