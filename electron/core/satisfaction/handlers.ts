import type { HandlerMap } from '../handlers';
import { markFollowedUp } from './follow-ups';
import { pendingRating } from './pending';
import { loadSatisfactionResults } from './results';
import { submitRating } from './submit';

type SatisfactionOperation = 'satisfaction.pending' | 'satisfaction.submit' | 'satisfaction.results' | 'satisfaction.followUp';

export const satisfactionHandlers: HandlerMap<SatisfactionOperation> = {
  'satisfaction.pending': async (_input, ctx) => pendingRating(ctx),
  'satisfaction.submit': submitRating,
  // Names of a visitor only where they gave it with their rating; no read of personal data in full.
  'satisfaction.results': async (input, ctx) => loadSatisfactionResults(ctx.db, input.from, input.to, ctx.user?.role === 'supervisor'),
  'satisfaction.followUp': async (input, ctx) => markFollowedUp(ctx, input.ratingId, input.note),
};
