import type { satisfactionOperations } from '@shared/contract/satisfaction';
import type { HandlersOf } from '../handler-kinds';
import { markFollowedUp } from './follow-ups';
import { pendingRating } from './pending';
import { loadSatisfactionResults } from './results';
import { submitRating } from './submit';

export const satisfactionHandlers: HandlersOf<typeof satisfactionOperations> = {
  'satisfaction.pending': async (_input, ctx) => pendingRating(ctx),
  'satisfaction.submit': submitRating,
  // Names of a visitor only where they gave it with their rating; no read of personal data in full.
  'satisfaction.results': async (input, ctx) => loadSatisfactionResults(ctx.db, input.from, input.to, ctx.user?.role === 'supervisor'),
  'satisfaction.followUp': async (input, ctx) => markFollowedUp(ctx, input.ratingId, input.note),
};
