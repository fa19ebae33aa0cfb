/**
 * Where a contact's follow-up stands: none asked; open (due later); due today or overdue (past its day,
 * still open); done. `due` is the owner's worklist: due today or earlier and still open.
 */
export const FOLLOW_UP_STATES = ['none', 'open', 'due', 'overdue', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** The state of a follow-up on `today` (the desk's business day). */
export function followUpStateOf(f: { due: string | null; doneAt: string | null }, today: string): FollowUpState {
  if (!f.due) return 'none';
  if (f.doneAt) return 'done';
  if (f.due < today) return 'overdue';
  return f.due === today ? 'due' : 'open';
}
