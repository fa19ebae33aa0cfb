import type { SatisfactionComment } from '@shared/contract';
import type { Score } from '@shared/domain/satisfaction';
import type { Db } from '../store/store';

/**
 * Ratings with what a supervisor may see of their visit: the desk always, the visit's ticket and the
 * person only for a rating whose visitor gave their name (visit_id kept).
 */
export function selectRatings(db: Db) {
  return db
    .selectFrom('satisfaction_ratings as s')
    .leftJoin('desks as d', 'd.id', 's.desk_id')
    .leftJoin('users as u', 'u.id', 's.served_by')
    .leftJoin('visits as v', 'v.id', 's.visit_id')
    .leftJoin('beneficiaries as b', 'b.id', 'v.beneficiary_id')
    .select([
      's.id',
      's.day',
      's.desk_id',
      's.reason',
      's.channel',
      's.served_by',
      's.visit_id',
      's.source',
      's.overall',
      's.courtesy',
      's.speed',
      's.clarity',
      's.comment',
      's.contact_me',
      's.misuse',
      's.followed_up_at',
      'd.name as desk_name',
      'u.full_name as served_by_name',
      'v.ticket',
      'v.visitor_name',
      'v.visitor_mobile',
      'b.full_name as beneficiary_name',
      'b.mobile as beneficiary_mobile',
    ]);
}

export type RatingRow = Awaited<ReturnType<ReturnType<typeof selectRatings>['execute']>>[number];

export function toComment(r: RatingRow): SatisfactionComment {
  return {
    id: r.id,
    day: r.day,
    deskName: r.desk_name,
    reason: r.reason,
    channel: r.channel,
    overall: r.overall as Score,
    comment: r.comment,
    contactMe: !!r.contact_me,
    source: r.source,
    visit:
      r.visit_id !== null && r.ticket !== null
        ? {
            id: r.visit_id,
            ticket: r.ticket,
            name: r.beneficiary_name ?? r.visitor_name ?? '',
            mobile: r.beneficiary_mobile ?? r.visitor_mobile ?? null,
          }
        : null,
  };
}
