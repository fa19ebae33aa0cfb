import type { BeneficiaryProfile, DocumentTypeView, InputOf, RequestView, ServiceTypeView } from '@shared/contract';
import type { Channel } from '@shared/domain/channels';
import type { RequestState } from '@shared/domain/request';
import type { SignedIn } from './sessions';
import { auditCount, countRows, type TestCore } from './test-core';

/**
 * Support requests driven through the dispatcher as the desk and the committee would (docs/design.md#a-support-request):
 * the seeded catalogue by code, a request brought to any state by legal operations only, and the
 * row counts that "nothing written" compares.
 */
export interface Catalogue {
  services: Record<string, ServiceTypeView>;
  documents: Record<string, DocumentTypeView>;
}

export async function loadCatalogue(s: Pick<SignedIn, 'ok'>): Promise<Catalogue> {
  const services = await s.ok('catalogue.services', { includeInactive: true });
  const documents = await s.ok('catalogue.documentTypes', { includeInactive: true });
  return {
    services: Object.fromEntries(services.map((x) => [x.code, x])),
    documents: Object.fromEntries(documents.map((x) => [x.code, x])),
  };
}

/** A far expiry, so a provided document stays valid whatever day the test sets. */
export const FAR_EXPIRY = '2099-12-31';

/** Marks every required document of the request provided (with `expiryDate` where the type has one). */
export async function provideAll(s: Pick<SignedIn, 'ok'>, request: RequestView, expiryDate = FAR_EXPIRY): Promise<RequestView> {
  let view = request;
  for (const d of request.documents.filter((x) => x.required)) {
    view = await s.ok('requests.setDocument', {
      requestId: request.id,
      documentTypeId: d.documentTypeId,
      version: d.version,
      provided: true,
      expiryDate: d.hasExpiry ? expiryDate : null,
    });
  }
  return view;
}

export interface Actors {
  /** Opens, completes, submits, registers, delivers, closes (receptionist, supervisor or admin). */
  desk: Pick<SignedIn, 'ok'>;
  /** Decides (supervisor or admin). */
  committee: Pick<SignedIn, 'ok'>;
}

/** The legal path from a new request to each state (docs/design.md "A visit" and "A support request"). */
export const PATH_TO: Record<RequestState, readonly string[]> = {
  draft: [],
  incomplete: ['partial'],
  complete: ['provide'],
  submitted: ['provide', 'sign', 'submit'],
  accepted: ['provide', 'sign', 'submit', 'accept'],
  rejected: ['provide', 'sign', 'submit', 'reject'],
  registered: ['provide', 'sign', 'submit', 'accept', 'register'],
  served: ['provide', 'sign', 'submit', 'accept', 'register', 'deliver'],
  closed: ['provide', 'sign', 'submit', 'accept', 'register', 'deliver', 'close'],
};

/** A new request (food basket by default: national ID with expiry + family register) brought to `state`. */
export async function requestIn(
  state: RequestState,
  actors: Actors,
  open: { beneficiaryId: number; serviceTypeId: number; channel?: Channel },
): Promise<RequestView> {
  const { desk, committee } = actors;
  let r = await desk.ok('requests.open', { beneficiaryId: open.beneficiaryId, serviceTypeId: open.serviceTypeId, channel: open.channel ?? 'interview' });
  for (const step of PATH_TO[state]) {
    switch (step) {
      case 'partial': {
        const first = r.documents.find((d) => d.required)!;
        r = await desk.ok('requests.setDocument', {
          requestId: r.id,
          documentTypeId: first.documentTypeId,
          version: first.version,
          provided: true,
          expiryDate: first.hasExpiry ? FAR_EXPIRY : null,
        });
        break;
      }
      case 'provide':
        r = await provideAll(desk, r);
        break;
      case 'sign':
        r = await desk.ok('requests.signDeclaration', { requestId: r.id });
        break;
      case 'submit':
        r = await desk.ok('requests.submit', { requestId: r.id });
        break;
      case 'accept':
        r = await committee.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 1500, aidDescription: 'سلة غذائية شهرية' });
        break;
      case 'reject':
        r = await committee.ok('requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'الدخل يتجاوز حد الاستحقاق' });
        break;
      case 'register':
        r = await desk.ok('requests.register', { requestId: r.id });
        break;
      case 'deliver':
        r = await desk.ok('requests.deliver', { requestId: r.id, description: 'سُلّمت سلة غذائية', deliveredOn: '2024-02-14' });
        break;
      case 'close':
        r = await desk.ok('requests.close', { requestId: r.id });
        break;
    }
  }
  if (r.state !== state) throw new Error(`setting up ${state}: the request is ${r.state}`);
  return r;
}

/** Everything a refused request operation must leave as it was. */
export async function requestSnapshot(t: Pick<TestCore, 'db' | 'store'>, requestId: number) {
  return {
    row: await t.db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirst(),
    documents: await t.db.selectFrom('request_documents').selectAll().where('request_id', '=', requestId).orderBy('document_type_id').execute(),
    events: await countRows(t, 'request_events'),
    // Changes recorded; a refusal of access writes its own audit row of kind 'refused' (tests/core/audit/).
    audit: await auditCount(t),
    signatures: await countRows(t, 'declaration_signatures'),
    attachments: await countRows(t, 'attachments'),
    beneficiaries: await t.db.selectFrom('beneficiaries').selectAll().orderBy('id').execute(),
  };
}

/** The whole beneficiary file as beneficiaries.update takes it, from the profile the screen shows. */
export function profileInput(p: BeneficiaryProfile, changes: Partial<InputOf<'beneficiaries.update'>['profile']> = {}): InputOf<'beneficiaries.update'>['profile'] {
  return {
    firstName: p.firstName,
    fatherName: p.fatherName,
    grandfatherName: p.grandfatherName,
    familyName: p.familyName,
    latinName: p.latinName,
    identity: { idType: p.idType, idNumber: p.idNumber },
    idExpiry: p.idExpiry,
    nationality: p.nationality,
    gender: p.gender,
    birthDate: p.birthDate,
    maritalStatus: p.maritalStatus,
    mobile: p.mobile ?? '',
    mobile2: p.mobile2,
    city: p.city,
    district: p.district,
    address: p.address,
    monthlyIncome: p.monthlyIncome,
    incomeSources: p.incomeSources,
    housingType: p.housingType,
    rentAmount: p.rentAmount,
    notes: p.notes,
    family: p.family,
    ...changes,
  };
}

/**
 * After the test clock jumps ahead every session is locked by inactivity, or past 12 idle hours signed
 * out, as a real desk would be: unlock each with its password as the lock screen does, or sign in again.
 */
export async function unlockAfterClockJump(...sessions: Pick<SignedIn, 'call' | 'ok' | 'password' | 'user' | 'deskId'>[]): Promise<void> {
  for (const s of sessions) {
    const env = await s.call('auth.session', {});
    if (!env.ok) continue;
    const view = env.value as { locked: boolean; user: unknown };
    // Past the session's expiry (12 hours idle by default) the desk signs in again, as after a night.
    if (!view.user) await s.ok('auth.signIn', { username: s.user.username, password: s.password, deskId: s.deskId });
    else if (view.locked) await s.ok('auth.unlock', { password: s.password });
  }
}
