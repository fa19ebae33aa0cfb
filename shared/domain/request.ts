/**
 * Support request (طلب دعم) states and the only moves between them (docs/design.md "A visit" and "A support request",
 * S2–S7). `incomplete` ⇄ `complete` follow the documents checklist by themselves; every other move
 * is a deliberate action by someone whose role allows it.
 */
export const REQUEST_STATES = [
  'draft',
  'incomplete',
  'complete',
  'submitted',
  'accepted',
  'rejected',
  'registered',
  'served',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States in which the applicant's data and documents can still be edited at the desk. */
export const OPEN_REQUEST_STATES: readonly RequestState[] = ['draft', 'incomplete', 'complete'];

export const REQUEST_ACTIONS = ['submit', 'accept', 'reject', 'register', 'deliver', 'close'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const REQUEST_TRANSITIONS: Record<RequestAction, { from: readonly RequestState[]; to: RequestState }> = {
  submit: { from: ['complete'], to: 'submitted' }, // S5
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  register: { from: ['accepted'], to: 'registered' }, // S6
  deliver: { from: ['registered'], to: 'served' }, // S7
  close: { from: ['served'], to: 'closed' },
};

export function canMoveRequest(action: RequestAction, from: RequestState): boolean {
  return REQUEST_TRANSITIONS[action].from.includes(from);
}

/** A document on a request as of a given day (S2: validity is checked at the time of submission). */
export const DOCUMENT_STATUSES = ['provided', 'missing', 'expired'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * Provided and still valid on `asOf` — a document expiring that very day is still valid that day. A
 * document whose type expires counts as missing without its expiry date: its validity cannot be checked.
 */
export function documentStatus(doc: { provided: boolean; expiryDate: string | null; hasExpiry?: boolean }, asOf: string): DocumentStatus {
  if (!doc.provided) return 'missing';
  if (doc.hasExpiry && !doc.expiryDate) return 'missing';
  if (doc.expiryDate && doc.expiryDate < asOf) return 'expired';
  return 'provided';
}

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export const HOUSING_TYPES = ['owned', 'rented', 'family', 'other'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];
export const INCOME_SOURCES = ['salary', 'retirement', 'social_security', 'citizen_account', 'charity', 'other'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export const FAMILY_RELATIONS = ['spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'other'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];
