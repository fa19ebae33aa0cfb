import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { VISIT_ACTIONS, VISIT_STATES, VISIT_TRANSITIONS, type VisitAction, type VisitState } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { isArabicText, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Every (state, action) pair of the visit state machine (shared/domain/visit.ts), generated from
 * VISIT_STATES × VISIT_ACTIONS and driven through the dispatcher as the desk would. Legal moves land
 * in VISIT_TRANSITIONS' target state with one event and one audit row; illegal ones are refused with
 * an Arabic 'conflict' and change nothing at all (S1, S3).
 */
let t: TestCore;
let admin: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  // The administrator can perform every action, so only the state decides what is legal.
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.cleanup());

const ACTION_OPERATION = {
  call: 'visits.call',
  refer: 'visits.refer',
  take: 'visits.take',
  finish: 'visits.finish',
  markLeft: 'visits.markLeft',
  cancel: 'visits.cancel',
} as const satisfies Record<VisitAction, string>;

function actionInput(action: VisitAction, visitId: number) {
  switch (action) {
    case 'refer':
      return { visitId, note: 'يحتاج شرح إجراءات دراسة الحالة' } satisfies InputOf<'visits.refer'>;
    case 'finish':
      return { visitId, outcome: 'answered', inquiry: 'ما المستندات المطلوبة؟', answer: 'الهوية وعقد الإيجار' } satisfies InputOf<'visits.finish'>;
    case 'call':
      // One administrator brings visits into every state, so several are served at once (confirmed);
      // refusing a call while serving has its own tests (serving-one-at-a-time.test.ts).
      return { visitId, alsoWhileServing: true } satisfies InputOf<'visits.call'>;
    default:
      return { visitId };
  }
}

async function act(action: VisitAction, visitId: number) {
  return admin.call(ACTION_OPERATION[action], actionInput(action, visitId) as never);
}

/** A fresh visit brought to `state` through legal operations only. */
async function visitIn(state: VisitState): Promise<number> {
  const { id } = await admin.ok('visits.checkIn', walkInInput());
  const path: Record<VisitState, VisitAction[]> = {
    waiting: [],
    serving: ['call'],
    referred: ['call', 'refer'],
    done: ['call', 'finish'],
    left: ['markLeft'],
    cancelled: ['cancel'],
  };
  for (const a of path[state]) {
    const env = await act(a, id);
    if (!env.ok) throw new Error(`setting up ${state}: ${a} failed: ${env.error.message}`);
  }
  expect((await visitRow(id)).state).toBe(state);
  return id;
}

function visitRow(id: number) {
  return t.db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
const count = (table: 'audit' | 'visit_events') => countRows(t, table);

const matrix = VISIT_STATES.flatMap((from) => VISIT_ACTIONS.map((action) => ({ from, action, legal: VISIT_TRANSITIONS[action].from.includes(from) })));

describe('visit state machine', () => {
  it('the matrix covers 36 pairs, with both legal and illegal moves from every action', () => {
    expect(matrix).toHaveLength(VISIT_STATES.length * VISIT_ACTIONS.length);
    for (const action of VISIT_ACTIONS) {
      expect(matrix.some((m) => m.action === action && m.legal)).toBe(true);
      expect(matrix.some((m) => m.action === action && !m.legal)).toBe(true);
    }
    // Ended visits are final.
    for (const s of ['done', 'left', 'cancelled'] as const) expect(matrix.filter((m) => m.from === s && m.legal)).toEqual([]);
  });

  it('the legal moves are the workflow of docs/design.md (waiting → serving → referred → serving → done; left; cancelled)', () => {
    const legal = matrix.filter((m) => m.legal).map((m) => `${m.from} -${m.action}-> ${VISIT_TRANSITIONS[m.action].to}`);
    expect(legal.sort()).toEqual(
      [
        'waiting -call-> serving',
        'serving -refer-> referred', // S3
        'referred -take-> serving',
        'serving -finish-> done',
        'waiting -markLeft-> left',
        'referred -markLeft-> left',
        'waiting -cancel-> cancelled',
        'serving -cancel-> cancelled',
        'referred -cancel-> cancelled',
      ].sort(),
    );
  });

  it.each(matrix.filter((m) => m.legal))('legal: $action from $from', async ({ from, action }) => {
    const id = await visitIn(from);
    const before = await visitRow(id);
    const audits = await count('audit');

    const env = await act(action, id);
    expect(env.ok, JSON.stringify(env)).toBe(true);
    const to = VISIT_TRANSITIONS[action].to;
    expect((env as { value: { state: string } }).value.state).toBe(to);

    const after = await visitRow(id);
    expect(after.state).toBe(to);
    expect(after.version).toBe(before.version + 1);

    const event = await t.db.selectFrom('visit_events').selectAll().where('visit_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    expect(event).toMatchObject({ action, from_state: from, to_state: to, user_id: admin.user.id });

    expect(await count('audit')).toBe(audits + 1);
    const audit = await t.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ operation: ACTION_OPERATION[action], entity: 'visit', entity_id: id, user_id: admin.user.id });
    expect(JSON.parse(audit.before as string).state).toBe(from);
    expect(JSON.parse(audit.after as string).state).toBe(to);
  });

  it.each(matrix.filter((m) => !m.legal))('illegal: $action from $from → conflict, nothing written', async ({ from, action }) => {
    const id = await visitIn(from);
    const before = await visitRow(id);
    const audits = await count('audit');
    const events = await count('visit_events');

    const env = await act(action, id);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('conflict');
    expect(isArabicText(env.error.message), env.error.message).toBe(true);
    // The message says what the visit is now, in the catalogue's words.
    expect(env.error.message).toContain(ar.visitStates[from]);

    expect(await visitRow(id)).toEqual(before);
    expect(await count('audit')).toBe(audits);
    expect(await count('visit_events')).toBe(events);
  });

  it('an action on a visit that does not exist is not_found, nothing written', async () => {
    const audits = await count('audit');
    for (const action of VISIT_ACTIONS) {
      const env = await act(action, 987654);
      expect(env.ok).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe('not_found');
        expect(env.error.message).toBe(ar.messages.visitNotFound);
      }
    }
    expect(await count('audit')).toBe(audits);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
