import { randomBytes } from 'node:crypto';
import type { ParsedInputOf, SatisfactionSubmitView } from '@shared/contract';
import { KIOSK_WINDOW_MS, MISUSE_WINDOW_MS, PAPER_DAYS, type RatingSource } from '@shared/domain/satisfaction';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import { kioskDesk } from './kiosk-desk';

const M = ar.satisfaction;
const DAY_MS = 86_400_000;

/** Where this submit comes from: a kiosk device can only be a kiosk; staff say whether it is a paper form. */
function sourceOf(input: { source: RatingSource }, ctx: HandlerContext): RatingSource {
  return ctx.session.device ? 'kiosk' : input.source;
}

/**
 * P6, P7: one rating of a finished visit, or of one a service was delivered in. The kiosk rates only a visit finished at its own desk within
 * its window; a paper form is typed in within PAPER_DAYS. A second rating of a visit is refused (the
 * write lock orders two submits, and rated_visits' key refuses what slipped past). Anonymous ratings
 * keep nothing that names the visit (see migration 0018), and their audit row says that a rating was
 * given, never which one or what it said.
 */
export async function submitRating(input: ParsedInputOf<'satisfaction.submit'>, ctx: HandlerContext): Promise<SatisfactionSubmitView> {
  const source = sourceOf(input, ctx);
  const visit = await ctx.db
    .selectFrom('visits')
    .select(['id', 'state', 'day', 'reason', 'channel', 'ended_at', 'serving_desk_id', 'served_by'])
    .where('id', '=', input.visitId)
    .executeTakeFirst();
  if (!visit) throw new AppError('not_found', M.visitNotFound);
  // A service delivered in the visit (requests/delivery-visit.ts) may be rated before the visit ends:
  // the kiosk asks at the delivery, and the window runs from the latest of the two.
  const delivered = await ctx.db
    .selectFrom('requests')
    .select((eb) => eb.fn.max('delivered_at').as('at'))
    .where('delivered_visit_id', '=', visit.id)
    .executeTakeFirst();
  const finishedAt = visit.state === 'done' ? visit.ended_at : null;
  const deliveredAt = delivered?.at ?? null;
  const ratedAfter = [finishedAt, deliveredAt].filter((at): at is string => at !== null).sort().at(-1);
  if (ratedAfter === undefined) throw new AppError('validation', M.visitNotFinished);
  const sinceEnd = ctx.now.getTime() - Date.parse(ratedAfter);
  if (source === 'kiosk') {
    if (visit.serving_desk_id !== kioskDesk(ctx)) throw new AppError('forbidden', M.notThisDesk);
    if (sinceEnd > KIOSK_WINDOW_MS) throw new AppError('validation', M.kioskTooLate);
  } else if (sinceEnd > PAPER_DAYS * DAY_MS) {
    throw new AppError('validation', M.paperTooLate);
  }
  const rated = await ctx.db.selectFrom('rated_visits').select('visit_id').where('visit_id', '=', visit.id).executeTakeFirst();
  if (rated) throw new AppError('conflict', M.alreadyRated);

  const now = ctx.now.toISOString();
  let misuse = false;
  if (source === 'kiosk') {
    const deskId = kioskDesk(ctx);
    const last = await ctx.db.selectFrom('kiosk_presses').select('last_at').where('desk_id', '=', deskId).executeTakeFirst();
    // Presses seconds apart are not one visitor rating their visit: this one is left out of the figures.
    misuse = !!last && ctx.now.getTime() - Date.parse(last.last_at) < MISUSE_WINDOW_MS;
    await ctx.db
      .insertInto('kiosk_presses')
      .values({ desk_id: deskId, last_at: now })
      .onConflict((oc) => oc.column('desk_id').doUpdateSet({ last_at: now }))
      .execute();
  }

  const anonymous = input.anonymous;
  const aspects = input.aspects ?? {};
  await ctx.db.insertInto('rated_visits').values({ visit_id: visit.id }).execute();
  const rating = {
    id: randomBytes(16).toString('hex'),
    day: visit.day,
    desk_id: visit.serving_desk_id,
    reason: visit.reason,
    channel: visit.channel,
    served_by: visit.served_by,
    visit_id: anonymous ? null : visit.id,
    source,
    entered_by: source === 'paper' ? (ctx.user?.id ?? null) : null,
    overall: input.overall,
    courtesy: aspects.courtesy ?? null,
    speed: aspects.speed ?? null,
    clarity: aspects.clarity ?? null,
    comment: input.comment,
    contact_me: input.contactMe ? 1 : 0,
    misuse: misuse ? 1 : 0,
  };
  await ctx.db.insertInto('satisfaction_ratings').values(rating).execute();
  if (anonymous) {
    ctx.audit({ entity: 'satisfaction', entityId: null, after: { source, anonymous: true, counted: !misuse } });
  } else {
    ctx.audit({
      entity: 'visit',
      entityId: visit.id,
      after: { source, anonymous: false, counted: !misuse, overall: input.overall, ...aspects, comment: input.comment, contactMe: input.contactMe },
    });
  }
  return { counted: !misuse, anonymous, source };
}
