import type { ComplaintState } from '@shared/domain/complaints';

export const STATE_COLORS: Record<ComplaintState, string> = {
  new: 'orange',
  in_progress: 'blue',
  answered: 'teal',
  closed: 'gray',
};
