import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, businessDay } from '@shared/dates/calendar';
import { KIOSK_WINDOW_MS, MISUSE_WINDOW_MS } from '@shared/domain/satisfaction';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, unlockAfterClockJump } from '../../helpers/requests';
import { bind, signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';
import { finishedVisit, ratingRows } from './hall';

const M = ar.satisfaction;

let t: TestCore;
let deskA: SignedIn;
let deskB: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  deskA = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  deskB = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'منى علي القحطاني' });
});
afterAll(async () => t.cleanup());

/** Moves the clock past any kiosk press of an earlier test, so only what a test does counts. */
async function later(minutes = 1) {
  t.clock.advance({ minutes });
  await unlockAfterClockJump(deskA, deskB);
}

describe('satisfaction.pending: what the kiosk of a desk asks about', () => {
  it('P6: the kiosk asks about the visit just finished at its desk, never another desk’s, and no longer once rated or past its window', async () => {
    await later();
    const atA = await finishedVisit(deskA);
    expect(await deskA.ok('satisfaction.pending', {})).toMatchObject({ visitId: atA.id, ticket: atA.ticket, reason: 'follow_up' });
    // The other desk's kiosk has nothing of desk A's to ask about.
    expect(await deskB.ok('satisfaction.pending', {})).toBeNull();

    await deskA.ok('satisfaction.submit', { visitId: atA.id, overall: 5 });
    expect(await deskA.ok('satisfaction.pending', {})).toBeNull();

    await later();
    const next = await finishedVisit(deskA);
    expect((await deskA.ok('satisfaction.pending', {}))?.visitId).toBe(next.id);
    t.clock.advance({ ms: KIOSK_WINDOW_MS + 1_000 });
    await unlockAfterClockJump(deskA);
    expect(await deskA.ok('satisfaction.pending', {})).toBeNull();
  });

  it('P6: the pending answer names no person, only the ticket', async () => {
    await later();
    await finishedVisit(deskA);
    const pending = await deskA.ok('satisfaction.pending', {});
    expect(Object.keys(pending!).sort()).toEqual(['about', 'finishedAt', 'reason', 'ticket', 'visitId']);
  });
});

describe('satisfaction.submit: one rating per visit', () => {
  it('P6: a second rating of a visit is refused in Arabic and writes nothing', async () => {
    await later();
    const visit = await finishedVisit(deskA);
    await deskA.ok('satisfaction.submit', { visitId: visit.id, overall: 4 });
    await later();
    const before = { ...(await rowCounts(t)), ratings: (await ratingRows(t)).length };
    const again = await deskA.call('satisfaction.submit', { visitId: visit.id, overall: 1, source: 'paper' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: M.alreadyRated } });
    expect({ ...(await rowCounts(t)), ratings: (await ratingRows(t)).length }).toEqual(before);
  });

  it('P6: two submits of one visit at the same moment from two desks’ processes: one rating is kept, the other refused', async () => {
    await later();
    const visit = await finishedVisit(deskA);
    const other = await openTestCore({ now: t.clock, sameStoreAs: t });
    try {
      const paperDesk = await signedInAs(other, 'receptionist', { deskId: 2 });
      const before = (await ratingRows(t)).length;
      const answers = await Promise.all([
        deskA.call('satisfaction.submit', { visitId: visit.id, overall: 5 }),
        paperDesk.call('satisfaction.submit', { visitId: visit.id, overall: 2, source: 'paper', comment: 'انتظرت طويلاً' }),
        deskA.call('satisfaction.submit', { visitId: visit.id, overall: 5 }),
      ]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      for (const refused of answers.filter((a) => !a.ok)) expect(refused).toMatchObject({ error: { code: 'conflict', message: M.alreadyRated } });
      expect((await ratingRows(t)).length).toBe(before + 1);
    } finally {
      await other.cleanup();
    }
  });

  it('P6: only a finished visit is rated, a kiosk rates only its own desk’s and within its window; each refusal in Arabic, nothing written', async () => {
    await later();
    const waiting = await deskA.ok('visits.checkIn', { visitorName: 'هند سعد المطيري', visitorMobile: '0551234567', reason: 'follow_up' });
    const atA = await finishedVisit(deskA);
    const earlier = await ratingRows(t);
    const before = earlier.length;
    expect(await deskA.call('satisfaction.submit', { visitId: waiting.id, overall: 4 })).toMatchObject({ ok: false, error: { code: 'validation', message: M.visitNotFinished } });
    expect(await deskB.call('satisfaction.submit', { visitId: atA.id, overall: 4 })).toMatchObject({ ok: false, error: { code: 'forbidden', message: M.notThisDesk } });
    expect(await deskA.call('satisfaction.submit', { visitId: 999_999, overall: 4 })).toMatchObject({ ok: false, error: { code: 'not_found', message: M.visitNotFound } });
    const bad = await deskA.call('satisfaction.submit', { visitId: atA.id, overall: 6, aspects: { speed: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.message)).toEqual([M.scoreRange, M.scoreRange]);
    t.clock.advance({ ms: KIOSK_WINDOW_MS + 1_000 });
    await unlockAfterClockJump(deskA);
    expect(await deskA.call('satisfaction.submit', { visitId: atA.id, overall: 4 })).toMatchObject({ ok: false, error: { code: 'validation', message: M.kioskTooLate } });
    expect((await ratingRows(t)).length).toBe(before);
    // The visitor's paper form is still typed in, recorded as paper with who typed it.
    expect(await deskA.ok('satisfaction.submit', { visitId: atA.id, overall: 4, source: 'paper' })).toEqual({ counted: true, anonymous: true, source: 'paper' });
    const added = (await ratingRows(t)).filter((r) => !earlier.some((e) => e.id === r.id));
    expect(added).toMatchObject([{ source: 'paper', entered_by: deskA.user.id, overall: 4 }]);
  });

  it('P6: a paper form is typed in up to seven days after the visit, not later', async () => {
    await later();
    const visit = await finishedVisit(deskA);
    t.clock.advance({ days: 7, minutes: 1 });
    await unlockAfterClockJump(deskA, deskB);
    expect(await deskA.call('satisfaction.submit', { visitId: visit.id, overall: 3, source: 'paper' })).toMatchObject({ ok: false, error: { message: M.paperTooLate } });
  });
});

describe('anonymous by default (P7)', () => {
  it('P7: an anonymous rating keeps the visit’s desk, reason and channel but nothing that leads back to the person', async () => {
    await later();
    const person = await deskA.ok('beneficiaries.register', beneficiaryInput(7101, ['خالد', 'عبدالرحمن', 'سالم', 'الدوسري']));
    const visit = await finishedVisit(deskA, { beneficiaryId: person.id, reason: 'receive_aid' });
    const before = new Set((await ratingRows(t)).map((r) => r.id));
    expect(await deskA.ok('satisfaction.submit', { visitId: visit.id, overall: 2, comment: 'الموظف لم يشرح لي' })).toEqual({ counted: true, anonymous: true, source: 'kiosk' });
    const [row] = (await ratingRows(t)).filter((r) => !before.has(r.id));
    if (!row) throw new Error('no new rating row');
    expect(row).toMatchObject({ desk_id: 1, reason: 'receive_aid', channel: 'interview', visit_id: null, overall: 2, day: visit.day });
    // No column holds the visit, the person, or an instant to match against the visit's end.
    expect(Object.keys(row).sort()).toEqual(
      ['channel', 'clarity', 'comment', 'contact_me', 'courtesy', 'day', 'desk_id', 'entered_by', 'follow_up_note', 'followed_up_at', 'followed_up_by', 'id', 'misuse', 'overall', 'reason', 'served_by', 'source', 'speed', 'visit_id'],
    );
    expect(row.id).toMatch(/^[0-9a-f]{32}$/);
    // The marker says the visit was rated, and nothing about how.
    expect(await t.db.selectFrom('rated_visits').selectAll().where('visit_id', '=', visit.id).execute()).toEqual([{ visit_id: visit.id }]);
    // Its audit row says a rating was given, never for which visit or what it said.
    const audit = await t.db.selectFrom('audit').selectAll().where('operation', '=', 'satisfaction.submit').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity: 'satisfaction', entity_id: null, beneficiary_id: null });
    expect(JSON.parse(audit.after!)).toEqual({ source: 'kiosk', anonymous: true, counted: true });
    // The supervisor's results show the comment with its desk and reason, and no person.
    const sup = await signedInAs(t, 'supervisor');
    const results = await sup.ok('satisfaction.results', { from: visit.day, to: visit.day });
    const comment = results.comments.find((c) => c.comment === 'الموظف لم يشرح لي');
    expect(comment).toMatchObject({ deskName: expect.any(String), reason: 'receive_aid', channel: 'interview', visit: null });
  });

  it('P7: a visitor who asks to be contacted gives their name with it; asking while anonymous is refused in Arabic', async () => {
    await later();
    const person = await deskA.ok('beneficiaries.register', beneficiaryInput(7102, ['سارة', 'محمد', 'علي', 'الشهري']));
    const visit = await finishedVisit(deskA, { beneficiaryId: person.id });
    const refused = await deskA.call('satisfaction.submit', { visitId: visit.id, overall: 1, contactMe: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!refused.ok) expect(refused.error.issues?.[0]?.message).toBe(M.contactNeedsName);
    expect(await deskA.ok('satisfaction.submit', { visitId: visit.id, overall: 1, contactMe: true, anonymous: false })).toMatchObject({ anonymous: false });
    const row = (await ratingRows(t)).find((r) => r.visit_id === visit.id);
    expect(row).toMatchObject({ contact_me: 1, overall: 1 });
    const sup = await signedInAs(t, 'supervisor');
    const board = await sup.ok('board.today', {});
    expect(board.satisfactionFollowUps.find((f) => f.visit?.id === visit.id)).toMatchObject({
      contactMe: true,
      visit: { ticket: visit.ticket, name: 'سارة محمد علي الشهري', mobile: person.mobile },
    });
  });
});

describe('rapid repeated presses (P6)', () => {
  it('P6: several submits seconds apart from one kiosk are flagged as misuse and left out of the figures', async () => {
    await later(5);
    const visits = [await finishedVisit(deskA), await finishedVisit(deskA), await finishedVisit(deskA), await finishedVisit(deskA)] as const;
    const day = visits[0].day;
    const sup = await signedInAs(t, 'supervisor');
    const before = (await sup.ok('satisfaction.results', { from: day, to: day })).summary;

    expect(await deskA.ok('satisfaction.submit', { visitId: visits[0].id, overall: 5 })).toMatchObject({ counted: true });
    t.clock.advance({ seconds: 2 });
    expect(await deskA.ok('satisfaction.submit', { visitId: visits[1].id, overall: 1 })).toMatchObject({ counted: false });
    t.clock.advance({ seconds: 3 });
    expect(await deskA.ok('satisfaction.submit', { visitId: visits[2].id, overall: 1 })).toMatchObject({ counted: false });
    // Another desk's kiosk meanwhile is its own.
    const atB = await finishedVisit(deskB);
    expect(await deskB.ok('satisfaction.submit', { visitId: atB.id, overall: 4 })).toMatchObject({ counted: true });
    // A paper form typed at once after is not a press at the kiosk.
    expect(await deskA.ok('satisfaction.submit', { visitId: visits[3].id, overall: 3, source: 'paper' })).toMatchObject({ counted: true });

    const after = (await sup.ok('satisfaction.results', { from: day, to: day })).summary;
    expect(after.flagged - before.flagged).toBe(2);
    expect(after.ratings - before.ratings).toBe(3);
    expect(after.distribution[0]!.count - before.distribution[0]!.count).toBe(0);

    t.clock.advance({ ms: MISUSE_WINDOW_MS });
    await unlockAfterClockJump(deskA);
    const calm = await finishedVisit(deskA);
    expect(await deskA.ok('satisfaction.submit', { visitId: calm.id, overall: 4 })).toMatchObject({ counted: true });
  });
});

describe('who may see the results', () => {
  it('P6: a receptionist cannot read the results; a supervisor and an administrator can', async () => {
    const day = t.clock.iso().slice(0, 10);
    expect(await deskA.call('satisfaction.results', { from: day, to: day })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await signedInAs(t, 'admin');
    expect((await admin.ok('satisfaction.results', { from: day, to: day })).employees).toBeNull();
  });
});

describe('the kiosk as a device screen of the desk', () => {
  it('P6: a kiosk opened at a desk asks about and rates that desk’s visits, always as a kiosk, and may call nothing else', async () => {
    await later();
    const opened = await deskA.ok('devices.open', { kind: 'kiosk' });
    const kiosk = bind(t, opened.sessionId);
    const visit = await finishedVisit(deskA);
    // The receptionist signs out; the kiosk facing the visitor goes on.
    await deskA.ok('auth.signOut', {});
    try {
      expect(await kiosk.ok('satisfaction.pending', {})).toMatchObject({ visitId: visit.id });
      // A kiosk cannot pass its ratings off as paper forms.
      expect(await kiosk.ok('satisfaction.submit', { visitId: visit.id, overall: 4, source: 'paper' })).toEqual({ counted: true, anonymous: true, source: 'kiosk' });
      expect(await kiosk.ok('satisfaction.pending', {})).toBeNull();
      const day = visit.day;
      expect(await kiosk.call('satisfaction.results', { from: day, to: day })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await kiosk.call('board.today', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await deskA.ok('auth.signIn', { username: deskA.user.username, password: deskA.password, deskId: deskA.deskId });
    }
  });
});

describe('a service delivered at the desk (P6, S7)', () => {
  /** A beneficiary with a registered request, in the hall and being served at desk A. */
  async function servedWithRegisteredRequest(serial: number) {
    const supervisor = await signedInAs(t, 'supervisor', { username: `sup${serial}`, deskId: 3 });
    const person = await deskA.ok('beneficiaries.register', beneficiaryInput(serial));
    const cat = await loadCatalogue(deskA);
    const request = await requestIn('registered', { desk: deskA, committee: supervisor }, { beneficiaryId: person.id, serviceTypeId: cat.services.food_basket!.id });
    const visit = await deskA.ok('visits.checkIn', { beneficiaryId: person.id, reason: 'receive_aid', again: true });
    await deskA.ok('visits.call', { visitId: visit.id, alsoWhileServing: true });
    return { person, request, visit };
  }
  // Earlier tests move the clock on by days: the desk's today is read from it.
  const today = () => businessDay(t.clock.now(), 'Asia/Riyadh');
  const deliver = (requestId: number, deliveredOn = today()) => deskA.ok('requests.deliver', { requestId, description: 'سلة غذائية', deliveredOn });

  it('P6: the kiosk asks after a service delivered at its desk while the visit goes on; one rating covers the visit and the delivery', async () => {
    await later();
    const { request, visit } = await servedWithRegisteredRequest(811);
    expect(await deskA.ok('satisfaction.pending', {})).not.toMatchObject({ visitId: visit.id });
    await later();
    await deliver(request.id);
    const opened = await deskA.ok('devices.open', { kind: 'kiosk' });
    const kiosk = bind(t, opened.sessionId);
    expect(await kiosk.ok('satisfaction.pending', {})).toMatchObject({ visitId: visit.id, ticket: visit.ticket, reason: 'receive_aid', about: 'delivery' });
    // Another desk's kiosk has nothing of it to ask.
    expect(await deskB.ok('satisfaction.pending', {})).toBeNull();

    const before = (await ratingRows(t)).length;
    expect(await kiosk.ok('satisfaction.submit', { visitId: visit.id, overall: 5 })).toMatchObject({ counted: true, source: 'kiosk' });
    expect(await kiosk.ok('satisfaction.pending', {})).toBeNull();
    // The visit ends: already rated with its delivery, so neither asked after again nor rated twice.
    await deskA.ok('visits.finish', { visitId: visit.id, outcome: 'aid_delivered' });
    expect(await kiosk.ok('satisfaction.pending', {})).toBeNull();
    const again = await kiosk.call('satisfaction.submit', { visitId: visit.id, overall: 1 });
    expect(!again.ok && again.error.message).toBe(M.alreadyRated);
    expect((await ratingRows(t)).length).toBe(before + 1);
  });

  it('P6: a delivery dated an earlier day, or for someone this desk did not serve today, asks nothing at the kiosk', async () => {
    await later();
    const past = await servedWithRegisteredRequest(812);
    await deliver(past.request.id, addDays(today(), -1));
    expect(await deskA.ok('satisfaction.pending', {})).not.toMatchObject({ visitId: past.visit.id });
    const refused = await deskA.call('satisfaction.submit', { visitId: past.visit.id, overall: 4 });
    expect(!refused.ok && refused.error.message).toBe(M.visitNotFinished);

    await later();
    const supervisor = await signedInAs(t, 'supervisor', { username: 'sup813', deskId: 3 });
    const absent = await deskA.ok('beneficiaries.register', beneficiaryInput(813));
    const cat = await loadCatalogue(deskA);
    const request = await requestIn('registered', { desk: deskA, committee: supervisor }, { beneficiaryId: absent.id, serviceTypeId: cat.services.food_basket!.id });
    await deliver(request.id);
    const stored = await t.db.selectFrom('requests').select(['delivered_visit_id', 'delivered_at']).where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ delivered_visit_id: null, delivered_at: expect.any(String) });
    expect(await deskA.ok('satisfaction.pending', {})).not.toMatchObject({ about: 'delivery' });
  });
});
