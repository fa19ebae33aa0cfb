import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, requestIn } from '../../helpers/requests';
import { anonymous, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import type { TestCore } from '../../helpers/test-core';

/**
 * A hand-made register, every visit made through the desk's own operations with the clock
 * set to the minute, so each wait, service time and total below is counted by hand. Riyadh is UTC+3.
 *
 * 2026-03-03 (DAY_BEFORE): no visits at all.
 * 2026-03-04 (DAY), desk 1 (A, نورة) and desk 2 (B, هند):
 *
 * | ticket | arrives | called | ends              | state     | reason      | channel   | waited | served | outcome            |
 * |--------|---------|--------|-------------------|-----------|-------------|-----------|--------|--------|--------------------|
 * | A-001  | 08:00   | 08:10  | 08:30             | done      | new_request | interview | 10     | 20     | request_opened     |
 * | A-002  | 08:05   | 08:40  | 08:45             | done      | inquiry     | interview | 35     | 5      | answered           |
 * | B-001  | 08:20   | 09:20  | 09:50             | done      | complaint   | phone     | 60     | 30     | complaint_recorded |
 * | A-003  | 09:00   | —      | 09:20 (left)      | left      | follow_up   | interview | 20     | —      | —                  |
 * | B-002  | 10:30   | —      | —                 | waiting   | inquiry     | interview | —      | —      | —                  |
 * | B-003  | 10:40   | —      | 10:50 (cancelled) | cancelled | other       | interview | 10     | —      | —                  |
 * | A-004  | 23:50   | 23:55  | 00:20 next day    | done      | receive_aid | interview | 5      | 25     | aid_delivered (a note typed as a formula) |
 *
 * Waits known: 5, 10, 10, 20, 35, 60 → mean 140 / 6 = 23.3 minutes, 90th percentile (nearest rank,
 * the 6th of 6) 60. Services: 20, 5, 30, 25 → mean 20.0. A-001 opened a support request at the visit;
 * B-001's visitor (تركي) has a file number from an earlier request.
 *
 * 2026-03-05 (DAY_AFTER): B-001 at 08:00 (desk 2, follow_up, waiting) — and not A-004, which began the day before.
 */
export const DAY_BEFORE = '2026-03-03';
export const DAY = '2026-03-04';
export const DAY_AFTER = '2026-03-05';

export const NAMES = {
  ahmad: ['أحمد', 'صالح', 'علي', 'الغامدي'],
  badr: ['بدر', 'محمد', 'سعد', 'القحطاني'],
  turki: ['تركي', 'فهد', 'ناصر', 'العنزي'],
  thamer: ['ثامر', 'خالد', 'عبدالله', 'المالكي'],
  jasem: ['جاسم', 'عمر', 'حسن', 'الشهري'],
} as const;
export const WALK_IN_INQUIRY = 'سالم علي الحربي';
export const WALK_IN_CANCELLED = 'خالد عمر الدوسري';
export const COMPLAINT_NOTE = 'تأخر الرد، وقال: "سأعود غداً"\nمع الشكر';
/** A note typed as a spreadsheet formula: an export must show it, never run it. */
export const FORMULA_NOTE = '=1+1 سلة إضافية';
export const RECEPTIONIST_1 = 'نورة سعد العتيبي';
export const RECEPTIONIST_2 = 'هند علي الزهراني';

const fullName = (parts: readonly string[]) => parts.join(' ');

export interface RegisterDay {
  supervisor: SignedIn;
  receptionist: SignedIn;
  /** Users who served: desk 1's and desk 2's receptionists. */
  staff: { first: number; second: number };
  beneficiaries: Record<keyof typeof NAMES, { id: number; idNumber: string; fullName: string }>;
  /** The request opened at A-001, and the file number تركي was given earlier. */
  requestNumber: string;
  fileNumber: string;
}

/** Riyadh's wall clock on a day → the UTC instant. */
export const riyadh = (day: string, time: string) => new Date(`${day}T${time}:00+03:00`).toISOString();

/** The same user at another moment: a new window signed in again (the old session idled out long ago). */
async function again(t: TestCore, username: string, deskId: number) {
  const s = anonymous(t);
  await s.ok('auth.signIn', { username, password: STAFF_PASSWORD, deskId });
  return s;
}

export async function makeRegisterDay(t: TestCore): Promise<RegisterDay> {
  t.clock.set(riyadh(DAY, '07:00'));
  const admin = await signedInAs(t, 'admin');
  // Hours pass between the steps of this day: the inactivity lock is not what it is about.
  await admin.ok('settings.update', { lockAfterMinutes: 240, sessionExpiryHours: 168 });
  const one = await signedInAs(t, 'receptionist', { deskId: 1, username: 'noura', fullName: RECEPTIONIST_1 });
  const two = await signedInAs(t, 'receptionist', { deskId: 2, username: 'hind', fullName: RECEPTIONIST_2 });

  const people = {} as RegisterDay['beneficiaries'];
  let serial = 7100;
  for (const [key, parts] of Object.entries(NAMES) as [keyof typeof NAMES, readonly string[]][]) {
    const input = beneficiaryInput(serial++, [...parts] as [string, string, string, string]);
    const b = await one.ok('beneficiaries.register', input);
    people[key] = { id: b.id, idNumber: input.identity.idNumber, fullName: fullName(parts) };
  }
  // تركي was registered (S6) through an earlier request, decided by the committee: a file number.
  const catalogue = await loadCatalogue(admin);
  const food = Object.values(catalogue.services)[0]!;
  await requestIn('registered', { desk: admin, committee: admin }, { beneficiaryId: people.turki.id, serviceTypeId: food.id });
  const fileNumber = (await admin.ok('beneficiaries.profile', { beneficiaryId: people.turki.id })).fileNumber!;

  const at = (time: string, day = DAY) => t.clock.set(riyadh(day, time));
  at('08:00');
  const a1 = await one.ok('visits.checkIn', { beneficiaryId: people.ahmad.id, reason: 'new_request' });
  at('08:05');
  const a2 = await one.ok('visits.checkIn', { visitorName: WALK_IN_INQUIRY, visitorMobile: '0551234567', reason: 'inquiry' });
  at('08:10');
  await one.ok('visits.call', { visitId: a1.id });
  const request = await one.ok('requests.open', { beneficiaryId: people.ahmad.id, serviceTypeId: food.id, channel: 'interview', visitId: a1.id });
  at('08:20');
  const b1 = await two.ok('visits.checkIn', { beneficiaryId: people.turki.id, reason: 'complaint', channel: 'phone' });
  at('08:30');
  await one.ok('visits.finish', { visitId: a1.id, outcome: 'request_opened' });
  at('08:40');
  await one.ok('visits.call', { visitId: a2.id });
  at('08:45');
  await one.ok('visits.finish', { visitId: a2.id, outcome: 'answered', inquiry: 'مواعيد استلام السلال؟', answer: 'من الأحد إلى الخميس' });
  at('09:00');
  const a3 = await one.ok('visits.checkIn', { beneficiaryId: people.badr.id, reason: 'follow_up' });
  at('09:20');
  await one.ok('visits.markLeft', { visitId: a3.id });
  await two.ok('visits.call', { visitId: b1.id });
  at('09:50');
  await two.ok('visits.finish', { visitId: b1.id, outcome: 'complaint_recorded', outcomeNote: COMPLAINT_NOTE });
  at('10:30');
  await two.ok('visits.checkIn', { beneficiaryId: people.thamer.id, reason: 'inquiry' });
  at('10:40');
  const b3 = await two.ok('visits.checkIn', { visitorName: WALK_IN_CANCELLED, visitorMobile: '0561234567', reason: 'other' });
  at('10:50');
  await two.ok('visits.cancel', { visitId: b3.id });

  // Late at night, at desk 1: a visit that ends after midnight.
  at('23:50');
  const late = await again(t, 'noura', 1);
  const a4 = await late.ok('visits.checkIn', { beneficiaryId: people.jasem.id, reason: 'receive_aid' });
  at('23:55');
  await late.ok('visits.call', { visitId: a4.id });
  at('00:20', DAY_AFTER);
  await late.ok('visits.finish', { visitId: a4.id, outcome: 'aid_delivered', outcomeNote: FORMULA_NOTE });

  at('08:00', DAY_AFTER);
  const morning = await again(t, 'hind', 2);
  await morning.ok('visits.checkIn', { beneficiaryId: people.ahmad.id, reason: 'follow_up' });

  at('09:00', DAY_AFTER);
  const supervisor = await signedInAs(t, 'supervisor', { deskId: 1, username: 'fahad', fullName: 'فهد ناصر الدوسري' });
  const receptionist = { ...morning, user: two.user, password: STAFF_PASSWORD, deskId: 2 };
  return { supervisor, receptionist, staff: { first: one.user.id, second: two.user.id }, beneficiaries: people, requestNumber: request.number, fileNumber };
}
