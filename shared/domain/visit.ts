/** Walk-in visit states and the only moves between them (docs/design.md "A visit" and "A support request", S1, S3). */
export const VISIT_STATES = ['waiting', 'serving', 'referred', 'done', 'left', 'cancelled'] as const;
export type VisitState = (typeof VISIT_STATES)[number];

export const VISIT_REASONS = [
  'inquiry',
  'new_request',
  'follow_up',
  'missing_documents',
  'receive_aid',
  'complaint',
  'volunteering',
  'other',
] as const;
export type VisitReason = (typeof VISIT_REASONS)[number];

export const VISIT_OUTCOMES = [
  'answered',
  'request_opened',
  'documents_received',
  'aid_delivered',
  'complaint_recorded',
  'referred_elsewhere',
  'other',
] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VISIT_ACTIONS = ['call', 'refer', 'take', 'finish', 'markLeft', 'cancel'] as const;
export type VisitAction = (typeof VISIT_ACTIONS)[number];

export const VISIT_TRANSITIONS: Record<VisitAction, { from: readonly VisitState[]; to: VisitState }> = {
  call: { from: ['waiting'], to: 'serving' },
  refer: { from: ['serving'], to: 'referred' }, // S3
  take: { from: ['referred'], to: 'serving' }, // the researcher takes the referral
  finish: { from: ['serving'], to: 'done' },
  markLeft: { from: ['waiting', 'referred'], to: 'left' },
  cancel: { from: ['waiting', 'serving', 'referred'], to: 'cancelled' },
};

export function canTransition(action: VisitAction, from: VisitState): boolean {
  return VISIT_TRANSITIONS[action].from.includes(from);
}

/** Groups shown on the queue screen, in display order. */
export const QUEUE_GROUPS = ['waiting', 'serving', 'referred', 'done', 'closed'] as const;
export type QueueGroup = (typeof QUEUE_GROUPS)[number];
export function queueGroupOf(state: VisitState): QueueGroup {
  return state === 'left' || state === 'cancelled' ? 'closed' : state;
}
