import type { InputOf, VisitView } from '@shared/contract';
import type { VisitReason } from '@shared/domain/visit';
import { walkInInput } from '../../helpers/fixtures';
import type { SignedIn } from '../../helpers/sessions';

let serial = 0;

/** A walk-in visitor checked in, called and served to the end at `desk`'s desk: what a kiosk asks about. */
export async function finishedVisit(
  desk: Pick<SignedIn, 'ok'>,
  options: { reason?: VisitReason; beneficiaryId?: number; channel?: InputOf<'visits.checkIn'>['channel'] } = {},
): Promise<VisitView> {
  serial += 1;
  const reason = options.reason ?? 'follow_up';
  const visit = await desk.ok(
    'visits.checkIn',
    options.beneficiaryId
      ? { beneficiaryId: options.beneficiaryId, reason, channel: options.channel }
      : walkInInput(`زائر ${serial} سعد الحربي`, { reason, channel: options.channel, again: true }),
  );
  await desk.ok('visits.call', { visitId: visit.id, alsoWhileServing: true });
  return desk.ok('visits.finish', {
    visitId: visit.id,
    outcome: 'answered',
    ...(reason === 'inquiry' ? { inquiry: 'موعد الصرف', answer: 'الأحد القادم' } : {}),
    ...(reason === 'complaint' ? { outcomeNote: 'تأخر الرد على الطلب' } : {}),
  });
}

/** The rows a store keeps about ratings, looked at as a person reading the database would. */
export async function ratingRows(t: { db: import('../../../electron/core/store/store').Db }) {
  return t.db.selectFrom('satisfaction_ratings').selectAll().execute();
}
