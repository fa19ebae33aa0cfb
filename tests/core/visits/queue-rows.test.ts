import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VisitView } from '@shared/contract';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Speed (docs/performance.md): the queue reads a day's visits with a slimmer statement of its own (names of desks
 * and staff looked up once, the visit's texts as one JSON value). What the desk sees must not change:
 * every row of the queue is the visit exactly as visits.get gives it, whatever the visit carries.
 */
let t: TestCore;
let deskA: SignedIn;
let deskB: SignedIn;
let researcher: SignedIn;
const ids = {} as Record<'walkIn' | 'referred' | 'inquiry' | 'serving' | 'left', number>;

// Texts that JSON must carry untouched: quotes, a backslash, new lines, Arabic with diacritics, an emoji.
const REFERRAL = 'يسأل عن "الضمان" \\ والإيجار\nسطر ثانٍ';
const OUTCOME = 'شُرحت إجراءات الدراسة — «موعد» 🙂';
const INQUIRY = 'ما المستندات المطلوبة؟\tسؤال "مقتبس"';
const ANSWER = 'الهوية وعقد الإيجار\r\nوتعريف الراتب';

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T05:00:00Z' });
  deskA = await signedInAs(t, 'receptionist', { deskId: 1, username: 'desk.a', fullName: 'نورة سعد العتيبي' });
  deskB = await signedInAs(t, 'receptionist', { deskId: 2, username: 'desk.b', fullName: 'خالد ناصر الدوسري' });
  researcher = await signedInAs(t, 'researcher', { deskId: 3, username: 'muneera', fullName: 'منيرة عبدالله الحربي' });
  const withMobile = await deskA.ok('beneficiaries.register', beneficiaryInput(7_001));
  const noMobile = await deskA.ok('beneficiaries.register', beneficiaryInput(7_002, ['فاطمة', 'علي', 'حسن', 'الزهراني']));
  // A file carried over from the old register, without a mobile (the desk requires one for new files).
  await t.store.write((trx) => trx.updateTable('beneficiaries').set({ mobile: null }).where('id', '=', noMobile.id).execute());
  const next = () => t.clock.advance({ minutes: 1 });

  // Waiting, a walk-in whose ticket did not come out of the printer.
  ids.walkIn = (await deskA.ok('visits.checkIn', walkInInput('سالم علي الحربي'))).id;
  await deskA.ok('documents.ticketPrinted', { visitId: ids.walkIn, printed: false, failure: 'نفد الورق' });
  next();
  // Referred by desk A, taken and finished by the researcher with an outcome note.
  ids.referred = (await deskA.ok('visits.checkIn', { beneficiaryId: withMobile.id, reason: 'new_request' })).id;
  await deskA.ok('documents.ticketPrinted', { visitId: ids.referred, printed: true });
  next();
  await deskA.ok('visits.call', { visitId: ids.referred });
  await deskA.ok('visits.refer', { visitId: ids.referred, researcherId: researcher.user.id, note: REFERRAL });
  next();
  await researcher.ok('visits.take', { visitId: ids.referred });
  await researcher.ok('visits.finish', { visitId: ids.referred, outcome: 'request_opened', outcomeNote: OUTCOME });
  next();
  // An inquiry answered at desk B.
  ids.inquiry = (await deskB.ok('visits.checkIn', walkInInput('مها سعد القحطاني', { visitorMobile: undefined }))).id;
  await deskB.ok('visits.call', { visitId: ids.inquiry });
  await deskB.ok('visits.finish', { visitId: ids.inquiry, outcome: 'answered', inquiry: INQUIRY, answer: ANSWER });
  next();
  // A beneficiary without a mobile, being served at desk B; one who left.
  ids.serving = (await deskB.ok('visits.checkIn', { beneficiaryId: noMobile.id, reason: 'follow_up' })).id;
  await deskB.ok('visits.call', { visitId: ids.serving });
  next();
  ids.left = (await deskA.ok('visits.checkIn', walkInInput('عبدالله فهد السبيعي'))).id;
  await deskA.ok('visits.markLeft', { visitId: ids.left });
});
afterAll(() => t.cleanup());

it("Speed: every row of today's queue is the visit exactly as visits.get gives it (names, notes, printed, walk-ins)", async () => {
  const queue = await deskA.ok('visits.queue', {});
  expect(queue.visits.map((v) => v.id)).toEqual([ids.walkIn, ids.referred, ids.inquiry, ids.serving, ids.left]);
  for (const row of queue.visits) expect(row).toEqual(await deskA.ok('visits.get', { visitId: row.id }));

  const byId = new Map<number, VisitView>(queue.visits.map((v) => [v.id, v]));
  // The rows really carry what this test set up (so the comparison above compares something).
  expect(byId.get(ids.walkIn)).toMatchObject({ state: 'waiting', hasFile: false, name: 'سالم علي الحربي', ticketPrinted: false, deskName: 'مكتب الاستقبال 1' });
  expect(byId.get(ids.referred)).toMatchObject({
    state: 'done',
    hasFile: true,
    referralNote: REFERRAL,
    outcomeNote: OUTCOME,
    referredTo: { id: researcher.user.id, fullName: 'منيرة عبدالله الحربي' },
    servedBy: { id: researcher.user.id, fullName: 'منيرة عبدالله الحربي' },
    servingDeskName: 'مكتب الباحث الاجتماعي',
    ticketPrinted: true,
  });
  expect(byId.get(ids.inquiry)).toMatchObject({ inquiry: INQUIRY, answer: ANSWER, mobile: null, deskName: 'مكتب الاستقبال 2', referralNote: null });
  expect(byId.get(ids.serving)).toMatchObject({ state: 'serving', mobile: null, servedBy: { fullName: 'خالد ناصر الدوسري' }, servingDeskName: 'مكتب الاستقبال 2' });
  expect(queue.counts).toMatchObject({ waiting: 1, serving: 1, done: 2, left: 1 });
});

it("Speed: another day's queue (the register screen) holds that day's visits only", async () => {
  expect((await deskA.ok('visits.queue', { day: '2024-02-13' })).visits).toEqual([]);
  t.clock.advance({ days: 1 });
  await unlockAfterClockJump(deskA);
  const tomorrow = await deskA.ok('visits.queue', {});
  expect(tomorrow).toMatchObject({ day: '2024-02-15', visits: [] });
  expect((await deskA.ok('visits.queue', { day: '2024-02-14' })).visits).toHaveLength(5);
});
