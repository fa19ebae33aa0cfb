/**
 * Complaints and suggestions (P8): their states, the only moves between them and their categories.
 * A complaint moves one step at a time; closing needs the answer the complainant was given.
 */
export const COMPLAINT_STATES = ['new', 'in_progress', 'answered', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** Each state's one next state; closed is the end. */
export const NEXT_COMPLAINT_STATE: Record<ComplaintState, ComplaintState | null> = {
  new: 'in_progress',
  in_progress: 'answered',
  answered: 'closed',
  closed: null,
};

export function canMoveComplaint(from: ComplaintState, to: ComplaintState): boolean {
  return from === to || NEXT_COMPLAINT_STATE[from] === to;
}

/** Not yet answered: what the due date is about (answered or closed ones are never overdue). */
export const UNANSWERED_COMPLAINT_STATES: readonly ComplaintState[] = ['new', 'in_progress'];

export const COMPLAINT_CATEGORIES = [
  'service_quality',
  'waiting_time',
  'staff_conduct',
  'procedures',
  'aid',
  'facilities',
  'suggestion',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The shared setting's default: five working days to answer (P8). */
export const DEFAULT_COMPLAINT_DUE_WORKING_DAYS = 5;
export const MAX_COMPLAINT_DUE_WORKING_DAYS = 60;
