import type { RequestSummary } from '@shared/contract';
import type { Channel } from '@shared/domain/channels';
import type { RequestState } from '@shared/domain/request';
import type { Db } from '../store/store';

/** Requests with the names a list shows (person, service, researcher). */
export function selectRequestSummaries(db: Db) {
  return db
    .selectFrom('requests as r')
    .innerJoin('beneficiaries as b', 'b.id', 'r.beneficiary_id')
    .innerJoin('service_types as s', 's.id', 'r.service_type_id')
    .leftJoin('users as ru', 'ru.id', 'r.referred_to')
    .select([
      'r.id',
      'r.number',
      'r.state',
      'r.beneficiary_id',
      'r.channel',
      'r.opened_at',
      'r.submitted_at',
      'r.expected_answer_date',
      'r.referred_to',
      'r.referral_open',
      'r.referral_question',
      'b.full_name as beneficiary_name',
      's.name as service_name',
      'ru.full_name as referred_to_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequestSummaries>['executeTakeFirstOrThrow']>>;

export function toRequestSummary(r: Row, today: string): RequestSummary {
  return {
    id: r.id,
    number: r.number,
    state: r.state as RequestState,
    beneficiaryId: r.beneficiary_id,
    beneficiaryName: r.beneficiary_name,
    serviceName: r.service_name,
    channel: r.channel as Channel,
    openedAt: r.opened_at,
    submittedAt: r.submitted_at,
    expectedAnswerDate: r.expected_answer_date,
    overdue: r.state === 'submitted' && !!r.expected_answer_date && r.expected_answer_date < today,
    referredTo: r.referral_open && r.referred_to ? { id: r.referred_to, fullName: r.referred_to_name ?? '' } : null,
    referralQuestion: r.referral_open ? r.referral_question : null,
    referralOpen: !!r.referral_open,
  };
}
