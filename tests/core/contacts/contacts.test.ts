import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactView, InputOf } from '@shared/contract';
import { beneficiaryInput, isArabicText, newClientKey, walkInInput } from '../../helpers/fixtures';
import { loadCatalogue, unlockAfterClockJump, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, countRows, openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * Contacts on the channels C2–C8 (P4, P5) on a real store (both engines). Riyadh is UTC+3: 06:00Z is
 * 09:00 at the desk on 2025-03-10.
 */
const TODAY = '2025-03-10';
const NOW = `${TODAY}T06:00:00Z`;

let t: TestCore;
let admin: SignedIn;
let nora: SignedIn;
let mona: SignedIn;
let sup: SignedIn;
let cat: Catalogue;
let person: { id: number; fullName: string; mobile: string | null };
let other: { id: number };

const call = (over: Partial<InputOf<'contacts.log'>> = {}): InputOf<'contacts.log'> => ({
  channel: 'phone',
  beneficiaryId: person.id,
  subject: 'موعد صرف السلة الغذائية',
  answer: 'يوم الأحد القادم بعد الظهر',
  ...over,
});

/** Everything a contact could touch: the hall (visits, tickets), requests, and the contacts themselves. */
async function counts() {
  return { ...(await rowCounts(t)), contacts: await countRows(t, 'contacts'), requests: await countRows(t, 'requests') };
}

beforeAll(async () => {
  t = await openTestCore({ now: NOW });
  admin = await signedInAs(t, 'admin');
  nora = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  mona = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'منى علي القحطاني' });
  sup = await signedInAs(t, 'supervisor', { deskId: 3, fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(admin);
  const b = await nora.ok('beneficiaries.register', beneficiaryInput(11, ['هند', 'عبدالله', 'سعد', 'الشهري']));
  person = { id: b.id, fullName: b.fullName, mobile: b.mobile };
  other = { id: (await nora.ok('beneficiaries.register', beneficiaryInput(12, ['سارة', 'محمد', 'علي', 'الغامدي']))).id };
});

afterAll(() => t.cleanup());

describe('contacts.log (P4, C2–C8)', () => {
  it('C2: a phone call is logged with its channel, person, subject and answer; no visit, no ticket, the queue unchanged', async () => {
    const before = await counts();
    const queueBefore = await nora.ok('visits.queue', {});
    const contact = await nora.ok('contacts.log', call({ followUpDue: TODAY, followUpOwnerId: nora.user.id }));
    expect(contact).toMatchObject({
      channel: 'phone',
      beneficiaryId: person.id,
      name: person.fullName,
      subject: 'موعد صرف السلة الغذائية',
      answer: 'يوم الأحد القادم بعد الظهر',
      day: TODAY,
      loggedBy: 'نورة سعد العتيبي',
      followUp: { due: TODAY, owner: { id: nora.user.id, fullName: 'نورة سعد العتيبي' }, state: 'due', doneAt: null },
    });
    const after = await counts();
    expect(after).toEqual({ ...before, contacts: before.contacts + 1, audit: before.audit + 1 });
    const queueAfter = await nora.ok('visits.queue', {});
    expect(queueAfter.counts).toEqual(queueBefore.counts);
    expect(queueAfter.visits).toHaveLength(queueBefore.visits.length);
    // Calling the next visitor finds nobody: the caller never entered the hall's queue.
    expect(await nora.ok('visits.callNext', {})).toBeNull();
  });

  it('C3–C8: every channel but the walk-in interview is taken; the interview is refused in Arabic', async () => {
    for (const channel of ['social_media', 'letters', 'help_request', 'volunteering', 'website', 'branch_delegate'] as const) {
      expect((await nora.ok('contacts.log', call({ channel }))).channel).toBe(channel);
    }
    const before = await counts();
    const env = await nora.call('contacts.log', call({ channel: 'interview' as never }));
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('validation');
      expect(isArabicText(env.error.issues?.[0]?.message)).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('P5: a person without a file is logged by name and mobile, the mobile read in any spelling', async () => {
    const contact = await mona.ok('contacts.log', call({ beneficiaryId: undefined, name: 'سالم علي الحربي', mobile: '٠٥٥ ١٢٣ ٤٥٦٧', channel: 'website' }));
    expect(contact).toMatchObject({ beneficiaryId: null, name: 'سالم علي الحربي', mobile: '+966551234567', deskName: 'مكتب الاستقبال 2' });
  });

  it('P4: refused with an Arabic message naming the field, nothing written: no person, one name, a bad mobile, no subject, no answer', async () => {
    const before = await counts();
    const cases: [Partial<InputOf<'contacts.log'>>, string][] = [
      [{ beneficiaryId: undefined }, 'name'],
      [{ beneficiaryId: undefined, name: 'سالم' }, 'name'],
      [{ beneficiaryId: undefined, name: 'سالم علي الحربي', mobile: '12345' }, 'mobile'],
      [{ subject: '  ' }, 'subject'],
      [{ answer: '' }, 'answer'],
    ];
    for (const [over, field] of cases) {
      const env = await nora.call('contacts.log', call(over));
      expect(env.ok, field).toBe(false);
      if (!env.ok) {
        const issue = env.error.issues?.find((i) => i.path[0] === field);
        expect(isArabicText(issue?.message), field).toBe(true);
      }
    }
    const missing = await nora.call('contacts.log', call({ beneficiaryId: 999_999 }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
    expect(await counts()).toEqual(before);
  });

  it('P4: a follow-up needs its due day and its owner together, a day not before today and an active owner at a desk', async () => {
    const before = await counts();
    const stopped = await signedInAs(t, 'receptionist', { fullName: 'ريم خالد الشمري' });
    await admin.ok('users.setActive', { userId: stopped.user.id, active: false });
    const cases: [Partial<InputOf<'contacts.log'>>, string, string][] = [
      [{ followUpDue: TODAY }, 'followUpOwnerId', 'validation'],
      [{ followUpOwnerId: nora.user.id }, 'followUpDue', 'validation'],
      [{ followUpDue: '2025-03-09', followUpOwnerId: nora.user.id }, 'followUpDue', 'validation'],
      [{ followUpDue: TODAY, followUpOwnerId: stopped.user.id }, 'followUpOwnerId', 'validation'],
      [{ followUpDue: TODAY, followUpOwnerId: 999_999 }, 'followUpOwnerId', 'validation'],
      // The administrator's screen has no contacts tab: a follow-up of theirs would be seen by nobody.
      [{ followUpDue: TODAY, followUpOwnerId: admin.user.id }, 'followUpOwnerId', 'validation'],
    ];
    for (const [over, field, code] of cases) {
      const env = await nora.call('contacts.log', call(over));
      expect(env.ok, JSON.stringify(over)).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe(code);
        expect(isArabicText(env.error.issues?.find((i) => i.path[0] === field)?.message), field).toBe(true);
      }
    }
    const after = await counts();
    // Only the stopped account's own creation and stop were written.
    expect({ ...after, users: before.users, audit: before.audit }).toEqual(before);
  });

  it('P4: a double press (the same client key twice) logs one contact', async () => {
    const clientKey = newClientKey();
    const before = await countRows(t, 'contacts');
    const first = await nora.ok('contacts.log', call({ clientKey }));
    const second = await nora.ok('contacts.log', call({ clientKey }));
    expect(second.id).toBe(first.id);
    expect(await countRows(t, 'contacts')).toBe(before + 1);
  });

  it('P4: every change is in the audit trail, with the beneficiary it concerns', async () => {
    const contact = await nora.ok('contacts.log', call({ channel: 'letters' }));
    const row = await t.db.selectFrom('audit').selectAll().where('entity', '=', 'contact').where('entity_id', '=', contact.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ operation: 'contacts.log', kind: 'change', beneficiary_id: person.id, user_id: nora.user.id, desk_id: 1 });
    expect(JSON.parse(row.after!)).toMatchObject({ channel: 'letters', subject: 'موعد صرف السلة الغذائية' });
  });
});

describe('contacts.get and contacts.list', () => {
  it('P4: opening a contact in full (its mobile and answer) is recorded as a read of personal data', async () => {
    const contact = await nora.ok('contacts.log', call());
    const reads = () => t.db.selectFrom('audit').selectAll().where('kind', '=', 'read').where('operation', '=', 'contacts.get').execute();
    const before = (await reads()).length;
    const view = await mona.ok('contacts.get', { contactId: contact.id });
    expect(view).toMatchObject({ mobile: person.mobile, answer: 'يوم الأحد القادم بعد الظهر' });
    const rows = await reads();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ entity: 'contact', entity_id: contact.id, beneficiary_id: person.id, user_id: mona.user.id });
  });

  it('P4: the list gives a day or a range newest first, filtered by channel and follow-up, a page at a time with the count of all', async () => {
    t.clock.set('2025-03-11T06:00:00Z');
    await unlockAfterClockJump(nora, mona, sup);
    const tomorrowCall = await nora.ok('contacts.log', call({ channel: 'social_media', subject: 'سؤال عن التطوع' }));
    const day = await nora.ok('contacts.list', { from: '2025-03-11', to: '2025-03-11' });
    expect(day.rows.map((r) => r.id)).toEqual([tomorrowCall.id]);
    expect(day.total).toBe(1);

    const range = await nora.ok('contacts.list', { from: TODAY, to: '2025-03-11' });
    const all = await t.db.selectFrom('contacts').select('id').execute();
    expect(range.total).toBe(all.length);
    expect(range.rows[0]!.id).toBe(tomorrowCall.id);
    // Newest first throughout.
    const times = range.rows.map((r) => r.loggedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const page = await nora.ok('contacts.list', { from: TODAY, to: '2025-03-11', limit: 2, offset: 1 });
    expect(page.rows.map((r) => r.id)).toEqual(range.rows.slice(1, 3).map((r) => r.id));
    expect(page.total).toBe(range.total);

    const letters = await nora.ok('contacts.list', { from: TODAY, to: '2025-03-11', channels: ['letters'] });
    expect(letters.rows.length).toBeGreaterThan(0);
    expect(letters.rows.every((r) => r.channel === 'letters')).toBe(true);

    // The call of the 10th with a follow-up due that day is overdue on the 11th.
    const overdue = await nora.ok('contacts.list', { from: TODAY, to: '2025-03-11', followUp: ['overdue'] });
    expect(overdue.rows.length).toBe(1);
    expect(overdue.rows[0]!.followUp).toMatchObject({ state: 'overdue', due: TODAY });
    const none = await nora.ok('contacts.list', { from: TODAY, to: '2025-03-11', followUp: ['none'] });
    expect(none.total + overdue.total).toBe(range.total);

    const reversed = await nora.call('contacts.list', { from: '2025-03-11', to: TODAY });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(isArabicText(reversed.error.issues?.[0]?.message)).toBe(true);
  });
});

describe('follow-ups', () => {
  let mine: ContactView;
  let later: ContactView;
  let monas: ContactView;

  beforeAll(async () => {
    t.clock.set('2025-03-12T06:00:00Z');
    await unlockAfterClockJump(nora, mona, sup, admin);
    mine = await mona.ok('contacts.log', call({ followUpDue: '2025-03-12', followUpOwnerId: nora.user.id, subject: 'مراجعة حالة الطلب' }));
    later = await nora.ok('contacts.log', call({ followUpDue: '2025-03-20', followUpOwnerId: nora.user.id, subject: 'تذكير بموعد اللجنة' }));
    monas = await nora.ok('contacts.log', call({ followUpDue: '2025-03-12', followUpOwnerId: mona.user.id, subject: 'إرسال صورة الهوية' }));
  });

  it("P4: the owner's follow-ups due today or overdue, the oldest due first; not one due later, nor another's", async () => {
    const list = await nora.ok('contacts.followUps', {});
    expect(list.map((c) => c.subject)).toEqual(['موعد صرف السلة الغذائية', 'مراجعة حالة الطلب']);
    expect(list.map((c) => c.followUp!.state)).toEqual(['overdue', 'due']);
    expect(list.some((c) => c.id === later.id || c.id === monas.id)).toBe(false);
    expect((await mona.ok('contacts.followUps', {})).map((c) => c.id)).toEqual([monas.id]);
  });

  it("P4: everyone's follow-ups are the supervisor's to ask for; a receptionist is refused in Arabic", async () => {
    const everyone = await sup.ok('contacts.followUps', { everyone: true });
    expect(everyone.map((c) => c.followUp!.owner.fullName).sort()).toEqual(['منى علي القحطاني', 'نورة سعد العتيبي', 'نورة سعد العتيبي'].sort());
    const env = await nora.call('contacts.followUps', { everyone: true });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('forbidden');
      expect(isArabicText(env.error.message)).toBe(true);
    }
  });

  it('P4: the owner closes a follow-up with a note; it leaves their list and is audited before and after', async () => {
    const empty = await nora.call('contacts.completeFollowUp', { contactId: mine.id, version: mine.version, note: ' ' });
    expect(empty.ok).toBe(false);
    const changes = await auditCount(t);
    const done = await nora.ok('contacts.completeFollowUp', { contactId: mine.id, version: mine.version, note: 'اتصلت بها وأبلغتها بالموعد' });
    expect(done.followUp).toMatchObject({ state: 'done', doneBy: 'نورة سعد العتيبي', note: 'اتصلت بها وأبلغتها بالموعد' });
    expect((await nora.ok('contacts.followUps', {})).map((c) => c.id)).not.toContain(mine.id);
    expect(await auditCount(t)).toBe(changes + 1);
    const row = await t.db.selectFrom('audit').selectAll().where('operation', '=', 'contacts.completeFollowUp').executeTakeFirstOrThrow();
    expect(JSON.parse(row.before!).followUp.doneAt).toBeNull();
    expect(JSON.parse(row.after!).followUp.note).toBe('اتصلت بها وأبلغتها بالموعد');
  });

  it('P4: the audit screen names what changed in Arabic: the follow-up closed, by whom, with what note', async () => {
    const page = await admin.ok('audit.list', { operation: 'contacts.completeFollowUp' });
    const fields = page.rows[0]!.fields;
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      expect(f.field, JSON.stringify(f)).toMatch(/^[\u0600-\u06FF\s›«»()]+$/);
      expect(`${f.before ?? ''} ${f.after ?? ''}`, JSON.stringify(f)).not.toMatch(/[A-Za-z]/);
    }
    expect(fields.map((f) => f.after)).toContain('اتصلت بها وأبلغتها بالموعد');
  });

  it('P4: a second close (another desk, a double press) is refused naming who closed it; nothing changes', async () => {
    const before = await t.db.selectFrom('contacts').selectAll().where('id', '=', mine.id).executeTakeFirstOrThrow();
    const env = await sup.call('contacts.completeFollowUp', { contactId: mine.id, version: mine.version, note: 'تمت المتابعة' });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('conflict');
      expect(env.error.message).toContain('نورة سعد العتيبي');
    }
    expect(await t.db.selectFrom('contacts').selectAll().where('id', '=', mine.id).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("P4: another receptionist cannot close someone's follow-up; a supervisor can", async () => {
    const env = await nora.call('contacts.completeFollowUp', { contactId: monas.id, version: monas.version, note: 'تمت' });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('forbidden');
      expect(env.error.message).toContain('منى علي القحطاني');
    }
    const done = await sup.ok('contacts.completeFollowUp', { contactId: monas.id, version: monas.version, note: 'استُلمت صورة الهوية' });
    expect(done.followUp).toMatchObject({ state: 'done', doneBy: 'فهد ناصر الدوسري' });
  });

  it('P4: a contact without a follow-up has none to close', async () => {
    const plain = await nora.ok('contacts.log', call());
    const env = await nora.call('contacts.completeFollowUp', { contactId: plain.id, version: plain.version, note: 'تمت' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(isArabicText(env.error.message)).toBe(true);
  });

  it("P4: the supervisor's board counts the follow-ups past their due day and names the oldest with their owner", async () => {
    const board = await sup.ok('board.today', {});
    // The call of the 10th (due the 10th) is the only one still open past its day; those due today are not late.
    expect(board.overdueFollowUps.count).toBe(1);
    expect(board.overdueFollowUps.list).toEqual([
      expect.objectContaining({ name: person.fullName, owner: 'نورة سعد العتيبي', due: TODAY, channel: 'phone', subject: 'موعد صرف السلة الغذائية' }),
    ]);
  });
});

describe('a support request from a contact (P5)', () => {
  it('P5: the request keeps the contact\'s channel and names the contact; the contact lists it', async () => {
    const contact = await nora.ok('contacts.log', call({ channel: 'branch_delegate' }));
    const request = await nora.ok('requests.open', { beneficiaryId: person.id, serviceTypeId: cat.services.food_basket!.id, contactId: contact.id });
    expect(request).toMatchObject({ channel: 'branch_delegate', contactId: contact.id, visitId: null });
    expect((await nora.ok('contacts.get', { contactId: contact.id })).requests).toEqual([{ id: request.id, number: request.number }]);
  });

  it('P5: a channel other than the contact\'s, or another beneficiary, is refused; nothing written', async () => {
    const contact = await nora.ok('contacts.log', call({ channel: 'website' }));
    const before = await counts();
    const wrongChannel = await nora.call('requests.open', { beneficiaryId: person.id, serviceTypeId: cat.services.food_basket!.id, contactId: contact.id, channel: 'interview' });
    expect(wrongChannel.ok).toBe(false);
    if (!wrongChannel.ok) expect(wrongChannel.error.message).toContain('موقع الجمعية');
    const otherPerson = await nora.call('requests.open', { beneficiaryId: other.id, serviceTypeId: cat.services.food_basket!.id, contactId: contact.id });
    expect(otherPerson.ok).toBe(false);
    const neither = await nora.call('requests.open', { beneficiaryId: person.id, serviceTypeId: cat.services.food_basket!.id });
    expect(neither.ok).toBe(false);
    if (!neither.ok) expect(isArabicText(neither.error.issues?.[0]?.message)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('P5: a person logged by name who is given a file later has the request opened from their contact', async () => {
    const contact = await nora.ok('contacts.log', call({ beneficiaryId: undefined, name: 'خالد سعد المطيري', mobile: '0561234567', channel: 'help_request' }));
    const file = await nora.ok('beneficiaries.register', beneficiaryInput(13, ['خالد', 'سعد', 'فهد', 'المطيري']));
    const request = await nora.ok('requests.open', { beneficiaryId: file.id, serviceTypeId: cat.services.food_basket!.id, contactId: contact.id });
    expect(request.channel).toBe('help_request');
  });

  it('the walk-in check-in is unchanged: a visit still takes its channel and gets its ticket', async () => {
    const visit = await nora.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    expect(visit.ticket).toMatch(/^A-\d{3}$/);
  });
});
