import { CHANNELS } from '@shared/domain/channels';
import type { MaritalStatus } from '@shared/domain/request';
import { VISIT_OUTCOMES, VISIT_REASONS, type VisitState } from '@shared/domain/visit';
import { addDays, businessDay } from '@shared/dates/calendar';
import { normalizeArabic } from '@shared/text/normalize-arabic';
import { hashPassword, type PasswordCost } from '../auth/passwords';
import type { RuntimeFlags, SignedInUser } from '../context';
import type { Db, Store } from '../store/store';
import { FEMALE_FIRST, generatePerson, mobileFor, nationalIdFor, pick, seededRandom } from './arabic-names';
import { demoDesk } from './demo-desk';
import { seedDemoRequests } from './demo-requests';

export const DEMO_PASSWORD = 'demo-hall-1234';
export const DEMO_USERS = [
  { username: 'reception1', fullName: 'نورة سعد العتيبي', role: 'receptionist' },
  { username: 'reception2', fullName: 'خالد محمد الشهري', role: 'receptionist' },
  { username: 'researcher1', fullName: 'د. منيرة عبدالله الحربي', role: 'researcher' },
  { username: 'supervisor1', fullName: 'فهد ناصر الدوسري', role: 'supervisor' },
] as const;

const CITIES = [
  ['الرياض', 'النسيم'],
  ['الرياض', 'السويدي'],
  ['الرياض', 'الشفا'],
  ['الخرج', 'السلمانية'],
  ['الرياض', 'العريجاء'],
] as const;
const MARITAL: MaritalStatus[] = ['married', 'married', 'widowed', 'divorced', 'single'];

/** Beneficiaries whose names show the search at work (diacritics, ى/ي, عبد الله/عبدالله). */
const SHOWCASE = [
  ['مُحمّد', 'عبدالله', 'سعد', 'القحطانى'],
  ['عبد الله', 'أحمد', 'إبراهيم', 'الغامدي'],
  ['فاطمة', 'علي', 'حسن', 'الزهرانيّ'],
  ['نُورة', 'عبدالعزيز', 'فهد', 'آل سعود'],
  ['مصطفى', 'يحيى', 'موسى', 'المالكي'],
] as const;

export interface DemoSummary {
  users: number;
  beneficiaries: number;
  visits: number;
  requests: number;
}

export interface DemoOptions {
  actorId: number;
  now: Date;
  timeZone: string;
  /** What the request handlers the demo plays through need besides the transaction. */
  store: Store;
  runtime: RuntimeFlags;
  seed?: number;
  /** Each demo account's own hash (demoPasswordHashes), made before the seeding transaction. */
  passwordHashes: DemoPasswordHashes;
}

/** Username → hash of DEMO_PASSWORD, each with its own salt. */
export type DemoPasswordHashes = Record<string, string>;

/**
 * The demo accounts' hashes, each with its own salt (one shared hash would tell anyone reading the
 * store that these accounts share a password). Made before the seeding transaction, several at once
 * on the thread pool: at N=2^17 each takes about 0.4 s, and the write lock must not wait for them.
 */
export async function demoPasswordHashes(usernames: readonly string[], cost: PasswordCost): Promise<DemoPasswordHashes> {
  const hashes = await Promise.all(usernames.map(() => hashPassword(DEMO_PASSWORD, cost)));
  return Object.fromEntries(usernames.map((u, i) => [u, hashes[i]!]));
}

const DAY = 86_400_000;

/**
 * Fills a store with no data yet: staff accounts (password DEMO_PASSWORD), beneficiaries with
 * four-part names and full files, today's visitors in every state (the called ones with their hall
 * calls), and support requests of the past weeks in every state (demo-requests.ts).
 */
export async function seedDemo(trx: Db, opts: DemoOptions): Promise<DemoSummary> {
  const random = seededRandom(opts.seed ?? 1445);
  const at = opts.now.toISOString();

  const staff: SignedInUser[] = [];
  for (const u of DEMO_USERS) {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    const id =
      existing?.id ??
      (
        await trx
          .insertInto('users')
          .values({ username: u.username, full_name: u.fullName, role: u.role, password_hash: opts.passwordHashes[u.username]!, active: 1, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    staff.push({ id, username: u.username, fullName: u.fullName, role: u.role });
  }
  const [reception1Account, reception2Account, researcherAccount, supervisorAccount] = staff as [SignedInUser, SignedInUser, SignedInUser, SignedInUser];
  const [reception1, reception2, researcher] = [reception1Account.id, reception2Account.id, researcherAccount.id];
  const today = businessDay(opts.now, opts.timeZone);

  const people = [
    ...SHOWCASE.map(([firstName, fatherName, grandfatherName, familyName]) => ({ firstName, fatherName, grandfatherName, familyName })),
    ...Array.from({ length: 115 }, () => generatePerson(random)),
  ];
  const beneficiaryIds: number[] = [];
  for (const [i, p] of people.entries()) {
    const fullName = `${p.firstName} ${p.fatherName} ${p.grandfatherName} ${p.familyName}`;
    const idNumber = nationalIdFor(70_000_000 + i * 7919, i % 6 === 5 ? 2 : 1);
    const exists = await trx.selectFrom('beneficiaries').select('id').where('id_number', '=', idNumber).executeTakeFirst();
    if (exists) {
      beneficiaryIds.push(exists.id);
      continue;
    }
    // Files opened over the past year or so, oldest first, each with the identity's expiry and the
    // household a study needs.
    const opened = new Date(opts.now.getTime() - (400 - i * 3) * DAY).toISOString();
    const [city, district] = CITIES[i % CITIES.length]!;
    const rented = i % 3 !== 1;
    const row = await trx
      .insertInto('beneficiaries')
      .values({
        first_name: p.firstName,
        father_name: p.fatherName,
        grandfather_name: p.grandfatherName,
        family_name: p.familyName,
        full_name: fullName,
        name_norm: normalizeArabic(fullName),
        id_type: i % 6 === 5 ? 'iqama' : 'national_id',
        id_number: idNumber,
        id_expiry: addDays(today, 200 + ((i * 37) % 1500)),
        nationality: i % 6 === 5 ? 'يمني' : 'سعودي',
        gender: FEMALE_FIRST.includes(p.firstName) ? 'female' : 'male',
        birth_date: addDays('1965-01-01', (i * 2_003) % 12_000),
        marital_status: MARITAL[i % MARITAL.length]!,
        city,
        district,
        monthly_income: 1500 + ((i * 350) % 4000),
        income_sources: JSON.stringify(i % 4 === 0 ? ['social_security', 'citizen_account'] : i % 4 === 1 ? ['retirement'] : ['salary']),
        housing_type: rented ? 'rented' : 'family',
        rent_amount: rented ? 12_000 + ((i * 1_000) % 18_000) : null,
        mobile: mobileFor(31_000_000 + i * 104_729),
        file_number: i % 3 === 0 ? `F-${String(1000 + i)}` : null,
        created_at: opened,
        updated_at: opened,
        created_by: opts.actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    beneficiaryIds.push(row.id);
  }

  // Today's hall: earliest arrivals are done, the latest still wait.
  const plan: VisitState[] = [
    ...Array<VisitState>(14).fill('done'),
    'left',
    'cancelled',
    'left',
    'referred',
    'referred',
    'serving',
    'serving',
    ...Array<VisitState>(9).fill('waiting'),
  ];
  const day = businessDay(opts.now, opts.timeZone);
  const desks = await trx.selectFrom('desks').select(['id', 'ticket_prefix']).where('ticket_prefix', 'in', ['A', 'B']).execute();
  const seqByDesk = new Map<number, number>();
  for (const d of desks) {
    const last = await trx.selectFrom('visits').select((eb) => eb.fn.max('seq').as('seq')).where('day', '=', day).where('desk_id', '=', d.id).executeTakeFirst();
    seqByDesk.set(d.id, last?.seq ?? 0);
  }
  let todaysVisit: { id: number; beneficiaryId: number } | null = null;
  const calls: { visit_id: number; desk_id: number; at: string; called_by: number }[] = [];
  const start = opts.now.getTime() - 3 * 3600_000;
  const step = (3 * 3600_000 - 4 * 60_000) / plan.length;
  for (const [i, state] of plan.entries()) {
    const desk = desks[i % desks.length]!;
    const seq = seqByDesk.get(desk.id)! + 1;
    seqByDesk.set(desk.id, seq);
    const arrived = new Date(start + i * step);
    const called = new Date(arrived.getTime() + (6 + (i % 9)) * 60_000);
    const ended = new Date(called.getTime() + (4 + (i % 7)) * 60_000);
    const withFile = i % 5 !== 4;
    const reason = i % 4 === 0 ? 'inquiry' : pick(VISIT_REASONS, random);
    const servedBy = state === 'waiting' || state === 'left' ? null : i % 2 ? reception1 : reception2;
    const referred = state === 'referred';
    const person = generatePerson(random);
    const { id } = await trx
      .insertInto('visits')
      .values({
        day,
        desk_id: desk.id,
        seq,
        ticket: `${desk.ticket_prefix}-${String(seq).padStart(3, '0')}`,
        beneficiary_id: withFile ? beneficiaryIds[(i * 13) % beneficiaryIds.length]! : null,
        visitor_name: withFile ? null : `${person.firstName} ${person.familyName}`,
        visitor_mobile: withFile ? null : mobileFor(55_000_000 + i * 3571),
        reason,
        channel: i % 10 === 9 ? pick(CHANNELS, random) : 'interview',
        state,
        arrived_at: arrived.toISOString(),
        called_at: state === 'waiting' || state === 'left' ? null : called.toISOString(),
        ended_at: ['done', 'left', 'cancelled'].includes(state) ? ended.toISOString() : null,
        served_by: servedBy,
        serving_desk_id: servedBy ? desk.id : null,
        referred_to: referred ? researcher : null,
        referral_note: referred ? 'المراجع يحتاج شرحاً لإجراءات دراسة الحالة' : null,
        outcome: state === 'done' ? (reason === 'inquiry' ? 'answered' : pick(VISIT_OUTCOMES, random)) : null,
        outcome_note: null,
        inquiry: state === 'done' && reason === 'inquiry' ? 'ما المستندات المطلوبة لطلب مساعدة الإيجار؟' : null,
        answer: state === 'done' && reason === 'inquiry' ? 'عقد الإيجار والهوية وتعريف بالدخل' : null,
        client_key: null,
        created_by: reception1,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('visit_events')
      .values({ visit_id: id, at: arrived.toISOString(), user_id: reception1, action: 'checkIn', from_state: null, to_state: state, note: 'بيانات تجريبية' })
      .execute();
    if (servedBy) calls.push({ visit_id: id, desk_id: desk.id, at: called.toISOString(), called_by: servedBy });
    if (state === 'serving' && withFile && !todaysVisit) todaysVisit = { id, beneficiaryId: beneficiaryIds[(i * 13) % beneficiaryIds.length]! };
  }

  // S1: every visitor called today left a hall call, as a desk's call does, so the hall display of a
  // demo store shows its current and last calls. Written in the order of the calls, which is the
  // order (by id) the display reads them in.
  calls.sort((a, b) => a.at.localeCompare(b.at));
  for (const call of calls) await trx.insertInto('hall_calls').values({ day, ...call, recall: 0 }).execute();

  const desk = demoDesk(trx, { store: opts.store, runtime: opts.runtime, timeZone: opts.timeZone });
  const requests = await seedDemoRequests(trx, desk, {
    staff: { reception1: reception1Account, reception2: reception2Account, researcher: researcherAccount, supervisor: supervisorAccount },
    beneficiaryIds,
    todaysVisit,
    now: opts.now,
    timeZone: opts.timeZone,
  });
  return { users: staff.length, beneficiaries: beneficiaryIds.length, visits: plan.length, requests };
}
