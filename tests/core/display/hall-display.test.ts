import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallDisplayView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { bind, signedInAs, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, type TestCore } from '../../helpers/test-core';

/** The hall display (S1): the calls of every desk, large, with no visitor's name. */
let t: TestCore;
let deskA: SignedIn;
let deskB: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  deskA = await signedInAs(t, 'receptionist', { username: 'noura', deskId: 1 });
  deskB = await signedInAs(t, 'receptionist', { username: 'khalid', deskId: 2 });
});
afterEach(() => t.cleanup());

async function displayOf(by: SignedIn = deskA) {
  const { sessionId } = await by.ok('devices.open', { kind: 'display' });
  return bind(t, sessionId);
}

async function checkIn(name: string) {
  return deskA.ok('visits.checkIn', walkInInput(name));
}

const tickets = (calls: { ticket: string; desk: string }[]) => calls.map((c) => `${c.ticket} → ${c.desk}`);

describe('what the hall display shows', () => {
  it('S1: each desk\'s current call, the last five calls newest first, how many wait, and the date', async () => {
    for (let i = 1; i <= 8; i++) await checkIn(`زائر رقم ${i} الحربي`);
    const display = await displayOf();
    const empty = await display.ok('display.calls', {});
    expect(empty).toMatchObject({ day: '2024-02-14', timeZone: 'Asia/Riyadh', waiting: 8, current: [], recent: [] });

    // Desk A serves and finishes three in turn, desk B calls two; a call each minute.
    for (let i = 0; i < 3; i++) {
      const v = (await deskA.ok('visits.callNext', {}))!;
      t.clock.advance({ minutes: 1 });
      if (i < 2) await deskA.ok('visits.finish', { visitId: v.id, outcome: 'answered', inquiry: 'سؤال عن الدعم', answer: 'أجيب عنه' });
    }
    await deskB.ok('visits.callNext', {});
    t.clock.advance({ minutes: 1 });
    const b2 = (await deskB.ok('visits.callNext', { alsoWhileServing: true }))!;
    t.clock.advance({ minutes: 1 });

    const shown = await display.ok('display.calls', {});
    expect(shown.waiting).toBe(3);
    // Desk B's latest call is its current one; desk A's third visitor is still served.
    expect(tickets(shown.current)).toEqual([`${b2.ticket} → مكتب الاستقبال 2`, 'A-003 → مكتب الاستقبال 1']);
    expect(tickets(shown.recent)).toEqual([
      'A-005 → مكتب الاستقبال 2',
      'A-004 → مكتب الاستقبال 2',
      'A-003 → مكتب الاستقبال 1',
      'A-002 → مكتب الاستقبال 1',
      'A-001 → مكتب الاستقبال 1',
    ]);
    expect(shown.recent.map((c) => c.id)).toEqual([...shown.recent.map((c) => c.id)].sort((x, y) => y - x));

    await deskB.ok('visits.callNext', { alsoWhileServing: true });
    const later = await display.ok('display.calls', {});
    expect(later.recent).toHaveLength(5);
    expect(later.recent[0]!.ticket).toBe('A-006');
    expect(later.recent.map((c) => c.ticket)).not.toContain('A-001');
  });

  it('S1: a visitor finished, referred or cancelled is no longer a current call', async () => {
    const v = await checkIn('سالم علي الحربي');
    const display = await displayOf();
    await deskA.ok('visits.callNext', {});
    expect((await display.ok('display.calls', {})).current.map((c) => c.ticket)).toEqual([v.ticket]);
    await deskA.ok('visits.refer', { visitId: v.id, note: 'يحتاج دراسة حالة' });
    const after = await display.ok('display.calls', {});
    expect(after.current).toEqual([]);
    expect(after.recent.map((c) => c.ticket)).toEqual([v.ticket]);
  });

  it('S1: the researcher taking a referred visitor is a call to the researcher\'s desk', async () => {
    const v = await checkIn('سالم علي الحربي');
    await deskA.ok('visits.callNext', {});
    await deskA.ok('visits.refer', { visitId: v.id, note: 'يحتاج دراسة حالة' });
    const researcher = await signedInAs(t, 'researcher', { username: 'muneera', deskId: 3 });
    await researcher.ok('visits.take', { visitId: v.id });
    const shown = await (await displayOf()).ok('display.calls', {});
    expect(tickets(shown.current)).toEqual([`${v.ticket} → مكتب الباحث الاجتماعي`]);
    expect(shown.recent).toHaveLength(2);
  });

  it('S1: the association\'s name, logo and the administrator\'s line of text', async () => {
    const admin = await signedInAs(t, 'admin');
    await admin.ok('settings.update', { associationName: 'جمعية الخير بالرياض', displayMessage: 'الدوام من الثامنة صباحاً حتى الثانية ظهراً', associationLogoBase64: 'iVBORw0KGgo=' });
    const shown = await (await displayOf()).ok('display.calls', {});
    expect(shown).toMatchObject({ associationName: 'جمعية الخير بالرياض', message: 'الدوام من الثامنة صباحاً حتى الثانية ظهراً', associationLogoBase64: 'iVBORw0KGgo=' });
    expect((await admin.ok('settings.get', {})).displayMessage).toBe('الدوام من الثامنة صباحاً حتى الثانية ظهراً');
  });

  it('S1: a line of text too long to read across a room is refused in Arabic, nothing saved', async () => {
    const admin = await signedInAs(t, 'admin');
    const env = await admin.call('settings.update', { displayMessage: 'إعلان '.repeat(40) });
    expect(!env.ok && env.error.issues?.[0]?.path).toEqual(['displayMessage']);
    expect(!env.ok && env.error.message).toMatch(/[\u0600-\u06FF]/);
    expect((await admin.ok('settings.get', {})).displayMessage).toBeNull();
  });

  it('S1: the answer never carries a visitor\'s name, mobile, ID or file: only tickets, desks, counts and the association\'s words', async () => {
    const admin = await signedInAs(t, 'admin');
    const file = beneficiaryInput(7, ['فاطمة', 'سعيد', 'ناصر', 'الدوسري']);
    const person = await admin.ok('beneficiaries.register', file);
    await deskA.ok('visits.checkIn', { beneficiaryId: person.id, reason: 'follow_up' });
    await deskA.ok('visits.checkIn', walkInInput('مشاعل حمد العتيبي', { visitorMobile: '0559876543' }));
    await deskA.ok('visits.callNext', {});
    await deskB.ok('visits.callNext', {});
    const shown = await (await displayOf()).ok('display.calls', {});
    expect(shown.recent).toHaveLength(2);
    const text = JSON.stringify(shown);
    for (const personal of ['فاطمة', 'الدوسري', 'مشاعل', 'العتيبي', '0559876543', file.identity.idNumber, file.mobile!]) {
      expect(text).not.toContain(personal);
    }
    expect(keysOf(shown)).toEqual(
      new Set(['day', 'timeZone', 'associationName', 'associationLogoBase64', 'message', 'waiting', 'current', 'recent', 'id', 'ticket', 'desk', 'at', 'recall']),
    );
  });
});

describe('calls of every desk of the hall', () => {
  it('S1: a call made by another desk\'s process on the same store (another PC on PostgreSQL) is on the display', async () => {
    const other = await openTestCore({ sameStoreAs: t, now: t.clock });
    try {
      const far = await signedInAs(other, 'receptionist', { username: 'salem', deskId: 2 });
      const v = await far.ok('visits.checkIn', walkInInput('حمد ناصر الشمري'));
      await far.ok('visits.callNext', {});
      const shown = await (await displayOf()).ok('display.calls', {});
      expect(tickets(shown.current)).toEqual([`${v.ticket} → مكتب الاستقبال 2`]);
    } finally {
      await other.cleanup();
    }
  });
});

describe('«إعادة النداء»', () => {
  it('S1: repeats the call of the visitor served at this desk as a new announcement of the same ticket, audited', async () => {
    const v = await checkIn('سالم علي الحربي');
    await deskA.ok('visits.callNext', {});
    const display = await displayOf();
    const before = await display.ok('display.calls', {});
    t.clock.advance({ seconds: 30 });
    const again = await deskA.ok('visits.recall', { visitId: v.id });
    expect(again).toMatchObject({ ticket: v.ticket, desk: 'مكتب الاستقبال 1', recall: true });
    const after = await display.ok('display.calls', {});
    expect(after.recent[0]).toEqual(again);
    expect(again.id).toBeGreaterThan(before.recent[0]!.id);
    expect(after.current).toEqual([again]);
    const audit = await t.db.selectFrom('audit').select(['user_id', 'entity', 'entity_id', 'desk_id']).where('operation', '=', 'visits.recall').execute();
    expect(audit).toEqual([{ user_id: deskA.user.id, entity: 'visit', entity_id: v.id, desk_id: 1 }]);
  });

  it('S1: a double press of «إعادة النداء» announces once', async () => {
    const v = await checkIn('سالم علي الحربي');
    await deskA.ok('visits.callNext', {});
    // Pressed straight after the call: a call of its own (the first announcement may not have been heard).
    const first = await deskA.ok('visits.recall', { visitId: v.id });
    const second = await deskA.ok('visits.recall', { visitId: v.id });
    expect(second.id).toBe(first.id);
    expect(await countRows(t, 'hall_calls')).toBe(2);
    t.clock.advance({ seconds: 10 });
    expect((await deskA.ok('visits.recall', { visitId: v.id })).id).toBeGreaterThan(first.id);
  });

  it('S1: refused in Arabic for a visitor waiting, or served at another desk; nothing written', async () => {
    const waiting = await checkIn('سالم علي الحربي');
    const elsewhere = await checkIn('حمد ناصر الشمري');
    await deskB.ok('visits.call', { visitId: elsewhere.id });
    const calls = await countRows(t, 'hall_calls');
    const audits = await countRows(t, 'audit');
    for (const visitId of [waiting.id, elsewhere.id]) {
      const env = await deskA.call('visits.recall', { visitId });
      expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.display.recallNotServing } });
    }
    expect(await countRows(t, 'hall_calls')).toBe(calls);
    expect(await countRows(t, 'audit')).toBe(audits);
  });
});

describe('who may read the display', () => {
  it('S1: a display session reads it; a kiosk session may not; staff may (the settings\' preview)', async () => {
    await checkIn('سالم علي الحربي');
    expect((await (await displayOf()).ok('display.calls', {})).waiting).toBe(1);
    const { sessionId } = await deskA.ok('devices.open', { kind: 'kiosk' });
    expect(await bind(t, sessionId).call('display.calls', {})).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });
    expect((await deskB.ok('display.calls', {})).waiting).toBe(1);
    // A display session may not call anyone, nor repeat a call.
    const display = await displayOf();
    expect(await display.call('visits.callNext', {})).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });
    expect(await display.call('visits.recall', { visitId: 1 })).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });
  });
});

/** Every key anywhere in the answer. */
function keysOf(value: HallDisplayView): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        keys.add(k);
        walk(inner);
      }
    }
  };
  walk(value);
  return keys;
}
