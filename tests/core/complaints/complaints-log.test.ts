import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView, InputOf } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The complaints and suggestions log (P8) through the dispatcher on a real store (both engines).
 * Riyadh is UTC+3: 05:00Z is 08:00 at the desk. 2025-03-09 is a Sunday (Hijri 1446).
 */
const C = ar.complaints;
let t: TestCore;
let reception: SignedIn;
let researcher: SignedIn;
let sup: SignedIn;
let admin: SignedIn;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-09T05:00:00Z' });
  admin = await signedInAs(t, 'admin');
  reception = await signedInAs(t, 'receptionist');
  researcher = await signedInAs(t, 'researcher');
  sup = await signedInAs(t, 'supervisor', { fullName: 'فهد ناصر الدوسري' });
  beneficiaryId = (await reception.ok('beneficiaries.register', beneficiaryInput(41))).id;
});
afterAll(() => t.cleanup());

const complaintRows = async () => Number((await t.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function received(text = 'لم يُرد على اتصالي ثلاثة أيام', extra: Partial<InputOf<'complaints.create'>> = {}): Promise<ComplaintView> {
  return reception.ok('complaints.create', { channel: 'phone', text, ...extra });
}

describe('receiving a complaint or suggestion', () => {
  it('P8: a receptionist receives one by phone: acknowledgement number, state new, due in five working days', async () => {
    const c = await received('تأخر صرف السلة الغذائية', { beneficiaryId, category: 'aid' });
    expect(c).toMatchObject({
      number: expect.stringMatching(/^ش-1446-\d{5}$/),
      state: 'new',
      channel: 'phone',
      category: 'aid',
      beneficiaryId,
      text: 'تأخر صرف السلة الغذائية',
      receivedDay: '2025-03-09',
      dueDate: '2025-03-16',
      overdue: false,
      ownerId: null,
      answer: null,
    });
    expect(c.receivedByName).toBe(reception.user.fullName);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n '],
  ])('P8: text %s is refused in Arabic next to the text, nothing written', async (_label, text) => {
    const before = await complaintRows();
    const audit = await auditCount(t);
    const env = await reception.call('complaints.create', { channel: 'interview', text });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.issues).toEqual([{ path: ['text'], message: C.textRequired }]);
    expect(await complaintRows()).toBe(before);
    expect(await auditCount(t)).toBe(audit);
  });

  it('P8: a contact is kept by its id, with no person needed', async () => {
    const contact = await reception.ok('contacts.log', { channel: 'website', name: 'سلمى خالد العتيبي', subject: 'اقتراح', answer: 'شكرناها' });
    const c = await received('اقتراح: رسالة نصية عند اقتراب الدور', { contactId: contact.id, category: 'suggestion' });
    expect(c).toMatchObject({ contactId: contact.id, beneficiaryId: null, category: 'suggestion' });
  });

  it('P8: a contact that does not exist is refused in Arabic, nothing written', async () => {
    const before = await complaintRows();
    const env = await reception.call('complaints.create', { channel: 'phone', text: 'شكوى', contactId: 999_999 });
    expect(!env.ok && env.error.message).toBe(ar.contacts.contactNotFound);
    expect(await complaintRows()).toBe(before);
  });

  it('P8: the store itself refuses a complaint naming a contact that does not exist (the foreign key of 0020)', async () => {
    const row = await t.db.selectFrom('complaints').selectAll().executeTakeFirstOrThrow();
    await expect(t.db.updateTable('complaints').set({ contact_id: 999_999 }).where('id', '=', row.id).execute()).rejects.toThrow(/foreign key/i);
    expect((await t.db.selectFrom('complaints').select('contact_id').where('id', '=', row.id).executeTakeFirstOrThrow()).contact_id).toBe(row.contact_id);
  });

  it('P8: a beneficiary that does not exist is refused, nothing written', async () => {
    const before = await complaintRows();
    const env = await reception.call('complaints.create', { channel: 'phone', text: 'شكوى', beneficiaryId: 999_999 });
    expect(!env.ok && env.error.message).toBe(ar.messages.beneficiaryNotFound);
    expect(await complaintRows()).toBe(before);
  });

  it('P8: every receipt is audited with the complaint as recorded', async () => {
    const c = await received('المكان مزدحم ولا توجد مقاعد كافية', { category: 'facilities' });
    const row = await t.db.selectFrom('audit').selectAll().where('entity', '=', 'complaint').where('entity_id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ operation: 'complaints.create', kind: 'change' });
    expect(JSON.parse(row.after!)).toMatchObject({ complaintNumber: c.number, complaintText: c.text, state: 'new' });
  });

  it('P8: acknowledgement numbers stay unique when many desks receive at once', async () => {
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? reception : sup).ok('complaints.create', { channel: 'website', text: `شكوى رقم ${i + 1}` })),
    );
    const numbers = many.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const all = await t.db.selectFrom('complaints').select('number').execute();
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
  });

  it('P8: a second desk on the same store never takes a number already given', async () => {
    const other = await openTestCore({ sameStoreAs: t, now: t.clock });
    try {
      const elsewhere = await signedInAs(other, 'receptionist', { deskId: 2 });
      const [a, b] = await Promise.all([received('من المكتب الأول'), elsewhere.ok('complaints.create', { channel: 'letters', text: 'من المكتب الثاني' })]);
      expect(a.number).not.toBe(b.number);
    } finally {
      await other.cleanup();
    }
  });
});

describe('following a complaint up', () => {
  it('P8: new → in progress → answered → closed, with an owner and the answer; each step audited', async () => {
    const c = await received('انتظرت ساعتين دون أن يُنادى رقمي');
    const audit = await auditCount(t);
    const owned = await sup.ok('complaints.update', { complaintId: c.id, ownerId: sup.user.id, status: 'in_progress', version: c.version });
    expect(owned).toMatchObject({ state: 'in_progress', ownerName: 'فهد ناصر الدوسري' });
    const answered = await sup.ok('complaints.update', { complaintId: c.id, status: 'answered', answer: 'اعتذرنا له وأضفنا موظفاً في أوقات الذروة' });
    expect(answered).toMatchObject({ state: 'answered', answer: 'اعتذرنا له وأضفنا موظفاً في أوقات الذروة' });
    expect(answered.answeredAt).toBe(t.clock.iso());
    const closed = await sup.ok('complaints.close', { complaintId: c.id });
    expect(closed).toMatchObject({ state: 'closed', closedAt: t.clock.iso() });
    expect(await auditCount(t)).toBe(audit + 3);
  });

  it('P8: a complaint cannot close without an answer: refused in Arabic, nothing written', async () => {
    const c = await received('لم أتلق رداً على طلبي');
    await sup.ok('complaints.update', { complaintId: c.id, status: 'in_progress' });
    const audit = await auditCount(t);
    const env = await sup.call('complaints.close', { complaintId: c.id });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: C.answerRequired });
    const row = await t.db.selectFrom('complaints').select(['state', 'closed_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'in_progress', closed_at: null });
    expect(await auditCount(t)).toBe(audit);
  });

  it('P8: "answered" needs the answer too; a blank answer is no answer', async () => {
    const c = await received('الموظف لم يشرح المطلوب');
    await sup.ok('complaints.update', { complaintId: c.id, status: 'in_progress' });
    const env = await sup.call('complaints.update', { complaintId: c.id, status: 'answered', answer: '   ' });
    expect(!env.ok && env.error.issues).toEqual([{ path: ['answer'], message: C.answerRequired }]);
  });

  it('P8: a step skipped or taken back is refused naming the next step', async () => {
    const c = await received('شكوى للتجربة');
    const skip = await sup.call('complaints.update', { complaintId: c.id, status: 'answered', answer: 'رد' });
    expect(!skip.ok && skip.error.message).toBe(fill(C.wrongMove, { from: C.states.new, to: C.states.answered, next: C.states.in_progress }));
    await sup.ok('complaints.update', { complaintId: c.id, status: 'in_progress' });
    const back = await sup.call('complaints.update', { complaintId: c.id, status: 'new' });
    expect(!back.ok && back.error.message).toBe(fill(C.wrongMove, { from: C.states.in_progress, to: C.states.new, next: C.states.answered }));
    const early = await sup.call('complaints.close', { complaintId: c.id });
    expect(!early.ok && early.error.message).toBe(C.answerRequired);
    await sup.ok('complaints.update', { complaintId: c.id, answer: 'سنراجع الأمر' });
    const notYet = await sup.call('complaints.close', { complaintId: c.id });
    expect(!notYet.ok && notYet.error.message).toBe(C.closeNotAnswered);
  });

  it('P8: a closed complaint is not changed; closing it again (a double press) changes nothing', async () => {
    const c = await received('شكوى أُغلقت');
    await sup.ok('complaints.update', { complaintId: c.id, status: 'in_progress' });
    await sup.ok('complaints.update', { complaintId: c.id, status: 'answered', answer: 'تم' });
    await sup.ok('complaints.close', { complaintId: c.id });
    const audit = await auditCount(t);
    expect((await sup.ok('complaints.close', { complaintId: c.id })).state).toBe('closed');
    const edit = await sup.call('complaints.update', { complaintId: c.id, answer: 'رد آخر' });
    expect(!edit.ok && edit.error.message).toBe(C.alreadyClosed);
    expect(await auditCount(t)).toBe(audit);
  });

  it('P8: a save made on a stale copy (another desk saved meanwhile) is refused', async () => {
    const c = await received('شكوى يتابعها اثنان');
    await admin.ok('complaints.update', { complaintId: c.id, ownerId: admin.user.id, version: c.version });
    const env = await sup.call('complaints.update', { complaintId: c.id, ownerId: sup.user.id, version: c.version });
    expect(!env.ok && env.error).toMatchObject({ code: 'conflict', message: C.stale });
  });

  it('P8: the owner is an active supervisor or administrator', async () => {
    const c = await received('شكوى بلا مسؤول');
    const env = await sup.call('complaints.update', { complaintId: c.id, ownerId: reception.user.id });
    expect(!env.ok && env.error.issues).toEqual([{ path: ['ownerId'], message: C.ownerNotFollower }]);
  });

  it('P8: receptionists and researchers receive complaints but do not follow them up or read the log', async () => {
    const c = await researcher.ok('complaints.create', { channel: 'interview', text: 'اقتراح من الباحثة' });
    for (const who of [reception, researcher]) {
      expect((await who.call('complaints.list', {})).ok).toBe(false);
      const env = await who.call('complaints.update', { complaintId: c.id, status: 'in_progress' });
      expect(!env.ok && env.error.code).toBe('forbidden');
      expect(((await who.call('complaints.close', { complaintId: c.id })) as { ok: boolean }).ok).toBe(false);
    }
  });
});

describe('the log', () => {
  it('P8: filters by state, category, days received and acknowledgement number in any digits; paged, newest first', async () => {
    const all = await sup.ok('complaints.list', { limit: 200 });
    expect(all.total).toBe(await complaintRows());
    expect(all.rows[0]!.receivedAt >= all.rows[all.rows.length - 1]!.receivedAt).toBe(true);
    const closed = await sup.ok('complaints.list', { status: 'closed' });
    expect(closed.rows.length).toBeGreaterThan(0);
    expect(closed.rows.every((r) => r.state === 'closed')).toBe(true);
    const aid = await sup.ok('complaints.list', { category: 'aid' });
    expect(aid.rows.map((r) => r.text)).toEqual(['تأخر صرف السلة الغذائية']);
    const target = aid.rows[0]!;
    const spoken = target.number.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!).replace(/-0+/, '-');
    expect((await sup.ok('complaints.list', { number: spoken })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await sup.ok('complaints.list', { number: 'ليس رقماً' })).total).toBe(0);
    const page = await sup.ok('complaints.list', { limit: 3, offset: 3 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(3, 6).map((r) => r.id));
    expect((await sup.ok('complaints.list', { from: '2025-03-10' })).total).toBe(0);
  });

  it('P8: overdue: still unanswered the day after its due date; answered ones never are', async () => {
    const late = await received('شكوى ستتأخر');
    const answered = await received('شكوى سيُرد عليها');
    await sup.ok('complaints.update', { complaintId: answered.id, status: 'in_progress' });
    await sup.ok('complaints.update', { complaintId: answered.id, status: 'answered', answer: 'رُد عليها' });
    t.clock.set('2025-03-16T18:00:00Z'); // the due date itself, 21:00 at the desk: not late yet
    await unlockAfterClockJump(sup);
    expect((await sup.ok('complaints.list', { overdue: true })).total).toBe(0);
    t.clock.set('2025-03-16T21:30:00Z'); // 00:30 on the 17th at the desk
    await unlockAfterClockJump(sup);
    const overdue = await sup.ok('complaints.list', { overdue: true, limit: 200 });
    expect(overdue.rows.map((r) => r.id)).toContain(late.id);
    expect(overdue.rows.map((r) => r.id)).not.toContain(answered.id);
    expect(overdue.rows.every((r) => r.overdue && (r.state === 'new' || r.state === 'in_progress'))).toBe(true);
  });

  it('P8: the due date follows the shared setting', async () => {
    t.clock.set('2025-03-20T06:00:00Z'); // Thursday
    await unlockAfterClockJump(admin, reception);
    await admin.ok('settings.update', { complaintDueWorkingDays: 2 });
    expect((await received('بعد تغيير المهلة')).dueDate).toBe('2025-03-24');
    expect((await admin.ok('settings.get', {})).complaintDueWorkingDays).toBe(2);
  });
});
