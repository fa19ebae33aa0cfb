import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPEN_REQUEST_STATES,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  type RequestAction,
  type RequestState,
} from '@shared/domain/request';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { FAR_EXPIRY, loadCatalogue, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Every (state, action) pair of the support request (shared/domain/request.ts), generated from
 * REQUEST_STATES × REQUEST_ACTIONS, each request brought to its state by the real operations. Legal
 * moves land in REQUEST_TRANSITIONS' target with one event and an audit row; illegal ones are refused
 * in Arabic and write nothing (docs/design.md "A visit" and "A support request", S2–S7).
 */
let t: TestCore;
let admin: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  // The administrator may do every action, so only the request's state decides what is legal.
  admin = await signedInAs(t, 'admin');
  cat = await loadCatalogue(admin);
  beneficiaryId = (await admin.ok('beneficiaries.register', beneficiaryInput(41))).id;
});
afterAll(() => t.cleanup());

const actors = () => ({ desk: admin, committee: admin });
const foodBasket = () => cat.services.food_basket!.id;
const inState = (state: RequestState) => requestIn(state, actors(), { beneficiaryId, serviceTypeId: foodBasket() });

const ACTION_OPERATION = {
  submit: 'requests.submit',
  accept: 'requests.decide',
  reject: 'requests.decide',
  register: 'requests.register',
  deliver: 'requests.deliver',
  close: 'requests.close',
} as const satisfies Record<RequestAction, string>;

function act(action: RequestAction, requestId: number) {
  switch (action) {
    case 'accept':
      return admin.call('requests.decide', { requestId, outcome: 'accepted', approvedAmount: 900 });
    case 'reject':
      return admin.call('requests.decide', { requestId, outcome: 'rejected', reason: 'لا تنطبق شروط الاستحقاق' });
    case 'deliver':
      return admin.call('requests.deliver', { requestId, description: 'صُرفت المساعدة', deliveredOn: '2024-02-14' });
    default:
      return admin.call(ACTION_OPERATION[action], { requestId });
  }
}

const matrix = REQUEST_STATES.flatMap((from) =>
  REQUEST_ACTIONS.map((action) => ({ from, action, legal: REQUEST_TRANSITIONS[action].from.includes(from) })),
);
/** Submitting a request whose checklist is not complete is refused for its documents (S2), not its state. */
const blockedByDocuments = (from: RequestState, action: RequestAction) => action === 'submit' && (from === 'draft' || from === 'incomplete');

describe('support request state machine', () => {
  it('the matrix covers 54 pairs; the legal moves are the workflow of docs/design.md', () => {
    expect(matrix).toHaveLength(REQUEST_STATES.length * REQUEST_ACTIONS.length);
    const legal = matrix.filter((m) => m.legal).map((m) => `${m.from} -${m.action}-> ${REQUEST_TRANSITIONS[m.action].to}`);
    expect(legal.sort()).toEqual(
      [
        'complete -submit-> submitted', // S5
        'submitted -accept-> accepted',
        'submitted -reject-> rejected',
        'accepted -register-> registered', // S6
        'registered -deliver-> served', // S7
        'served -close-> closed',
      ].sort(),
    );
  });

  it('nothing leaves `rejected` or `closed`: a rejected request is reopened only by a new request', () => {
    for (const s of ['rejected', 'closed'] as const) expect(matrix.filter((m) => m.from === s && m.legal)).toEqual([]);
  });

  it.each(matrix.filter((m) => m.legal))('legal: $action from $from', async ({ from, action }) => {
    const r = await inState(from);
    // Signing the declaration does not move the request; a complete request needs it to go (S4).
    if (action === 'submit') await admin.ok('requests.signDeclaration', { requestId: r.id });
    const before = await requestSnapshot(t, r.id);

    const env = await act(action, r.id);
    expect(env.ok, JSON.stringify(env)).toBe(true);
    const to = REQUEST_TRANSITIONS[action].to;
    expect((env as { value: { state: string } }).value.state).toBe(to);

    const after = await requestSnapshot(t, r.id);
    expect(after.row!.state).toBe(to);
    expect(after.row!.version).toBe(before.row!.version + 1);
    expect(after.events).toBe(before.events + 1);
    const event = await t.db.selectFrom('request_events').selectAll().where('request_id', '=', r.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    expect(event).toMatchObject({ action, from_state: from, to_state: to, user_id: admin.user.id });

    expect(after.audit).toBeGreaterThan(before.audit);
    const audit = await t.db.selectFrom('audit').selectAll().where('entity', '=', 'request').where('entity_id', '=', r.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.operation).toBe(ACTION_OPERATION[action]);
    expect(JSON.parse(audit.before!).state).toBe(from);
    expect(JSON.parse(audit.after!).state).toBe(to);
  });

  it.each(matrix.filter((m) => !m.legal))('illegal: $action from $from → refused, nothing written', async ({ from, action }) => {
    const r = await inState(from);
    const before = await requestSnapshot(t, r.id);

    const env = await act(action, r.id);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(isArabicText(env.error.message), env.error.message).toBe(true);
    if (blockedByDocuments(from, action)) {
      // The desk is told exactly what is missing (S2, S4), not that the state is wrong.
      expect(env.error.code).toBe('validation');
      expect(env.error.message).toContain(fill(ar.messages.documentMissing, { name: cat.documents.family_register!.name }));
      expect(env.error.message).toContain(ar.messages.declarationNotSigned);
    } else {
      expect(env.error.code).toBe('conflict');
      expect(env.error.message).toBe(fill(ar.messages.requestWrongState, { action: ar.requestActions[action], state: ar.requestStates[from] }));
    }
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('an action on a request that does not exist is not_found, nothing written', async () => {
    const before = await requestSnapshot(t, 0);
    for (const action of REQUEST_ACTIONS) {
      const env = await act(action, 987654);
      expect(!env.ok && env.error).toMatchObject({ code: 'not_found', message: ar.messages.requestNotFound });
    }
    expect(await requestSnapshot(t, 0)).toEqual(before);
  });
});

describe('incomplete ⇄ complete follow the documents checklist (S2)', () => {
  it('draft → incomplete → complete → incomplete → complete, each change an event', async () => {
    // A file with no ID expiry yet, so the identity line starts missing too (not pre-filled from the file).
    const newcomer = await admin.ok('beneficiaries.register', beneficiaryInput(42, ['خالد', 'ناصر', 'فهد', 'الدوسري']));
    const r = await admin.ok('requests.open', { beneficiaryId: newcomer.id, serviceTypeId: foodBasket(), channel: 'phone' });
    expect(r).toMatchObject({ state: 'draft', channel: 'phone' });
    expect(r.documents.map((d) => [d.name, d.status])).toEqual([
      [cat.documents.national_id!.name, 'missing'],
      [cat.documents.family_register!.name, 'missing'],
    ]);
    let view = r;
    const set = async (code: string, provided: boolean) =>
      (view = await admin.ok('requests.setDocument', {
        requestId: r.id,
        documentTypeId: cat.documents[code]!.id,
        version: view.documents.find((d) => d.documentTypeId === cat.documents[code]!.id)!.version,
        provided,
        expiryDate: provided && cat.documents[code]!.hasExpiry ? FAR_EXPIRY : null,
      }));

    expect((await set('national_id', true)).state).toBe('incomplete');
    expect((await set('family_register', true)).state).toBe('complete');
    const back = await set('family_register', false);
    expect(back.state).toBe('incomplete');
    expect(back.blockers).toContain(fill(ar.messages.documentMissing, { name: cat.documents.family_register!.name }));
    expect((await set('family_register', true)).state).toBe('complete');

    const moves = (await t.db.selectFrom('request_events').select(['action', 'from_state', 'to_state']).where('request_id', '=', r.id).orderBy('id').execute()).map((e) =>
      Object.values(e).join(' '),
    );
    expect(moves).toEqual(['open  draft', 'documents draft incomplete', 'documents incomplete complete', 'documents complete incomplete', 'documents incomplete complete']);
  });

  it('a saved draft stays a draft until its checklist is touched', async () => {
    const r = await admin.ok('requests.open', { beneficiaryId, serviceTypeId: foodBasket(), channel: 'website' });
    const saved = await admin.ok('requests.saveDraft', { requestId: r.id, version: r.version, description: 'أسرة من خمسة أفراد' });
    expect(saved).toMatchObject({ state: 'draft', description: 'أسرة من خمسة أفراد', version: r.version + 1 });
  });
});

/** After submission the request belongs to the committee: the desk's edits are refused in every later state. */
const closedToDesk = REQUEST_STATES.filter((s) => !OPEN_REQUEST_STATES.includes(s));
const DESK_EDITS = ['requests.saveDraft', 'requests.setDocument', 'requests.signDeclaration'] as const;

describe('the desk cannot edit a request once it went to the committee', () => {
  it.each(closedToDesk.flatMap((state) => DESK_EDITS.map((operation) => ({ state, operation }))))(
    '$operation on a $state request → conflict, nothing written',
    async ({ state, operation }) => {
      const r = await inState(state);
      const before = await requestSnapshot(t, r.id);
      const input =
        operation === 'requests.saveDraft'
          ? { requestId: r.id, version: r.version, description: 'تعديل بعد الرفع' }
          : operation === 'requests.setDocument'
            ? { requestId: r.id, documentTypeId: cat.documents.family_register!.id, version: r.documents.find((d) => d.documentTypeId === cat.documents.family_register!.id)?.version ?? 0, provided: false }
            : { requestId: r.id };
      const env = await admin.call(operation, input as never);
      expect(!env.ok && env.error).toMatchObject({
        code: 'conflict',
        message: fill(ar.messages.requestNotEditable, { state: ar.requestStates[state] }),
      });
      expect(await requestSnapshot(t, r.id)).toEqual(before);
    },
  );

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
