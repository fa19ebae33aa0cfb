import type { RequestView } from '@shared/contract';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, provideAll, unlockAfterClockJump } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import type { TestCore } from '../../helpers/test-core';

/**
 * A small hall in March 2024 (Asia/Riyadh, UTC+3), every step through the real operations at its own
 * time, whose figures are worked out by hand in the tests:
 *
 * Visits — 10 March (a Sunday), all checked in at desk A:
 *   V1 inquiry      09:00, called by A 09:10 (waited 10 min), finished 09:20 (served 10)
 *   V2 new request  09:05, called by B 09:45 (waited 40 > target 30), referred 09:50, taken by the
 *                   researcher (desk R) 10:00, finished 10:05 (served 20)
 *   V3 inquiry      09:30, left 10:00 without being called (waited 30)
 *   V4 follow-up    10:00 by phone, cancelled 10:02 (waited 2)
 * 11 March: no visit. 12 March (a Tuesday):
 *   V5 inquiry      23:50, called by B at 00:10 on the 13th (waited 20 > target 15), finished 00:25
 *                   (served 15): it crosses midnight and belongs to the 12th.
 *
 * Requests (the committee's period: 14 days):
 *   R6 opened 1 Dec 2023, submitted, rejected 20 Dec 2023: nothing to do with March
 *   R5 opened 5 Jan, submitted 7 Jan, accepted 15 Jan, registered 12 Mar (file number), served 14 Mar (750 riyals)
 *   R1 opened 20 Feb, submitted 25 Feb (answer expected 10 Mar), accepted 10 Mar at noon: on its answer date
 *   R2 opened 2 Mar, documents expiring 3 Mar, submitted 3 Mar (expected 17 Mar), referred with a
 *      question 4 Mar, answered 6 Mar (48 hours), never decided: overdue from 18 Mar
 *   R3 opened 5 Mar by phone, submitted 5 Mar (expected 19 Mar), rejected 25 Mar: late, 20 days
 *   R4 opened 20 Mar on the website, a draft, referred with a question 28 Mar, never answered
 * "Now" is 10 April 2024.
 */
export interface MarchHall {
  t: TestCore;
  admin: SignedIn;
  supervisor: SignedIn;
  receptionist: SignedIn;
  requests: Record<'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6', RequestView>;
}

export const NOW = '2024-04-10T07:00:00.000Z';

/** Riyadh wall-clock time → the instant the clock is set to. */
const riyadh = (local: string) => new Date(`${local}:00+03:00`).toISOString();

export async function buildMarchHall(t: TestCore): Promise<MarchHall> {
  t.clock.set(riyadh('2023-12-01T09:00'));
  const admin = await signedInAs(t, 'admin');
  const supervisor = await signedInAs(t, 'supervisor', { fullName: 'ماجد فهد العنزي' });
  const deskA = await signedInAs(t, 'receptionist', { deskId: 1, fullName: 'أمل خالد السبيعي' });
  const deskB = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'نورة سعد القحطاني' });
  const researcher = await signedInAs(t, 'researcher', { deskId: 3, fullName: 'منيرة عبدالله الحربي' });
  const everyone = [admin, supervisor, deskA, deskB, researcher];
  const at = async (local: string) => {
    t.clock.set(riyadh(local));
    await unlockAfterClockJump(...everyone);
  };
  const catalogue = await loadCatalogue(admin);
  const food = catalogue.services.food_basket!.id;
  const person = async (serial: number) => (await admin.ok('beneficiaries.register', beneficiaryInput(9100 + serial))).id;
  const prepared = async (serial: number, channel: 'interview' | 'phone' | 'website' = 'interview', expiry?: string) => {
    const r = await deskA.ok('requests.open', { beneficiaryId: await person(serial), serviceTypeId: food, channel });
    await provideAll(deskA, r, expiry);
    return deskA.ok('requests.signDeclaration', { requestId: r.id });
  };
  const submit = (r: RequestView) => deskA.ok('requests.submit', { requestId: r.id });
  const accept = (r: RequestView) => supervisor.ok('requests.decide', { requestId: r.id, outcome: 'accepted', approvedAmount: 750, aidDescription: 'سلة غذائية' });
  const reject = (r: RequestView) => supervisor.ok('requests.decide', { requestId: r.id, outcome: 'rejected', reason: 'الدخل يتجاوز حد الاستحقاق' });

  let R6 = await submit(await prepared(6));
  await at('2023-12-20T10:00');
  R6 = await reject(R6);

  await at('2024-01-05T10:00');
  let R5 = await prepared(5);
  await at('2024-01-07T10:00');
  R5 = await submit(R5);
  await at('2024-01-15T10:00');
  R5 = await accept(R5);

  await at('2024-02-20T10:00');
  let R1 = await prepared(1);
  await at('2024-02-25T10:00');
  R1 = await submit(R1);

  await at('2024-03-02T10:00');
  let R2 = await prepared(2, 'interview', '2024-03-03');
  await at('2024-03-03T10:00');
  R2 = await submit(R2);
  await at('2024-03-04T10:00');
  R2 = await deskA.ok('requests.refer', { requestId: R2.id, question: 'هل الأسرة مسجلة في الضمان الاجتماعي؟' });
  await at('2024-03-05T10:00');
  let R3 = await submit(await prepared(3, 'phone'));
  await at('2024-03-06T10:00');
  R2 = await researcher.ok('requests.addNote', { requestId: R2.id, note: 'ليست مسجلة، والدخل من عمل متقطع.', answersReferral: true });

  // 10 March: the hall.
  await at('2024-03-10T09:00');
  const v1 = await deskA.ok('visits.checkIn', { visitorName: 'سالم علي الحربي', reason: 'inquiry' });
  await at('2024-03-10T09:05');
  const v2 = await deskA.ok('visits.checkIn', { visitorName: 'هند محمد الشهري', reason: 'new_request' });
  await at('2024-03-10T09:10');
  await deskA.ok('visits.call', { visitId: v1.id });
  await at('2024-03-10T09:20');
  await deskA.ok('visits.finish', { visitId: v1.id, outcome: 'answered', inquiry: 'مواعيد استلام السلال', answer: 'كل أحد من الثامنة' });
  await at('2024-03-10T09:30');
  const v3 = await deskA.ok('visits.checkIn', { visitorName: 'فهد سعد العتيبي', reason: 'inquiry' });
  await at('2024-03-10T09:45');
  await deskB.ok('visits.call', { visitId: v2.id });
  await at('2024-03-10T09:50');
  await deskB.ok('visits.refer', { visitId: v2.id, researcherId: researcher.user.id, note: 'الإجراءات غير واضحة للمراجعة' });
  await at('2024-03-10T10:00');
  await deskA.ok('visits.markLeft', { visitId: v3.id });
  const v4 = await deskA.ok('visits.checkIn', { visitorName: 'خالد ناصر الدوسري', reason: 'follow_up', channel: 'phone' });
  await researcher.ok('visits.take', { visitId: v2.id });
  await at('2024-03-10T10:02');
  await deskA.ok('visits.cancel', { visitId: v4.id });
  await at('2024-03-10T10:05');
  await researcher.ok('visits.finish', { visitId: v2.id, outcome: 'request_opened' });

  await at('2024-03-10T12:00');
  R1 = await accept(R1);
  await at('2024-03-12T10:00');
  R5 = await deskA.ok('requests.register', { requestId: R5.id });

  await at('2024-03-12T23:50');
  const v5 = await deskA.ok('visits.checkIn', { visitorName: 'ريم عبدالرحمن الزهراني', reason: 'inquiry' });
  await at('2024-03-13T00:10');
  await deskB.ok('visits.call', { visitId: v5.id });
  await at('2024-03-13T00:25');
  await deskB.ok('visits.finish', { visitId: v5.id, outcome: 'answered', inquiry: 'هل وصل طلبي؟', answer: 'نعم، وهو قيد الدراسة' });

  await at('2024-03-14T10:00');
  R5 = await deskA.ok('requests.deliver', { requestId: R5.id, description: 'سُلّمت سلة غذائية', amount: 750, deliveredOn: '2024-03-14' });
  await at('2024-03-20T10:00');
  let R4 = await deskA.ok('requests.open', { beneficiaryId: await person(4), serviceTypeId: food, channel: 'website' });
  await at('2024-03-25T10:00');
  R3 = await reject(R3);
  await at('2024-03-28T10:00');
  R4 = await deskA.ok('requests.refer', { requestId: R4.id, question: 'هل يلزم إثبات السكن لهذه الخدمة؟' });

  t.clock.set(NOW);
  await unlockAfterClockJump(...everyone);
  return { t, admin, supervisor, receptionist: deskA, requests: { R1, R2, R3, R4, R5, R6 } };
}
