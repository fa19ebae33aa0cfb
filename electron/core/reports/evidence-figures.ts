import type { DurationFigures, PeriodFigures } from '@shared/contract/reports';
import { documentStatus } from '@shared/domain/request';
import { percentile } from '../figures/stats';
import type { Db } from '../store/store';
import { loadPeriodFigures } from './period-figures';
import type { PeriodScope } from './period-scope';
import type { RequestSteps } from './request-figures';
import { durationFigures } from './visit-figures';

/** The figures the evidence pack sets beside each clause of the policy, beyond the period report's own. */
export interface EvidenceFigures {
  period: PeriodFigures;
  steps: RequestSteps;
  /** S2 and S4: the requests submitted in the period. */
  submissions: {
    submitted: number;
    /** Every document their service requires provided and valid on the submission day. */
    allDocumentsValid: number;
    /** A declaration signed at or before the submission. */
    signedBeforeSubmission: number;
  };
  /** S4: declarations signed in the period. */
  signatures: number;
  /** S3: visitors referred to the researcher (visits of the period), and requests referred with a question in it. */
  visitReferrals: { referred: number; taken: number; left: number; toTake: DurationFigures };
  requestReferrals: { referred: number; answered: number; open: number; toAnswer: DurationFigures; longestMs: number | null };
  /** S6: beneficiaries given their file number in the period. */
  newFiles: number;
}

const inPeriod = (scope: PeriodScope, iso: string) => iso >= scope.startIso && iso < scope.endIso;

/** S2, S4: each request submitted in the period, checked against the documents its service requires. */
async function submissions(db: Db, scope: PeriodScope): Promise<EvidenceFigures['submissions']> {
  const submittedInPeriod = db
    .selectFrom('requests')
    .select('id')
    .where('submission_day', '>=', scope.from)
    .where('submission_day', '<=', scope.to);
  const requests = await db
    .selectFrom('requests')
    .select(['id', 'service_type_id', 'submission_day', 'submitted_at'])
    .where('submission_day', '>=', scope.from)
    .where('submission_day', '<=', scope.to)
    .execute();
  if (requests.length === 0) return { submitted: 0, allDocumentsValid: 0, signedBeforeSubmission: 0 };

  // The catalogue's requirements as they stand: a request is submitted only once they are all met (S5).
  const required = new Map<number, { typeId: number; hasExpiry: boolean }[]>();
  for (const r of await db
    .selectFrom('service_required_documents as sr')
    .innerJoin('document_types as d', 'd.id', 'sr.document_type_id')
    .select(['sr.service_type_id', 'd.id', 'd.has_expiry'])
    .execute()) {
    const list = required.get(r.service_type_id) ?? [];
    list.push({ typeId: r.id, hasExpiry: !!r.has_expiry });
    required.set(r.service_type_id, list);
  }
  // Each line as it was recorded with the request: after the submission nobody can change it.
  const lines = new Map<number, Map<number, { provided: boolean; expiryDate: string | null }>>();
  for (const d of await db
    .selectFrom('request_documents')
    .select(['request_id', 'document_type_id', 'provided', 'expiry_date'])
    .where('request_id', 'in', submittedInPeriod)
    .execute()) {
    let m = lines.get(d.request_id);
    if (!m) lines.set(d.request_id, (m = new Map()));
    m.set(d.document_type_id, { provided: !!d.provided, expiryDate: d.expiry_date });
  }
  const firstSignature = new Map<number, string>();
  for (const s of await db
    .selectFrom('declaration_signatures')
    .select(['request_id'])
    .select((eb) => eb.fn.min<string>('signed_at').as('first'))
    .where('request_id', 'in', submittedInPeriod)
    .groupBy('request_id')
    .execute()) {
    firstSignature.set(s.request_id, s.first);
  }

  let allDocumentsValid = 0;
  let signedBeforeSubmission = 0;
  for (const r of requests) {
    const day = r.submission_day!;
    const recorded = lines.get(r.id);
    const valid = (required.get(r.service_type_id) ?? []).every((t) => {
      const line = recorded?.get(t.typeId);
      return !!line && documentStatus({ provided: line.provided, expiryDate: line.expiryDate, hasExpiry: t.hasExpiry }, day) === 'provided';
    });
    if (valid) allDocumentsValid++;
    const signed = firstSignature.get(r.id);
    if (signed !== undefined && r.submitted_at !== null && signed <= r.submitted_at) signedBeforeSubmission++;
  }
  return { submitted: requests.length, allDocumentsValid, signedBeforeSubmission };
}

/** S3 at the hall: each referral of a visit of the period, until the researcher took the visitor. */
async function visitReferrals(db: Db, scope: PeriodScope): Promise<EvidenceFigures['visitReferrals']> {
  const events = await db
    .selectFrom('visit_events as e')
    .innerJoin('visits as v', 'v.id', 'e.visit_id')
    .select(['e.visit_id', 'e.action', 'e.at', 'v.state'])
    .where('v.day', '>=', scope.from)
    .where('v.day', '<=', scope.to)
    .where('e.action', 'in', ['refer', 'take'])
    .orderBy('e.visit_id')
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  let referred = 0;
  let left = 0;
  const waits: number[] = [];
  let open: { visitId: number; at: string; state: string } | null = null;
  const settle = () => {
    if (open && open.state === 'left') left++;
    open = null;
  };
  for (const e of events) {
    if (open && open.visitId !== e.visit_id) settle();
    if (e.action === 'refer') {
      referred++;
      open = { visitId: e.visit_id, at: e.at, state: e.state };
    } else if (open) {
      waits.push(Date.parse(e.at) - Date.parse(open.at));
      open = null;
    }
  }
  settle();
  return { referred, taken: waits.length, left, toTake: durationFigures(waits) };
}

/**
 * S3 on a request: each referral with a question asked in the period, until the researcher's answer
 * (answered by the end of `asOf`, or still open then). A second referral while one is open is the
 * same question still waiting.
 */
async function requestReferrals(db: Db, scope: PeriodScope): Promise<EvidenceFigures['requestReferrals']> {
  const referredInPeriod = db
    .selectFrom('request_events')
    .select('request_id')
    .where('action', '=', 'refer')
    .where('at', '>=', scope.startIso)
    .where('at', '<', scope.endIso);
  const events = await db
    .selectFrom('request_events')
    .select(['request_id', 'action', 'at'])
    .where('request_id', 'in', referredInPeriod)
    .where('action', 'in', ['refer', 'referral_answered'])
    .where('at', '<', scope.asOfEndIso)
    .orderBy('request_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
  let referred = 0;
  let stillOpen = 0;
  const answers: number[] = [];
  let open: { requestId: number; at: string; counted: boolean } | null = null;
  const settle = () => {
    if (open?.counted) stillOpen++;
    open = null;
  };
  for (const e of events) {
    if (open && open.requestId !== e.request_id) settle();
    if (e.action === 'refer') {
      if (open) continue;
      const counted = inPeriod(scope, e.at);
      if (counted) referred++;
      open = { requestId: e.request_id, at: e.at, counted };
    } else if (open) {
      if (open.counted) answers.push(Date.parse(e.at) - Date.parse(open.at));
      open = null;
    }
  }
  settle();
  return { referred, answered: answers.length, open: stillOpen, toAnswer: durationFigures(answers), longestMs: percentile(answers, 100) };
}

/** Everything the evidence pack prints, read from the store (the job worker's read-only connection). */
export async function loadEvidenceFigures(db: Db, scope: PeriodScope): Promise<EvidenceFigures> {
  const { figures, steps } = await loadPeriodFigures(db, scope);
  const signatures = await db
    .selectFrom('declaration_signatures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('signed_at', '>=', scope.startIso)
    .where('signed_at', '<', scope.endIso)
    .executeTakeFirstOrThrow();
  const newFiles = await db
    .selectFrom('beneficiaries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('registered_at', '>=', scope.startIso)
    .where('registered_at', '<', scope.endIso)
    .executeTakeFirstOrThrow();
  return {
    period: figures,
    steps,
    submissions: await submissions(db, scope),
    signatures: Number(signatures.n),
    visitReferrals: await visitReferrals(db, scope),
    requestReferrals: await requestReferrals(db, scope),
    newFiles: Number(newFiles.n),
  };
}
