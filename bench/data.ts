/**
 * The bench store: ten years of a busy association, generated once and cached in bench/.data/.
 * The store is created through createCore (so the real migrations build the schema), the staff
 * through the real operations, and the bulk rows with prepared better-sqlite3 statements in big
 * transactions; the FTS triggers fill the name index.
 */
import { asSqliteStore, type SqliteStore } from '../electron/core/store/sqlite/open-sqlite-store';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, STORE_FILE_NAME, type Core } from '../electron/core/core';
import { mobileFor, nationalIdFor, seededRandom, pick } from '../electron/core/demo/arabic-names';
import { businessDay } from '@shared/dates/calendar';
import { toHijri } from '@shared/dates/hijri';
import { CHANNELS } from '@shared/domain/channels';
import { FILL_LAST_VISITS } from '../electron/core/store/sqlite/migrations/0004-search-normalisation';
import { normalizeArabic } from '@shared/text/normalize-arabic';
import { personWithVariants, type Random } from './names';

/** Raise this when the generator changes; a change to the migrations regenerates by itself (see cacheKey). */
export const BENCH_DATA_VERSION = 4;

export const SIZES = {
  beneficiaries: 200_000,
  historicVisits: 1_000_000,
  years: 10,
  todayVisits: 300,
  requests: 300_000,
};

export const BENCH_PASSWORD = 'bench-pass-1234';
/** The desk the bench signs in as. */
export const BENCH_USER = 'desk.a1';

const ROOT = resolve(__dirname, '..');
export const DATA_ROOT = join(ROOT, 'bench', '.data');
const MIGRATIONS_DIR = join(ROOT, 'electron', 'core', 'store', 'sqlite', 'migrations');

export interface StoreMeta {
  key: string;
  /** The business day the store calls "today" (Asia/Riyadh); the bench runs its clock on that day. */
  today: string;
  generatedAt: string;
  generationSeconds: number;
  counts: Record<string, number>;
  /** The support requests by state, and how many submitted ones are overdue. */
  requestStates?: Record<string, number>;
  fileBytes: number;
}

/** Version + a hash of every migration file: a schema change means a new cache folder. */
export function cacheKey(): string {
  const h = createHash('sha256');
  h.update(`v${BENCH_DATA_VERSION}:${JSON.stringify(SIZES)}`);
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  return `${cachePrefix()}${BENCH_DATA_VERSION}-${h.digest('hex').slice(0, 10)}`;
}

/** `--scale` stores live beside the full one under their own prefix, so making one never deletes the other. */
function cachePrefix(): string {
  return SIZES.beneficiaries === 200_000 && SIZES.historicVisits === 1_000_000 && SIZES.requests === 300_000 ? 'store-v' : 'small-store-v';
}

export function cachedStore(): { dir: string; meta: StoreMeta } | null {
  const dir = join(DATA_ROOT, cacheKey());
  const metaFile = join(dir, 'meta.json');
  if (!existsSync(metaFile) || !existsSync(join(dir, STORE_FILE_NAME))) return null;
  return { dir, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as StoreMeta };
}

/** A fresh working copy of the cached store (the cache itself is never opened for writing). */
export function workingCopy(cacheDir: string): string {
  const dir = join(DATA_ROOT, 'run');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(cacheDir, STORE_FILE_NAME), join(dir, STORE_FILE_NAME));
  return dir;
}

/** Noon at the desk on `day` (Asia/Riyadh is UTC+3 all year): the bench's "now". */
export function noonOf(day: string): Date {
  return new Date(`${day}T09:00:00.000Z`);
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Saudi working week: Sunday to Thursday. */
const isBusinessDay = (day: string) => {
  const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
  return wd !== 5 && wd !== 6;
};

const REASONS: [string, number, string][] = [
  // reason, weight, usual outcome
  ['inquiry', 30, 'answered'],
  ['follow_up', 25, 'other'],
  ['new_request', 15, 'request_opened'],
  ['receive_aid', 12, 'aid_delivered'],
  ['missing_documents', 10, 'documents_received'],
  ['complaint', 3, 'complaint_recorded'],
  ['other', 3, 'referred_elsewhere'],
  ['volunteering', 2, 'other'],
];
const REASON_TOTAL = REASONS.reduce((s, r) => s + r[1], 0);
export function pickReason(random: Random): [string, string] {
  let x = random() * REASON_TOTAL;
  for (const [reason, w, outcome] of REASONS) {
    if ((x -= w) < 0) return [reason, outcome];
  }
  return ['other', 'other'];
}
const INQUIRIES: [string, string][] = [
  ['ما المستندات المطلوبة لطلب مساعدة الإيجار؟', 'عقد الإيجار والهوية وتعريف بالدخل'],
  ['متى يصدر قرار اللجنة في طلبي؟', 'خلال أربعة عشر يوماً من تاريخ الرفع'],
  ['هل يمكن تقديم الطلب عن طريق الموقع؟', 'نعم، عبر نموذج طلب المساعدة في الموقع'],
  ['ما مواعيد استلام السلال الغذائية؟', 'من الأحد إلى الخميس من الثامنة حتى الثانية'],
  ['كيف أحدّث رقم الجوال في ملفي؟', 'تم التحديث بعد التحقق من الهوية'],
];

type Log = (line: string) => void;

/** Builds the whole store in `dir`; returns its meta. */
export async function generateStore(log: Log): Promise<{ dir: string; meta: StoreMeta }> {
  const started = Date.now();
  mkdirSync(DATA_ROOT, { recursive: true });
  // Old cache folders of the same kind (an earlier schema or generator) go: each is several hundred MB.
  const key = cacheKey();
  for (const f of readdirSync(DATA_ROOT)) if (f.startsWith(cachePrefix()) && f !== key) rmSync(join(DATA_ROOT, f), { recursive: true, force: true });
  const dir = join(DATA_ROOT, key);
  const tmp = join(DATA_ROOT, `${key}.partial`);
  rmSync(tmp, { recursive: true, force: true });

  const today = businessDay(new Date(), 'Asia/Riyadh');
  const now = noonOf(today);
  const core = await createCore({ dataDir: tmp, now: () => now });
  const staff = await createStaff(core, log);

  const raw = asSqliteStore(core.store).raw;
  // Bulk-load settings for this connection only; the store is reopened normally afterwards.
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1000000');
  raw.pragma('temp_store = MEMORY');

  const random = seededRandom(20_240_214);
  insertBeneficiaries(core, today, staff, random, log);
  // The schema's triggers on visits keep each person's last visit, and through it their place in the
  // name index: one index rewrite per visit. For the bulk load they are set aside and the columns are
  // filled once afterwards (as migration 0004 fills them on an existing store), then put back as they were.
  const visitTriggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'visits'`).all() as { name: string; sql: string }[];
  for (const t of visitTriggers) raw.exec(`DROP TRIGGER ${t.name}`);
  const { done: historic, openers } = insertHistoricVisits(core, today, staff, random, log);
  const todayCount = insertTodayVisits(core, today, staff, random);
  log(`  today (${today}): ${todayCount} visits in every state`);
  const lastVisits = Date.now();
  for (const statement of FILL_LAST_VISITS) raw.exec(statement);
  for (const t of visitTriggers) raw.exec(t.sql);
  log(`  last visits: each beneficiary's latest arrival, and its place in the name index (${((Date.now() - lastVisits) / 1000).toFixed(1)} s)`);
  const requestStates = insertRequests(core, today, staff, openers, random, log);

  log('  optimising the name index and checkpointing …');
  raw.exec(`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('optimize')`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const integrity = raw.pragma('quick_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`generated store fails quick_check: ${String(integrity)}`);
  const counts: Record<string, number> = {};
  for (const t of ['beneficiaries', 'visits', 'visit_events', 'requests', 'request_documents', 'request_events', 'declaration_signatures', 'attachments', 'users', 'audit']) {
    counts[t] = (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  await core.close();

  rmSync(dir, { recursive: true, force: true });
  // Rename only when complete, so an interrupted run never leaves a half store that looks cached.
  renameSync(tmp, dir);
  const meta: StoreMeta = {
    key,
    today,
    generatedAt: new Date().toISOString(),
    generationSeconds: Math.round((Date.now() - started) / 100) / 10,
    counts: { ...counts, historicVisits: historic },
    requestStates,
    fileBytes: statSync(join(dir, STORE_FILE_NAME)).size,
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
  return { dir, meta };
}

interface Staff {
  admin: number;
  receptionists: number[];
  researchers: number[];
  supervisors: number[];
}

/** The staff through the real operations: first-run setup, then users.create as the administrator. */
async function createStaff(core: Core, log: Log): Promise<Staff> {
  const sid = core.createSession();
  const call = async (op: string, input: unknown) => {
    const r = await core.dispatch(op, input, sid);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.value as { id?: number; user?: { id: number } };
  };
  const setup = await call('auth.setup', { username: 'admin', fullName: 'مدير النظام', password: BENCH_PASSWORD, deskId: 1 });
  const admin = setup.user?.id ?? 1;
  const people: [string, string, string][] = [
    [BENCH_USER, 'نورة سعد العتيبي', 'receptionist'],
    ['desk.a2', 'خالد محمد الشهري', 'receptionist'],
    ['desk.b1', 'سارة فهد الدوسري', 'receptionist'],
    ['desk.b2', 'ماجد ناصر الحربي', 'receptionist'],
    ['desk.old1', 'عبدالله صالح الغامدي', 'receptionist'],
    ['desk.old2', 'هند علي الزهراني', 'receptionist'],
    ['research1', 'د. منيرة عبدالله الحربي', 'researcher'],
    ['research2', 'فيصل تركي القحطاني', 'researcher'],
    ['super1', 'فهد ناصر الدوسري', 'supervisor'],
  ];
  const staff: Staff = { admin, receptionists: [], researchers: [], supervisors: [] };
  for (const [username, fullName, role] of people) {
    const u = await call('users.create', { username, fullName, role, password: BENCH_PASSWORD });
    (role === 'receptionist' ? staff.receptionists : role === 'researcher' ? staff.researchers : staff.supervisors).push(u.id!);
  }
  log(`  staff: ${people.length + 1} users through auth.setup / users.create`);
  return staff;
}

function progress(log: Log, what: string, done: number, total: number, t0: number) {
  const s = (Date.now() - t0) / 1000;
  log(`  ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}  (${s.toFixed(1)} s)`);
}

function insertBeneficiaries(core: Core, today: string, staff: Staff, random: Random, log: Log) {
  const raw = asSqliteStore(core.store).raw;
  const n = SIZES.beneficiaries;
  const firstDay = addDays(today, -365 * SIZES.years);
  const span = Date.parse(`${today}T09:00:00Z`) - Date.parse(`${firstDay}T05:00:00Z`);
  const insert = raw.prepare(`INSERT INTO beneficiaries
    (id, first_name, father_name, grandfather_name, family_name, full_name, name_norm, id_type, id_number, mobile, file_number, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const t0 = Date.now();
  const BATCH = 20_000;
  let lastMobile = '';
  for (let start = 1; start <= n; start += BATCH) {
    raw.transaction(() => {
      for (let id = start; id < start + BATCH && id <= n; id++) {
        const { written } = personWithVariants(random);
        const fullName = `${written.firstName} ${written.fatherName} ${written.grandfatherName} ${written.familyName}`;
        const iqama = random() < 0.15;
        // Unique serials spread over the ID space; the check digit makes every one valid.
        const idNumber = nationalIdFor(10_000_000 + ((id * 7_919) % 89_999_999), iqama ? 2 : 1);
        // Most have their own mobile; some share a relative's; a few have none.
        const r = random();
        const mobile = r < 0.03 ? null : r < 0.08 && lastMobile ? lastMobile : mobileFor(id * 104_729 + 17);
        if (mobile) lastMobile = mobile;
        // 30% came from the old paper register on day one, the rest registered over the years.
        const frac = id <= n * 0.3 ? 0 : (id - n * 0.3) / (n * 0.7);
        const created = new Date(Date.parse(`${firstDay}T05:00:00Z`) + frac * span).toISOString();
        insert.run(
          id,
          written.firstName,
          written.fatherName,
          written.grandfatherName,
          written.familyName,
          fullName,
          normalizeArabic(fullName),
          iqama ? 'iqama' : 'national_id',
          idNumber,
          mobile,
          random() < 0.4 ? `F-${String(id).padStart(6, '0')}` : null,
          created,
          created,
          pick(staff.receptionists, random),
        );
      }
    })();
    progress(log, 'beneficiaries', Math.min(n, start + BATCH - 1), n, t0);
  }
}

export interface VisitRow {
  day: string;
  desk: number;
  seq: number;
  beneficiaryId: number | null;
  visitorName: string | null;
  visitorMobile: string | null;
  reason: string;
  outcome: string;
  channel: string;
  state: string;
  arrived: number;
  called: number | null;
  ended: number | null;
  servedBy: number | null;
  referredTo: number | null;
  createdBy: number;
}

export function visitWriter(core: Core) {
  const raw = asSqliteStore(core.store).raw;
  const insertVisit = raw.prepare(`INSERT INTO visits
    (day, desk_id, seq, ticket, beneficiary_id, visitor_name, visitor_mobile, reason, channel, state, arrived_at, called_at, ended_at,
     served_by, serving_desk_id, referred_to, referral_note, outcome, outcome_note, inquiry, answer, client_key, created_by, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?)`);
  const insertEvent = raw.prepare(
    `INSERT INTO visit_events (visit_id, at, user_id, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const prefix = ['', 'A', 'B', 'R'];
  return (v: VisitRow, random: Random) => {
    const finished = v.state === 'done';
    const isInquiry = v.reason === 'inquiry' && finished;
    const qa = isInquiry ? pick(INQUIRIES, random) : null;
    const referralNote = v.referredTo ? 'يحتاج شرحاً لإجراءات دراسة الحالة' : null;
    let version = 1;
    // The events the real operations would have written, and the version they leave behind.
    const events: [number, number, string, string | null, string, string | null][] = [
      [v.arrived, v.createdBy, 'checkIn', null, 'waiting', null],
    ];
    if (v.called !== null && v.servedBy !== null) {
      events.push([v.called, v.servedBy, 'call', 'waiting', 'serving', null]);
      if (v.referredTo) {
        events.push([v.called + 60_000, v.servedBy, 'refer', 'serving', 'referred', referralNote]);
        if (v.state !== 'referred') events.push([v.called + 300_000, v.referredTo, 'take', 'referred', 'serving', null]);
      }
    }
    if (v.state === 'done') events.push([v.ended!, v.referredTo ?? v.servedBy ?? v.createdBy, 'finish', 'serving', 'done', null]);
    if (v.state === 'left') events.push([v.ended!, v.createdBy, 'markLeft', 'waiting', 'left', null]);
    if (v.state === 'cancelled') events.push([v.ended!, v.servedBy ?? v.createdBy, 'cancel', v.called ? 'serving' : 'waiting', 'cancelled', null]);
    version = events.length;
    const { lastInsertRowid } = insertVisit.run(
      v.day,
      v.desk,
      v.seq,
      `${prefix[v.desk]}-${String(v.seq).padStart(3, '0')}`,
      v.beneficiaryId,
      v.visitorName,
      v.visitorMobile,
      v.reason,
      v.channel,
      v.state,
      iso(v.arrived),
      iso(v.called),
      iso(v.ended),
      v.servedBy,
      v.servedBy ? v.desk : null,
      v.referredTo,
      referralNote,
      finished ? v.outcome : null,
      qa?.[0] ?? null,
      qa?.[1] ?? null,
      v.createdBy,
      version,
    );
    for (const [at, user, action, from, to, note] of events) {
      insertEvent.run(lastInsertRowid, new Date(at).toISOString(), user, action, from, to, note);
    }
    return Number(lastInsertRowid);
  };
}

/** A visitor of that day: mostly returning beneficiaries registered by then, newer ones more often. */
export function visitor(random: Random, maxBeneficiary: number) {
  if (random() < 0.1) {
    const { base } = personWithVariants(random);
    return { beneficiaryId: null, visitorName: `${base.firstName} ${base.familyName}`, visitorMobile: mobileFor(Math.floor(random() * 49_999_999)) };
  }
  const id = 1 + Math.floor(maxBeneficiary * Math.sqrt(random()));
  return { beneficiaryId: Math.min(id, maxBeneficiary), visitorName: null, visitorMobile: null };
}

/** A visit at which a request was opened (reason new_request, done, a registered beneficiary). */
type Opener = { visitId: number; beneficiaryId: number; at: number; by: number };

function insertHistoricVisits(core: Core, today: string, staff: Staff, random: Random, log: Log): { done: number; openers: Opener[][] } {
  const raw = asSqliteStore(core.store).raw;
  const write = visitWriter(core);
  const days: string[] = [];
  for (let d = addDays(today, -365 * SIZES.years); d < today; d = addDays(d, 1)) if (isBusinessDay(d)) days.push(d);
  // Busy and quiet days (Ramadan, the start of the month…), scaled so the total is exact.
  const weights = days.map(() => 0.7 + 0.6 * random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const perDay = weights.map((w) => Math.floor((SIZES.historicVisits * w) / sum));
  let rest = SIZES.historicVisits - perDay.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 7) % perDay.length, rest--) perDay[i]!++;
  log(`  visits: ${days.length} business days over ${SIZES.years} years, ~${Math.round(SIZES.historicVisits / days.length)} a day`);

  const n = SIZES.beneficiaries;
  const t0 = Date.now();
  let done = 0;
  let nextReport = 100_000;
  const openers: Opener[][] = days.map(() => []);
  const DAYS_PER_TX = 100;
  for (let start = 0; start < days.length; start += DAYS_PER_TX) {
    raw.transaction(() => {
      for (let di = start; di < Math.min(days.length, start + DAYS_PER_TX); di++) {
        const day = days[di]!;
        const count = perDay[di]!;
        const maxBeneficiary = Math.floor(n * (0.3 + (0.7 * (di + 1)) / days.length));
        const open = Date.parse(`${day}T05:00:00Z`); // 08:00 at the desk
        const window = 7 * 3600_000; // until 15:00
        const arrivals = Array.from({ length: count }, () => open + Math.floor(random() * window)).sort((a, b) => a - b);
        const seq = [0, 0, 0];
        // Reception staff of that era: two of the six at a time.
        const era = Math.floor((di / days.length) * 3);
        const deskStaff = [0, staff.receptionists[(era * 2) % 6]!, staff.receptionists[(era * 2 + 1) % 6]!];
        for (const arrived of arrivals) {
          const desk = random() < 0.5 ? 1 : 2;
          const r = random();
          const state = r < 0.86 ? 'done' : r < 0.95 ? 'left' : 'cancelled';
          const [reason, outcome] = pickReason(random);
          const called = state === 'left' || (state === 'cancelled' && random() < 0.5) ? null : arrived + (3 + Math.floor(random() * 40)) * 60_000;
          const ended = (called ?? arrived) + (3 + Math.floor(random() * 25)) * 60_000;
          const servedBy = called ? deskStaff[desk]! : null;
          const referredTo = state === 'done' && called && random() < 0.08 ? pick(staff.researchers, random) : null;
          const who = visitor(random, maxBeneficiary);
          const visitId = write(
            {
              day,
              desk,
              seq: ++seq[desk]!,
              ...who,
              reason,
              outcome,
              channel: random() < 0.95 ? 'interview' : pick(CHANNELS, random),
              state,
              arrived,
              called,
              ended: referredTo ? ended + 20 * 60_000 : ended,
              servedBy,
              referredTo,
              createdBy: deskStaff[desk]!,
            },
            random,
          );
          if (reason === 'new_request' && state === 'done' && who.beneficiaryId !== null && !referredTo) {
            openers[di]!.push({ visitId, beneficiaryId: who.beneficiaryId, at: called! + 5 * 60_000, by: servedBy! });
          }
          done++;
        }
      }
    })();
    if (done >= nextReport || start + DAYS_PER_TX >= days.length) {
      progress(log, 'visits', done, SIZES.historicVisits, t0);
      nextReport = Math.floor(done / 100_000 + 1) * 100_000;
    }
  }
  return { done, openers };
}

/**
 * Today's hall at noon: 300 visitors since 08:00, the earliest done, then those who left or were
 * cancelled, referred to a researcher, being served, and the latest still waiting.
 */
function insertTodayVisits(core: Core, today: string, staff: Staff, random: Random): number {
  const write = visitWriter(core);
  const open = Date.parse(`${today}T05:00:00Z`);
  const noon = noonOf(today).getTime();
  const count = SIZES.todayVisits;
  const arrivals = Array.from({ length: count }, () => open + Math.floor(random() * (noon - open - 60_000))).sort((a, b) => a - b);
  const plan: string[] = [];
  const add = (state: string, k: number) => plan.push(...Array<string>(k).fill(state));
  add('done', 200);
  add('left', 18);
  add('cancelled', 7);
  add('referred', 15);
  add('serving', 4);
  add('waiting', count - plan.length);
  // Mix the terminal states among the early arrivals, keep the waiting ones last.
  const early = plan.slice(0, 225).sort(() => random() - 0.5);
  const states = [...early, ...plan.slice(225)];
  const seq = [0, 0, 0];
  const deskStaff = [0, staff.receptionists[0]!, staff.receptionists[2]!];
  asSqliteStore(core.store).raw.transaction(() => {
    arrivals.forEach((arrived, i) => {
      const state = states[i]!;
      const desk = i % 2 === 0 ? 1 : 2;
      const [reason, outcome] = pickReason(random);
      const called = state === 'waiting' || state === 'left' ? null : Math.min(noon - 30_000, arrived + (3 + Math.floor(random() * 30)) * 60_000);
      const ended = state === 'done' || state === 'left' || state === 'cancelled' ? Math.min(noon - 10_000, (called ?? arrived) + 8 * 60_000) : null;
      write(
        {
          day: today,
          desk,
          seq: ++seq[desk]!,
          ...visitor(random, SIZES.beneficiaries),
          reason,
          outcome,
          channel: 'interview',
          state,
          arrived,
          called,
          ended,
          servedBy: called ? deskStaff[desk]! : null,
          referredTo: state === 'referred' ? staff.researchers[0]! : null,
          createdBy: deskStaff[desk]!,
        },
        random,
      );
    });
  })();
  return count;
}

// ---------------------------------------------------------------------------------------------
// Support requests (S2–S7): 300,000 over the ten years, each with its documents checklist, the
// declaration signature, scans, and the timeline the real operations would have written.
// ---------------------------------------------------------------------------------------------

/** The seeded catalogue as the store has it: each service with its required documents. */
export interface Catalogue {
  services: { id: number; code: string; required: { id: number; code: string; hasExpiry: boolean }[] }[];
  documents: { id: number; code: string; hasExpiry: boolean }[];
  declarationVersionId: number;
}

export function readCatalogue(raw: SqliteStore['raw']): Catalogue {
  const documents = (raw.prepare('SELECT id, code, has_expiry FROM document_types ORDER BY id').all() as { id: number; code: string; has_expiry: number }[]).map(
    (d) => ({ id: d.id, code: d.code, hasExpiry: !!d.has_expiry }),
  );
  const byId = new Map(documents.map((d) => [d.id, d]));
  const services = (raw.prepare('SELECT id, code FROM service_types ORDER BY id').all() as { id: number; code: string }[]).map((s) => ({
    ...s,
    required: (raw.prepare('SELECT document_type_id AS id FROM service_required_documents WHERE service_type_id = ? ORDER BY document_type_id').all(s.id) as { id: number }[]).map(
      (r) => byId.get(r.id)!,
    ),
  }));
  const declaration = raw.prepare('SELECT id FROM declaration_versions ORDER BY version DESC LIMIT 1').get() as { id: number };
  return { services, documents, declarationVersionId: declaration.id };
}

/** One timeline event: at (ms), user, action, from, to, note. */
type RequestEvent = [number, number, string, string | null, string | null, string | null];

export interface RequestSpec {
  number: string;
  beneficiaryId: number;
  serviceTypeId: number;
  channel: string;
  visitId: number | null;
  state: string;
  description: string | null;
  requestedAmount: number | null;
  openedAt: number;
  openedBy: number;
  submittedAt: number | null;
  submissionDay: string | null;
  expectedAnswerDate: string | null;
  referredTo: number | null;
  referralQuestion: string | null;
  referralOpen: boolean;
  decision: 'accepted' | 'rejected' | null;
  decidedAt: number | null;
  decidedBy: number | null;
  decisionReason: string | null;
  approvedAmount: number | null;
  aidDescription: string | null;
  registeredAt: number | null;
  serviceDescription: string | null;
  serviceAmount: number | null;
  deliveredOn: string | null;
  deliveredBy: number | null;
  closedAt: number | null;
  documents: { typeId: number; provided: boolean; issueDate: string | null; expiryDate: string | null; at: number }[];
  signature: { at: number; witness: number } | null;
  attachments: { typeId: number | null; purpose: 'document' | 'declaration'; fileName: string; at: number; by: number }[];
  /** In time order; the last one gives updated_at / updated_by, their count the version. */
  events: RequestEvent[];
}

/** Writes a request with its documents, signature, scans and events (prepared statements; call inside a transaction). */
export function requestWriter(raw: SqliteStore['raw'], declarationVersionId: number) {
  const insertRequest = raw.prepare(`INSERT INTO requests
    (number, beneficiary_id, service_type_id, channel, visit_id, state, description, requested_amount, opened_at, opened_by,
     submitted_at, submission_day, expected_answer_date, referred_to, referral_question, referral_open,
     decision, decided_at, decided_by, decision_reason, approved_amount, aid_description, registered_at,
     service_description, service_amount, delivered_on, delivered_by, closed_at, version, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDocument = raw.prepare(`INSERT INTO request_documents
    (request_id, document_type_id, provided, issue_date, expiry_date, note, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?)`);
  const insertSignature = raw.prepare('INSERT INTO declaration_signatures (request_id, declaration_version_id, witness_id, signed_at) VALUES (?, ?, ?, ?)');
  const insertAttachment = raw.prepare(`INSERT INTO attachments
    (request_id, document_type_id, purpose, file_name, stored_name, mime_type, size, sha256, uploaded_at, uploaded_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = raw.prepare('INSERT INTO request_events (request_id, at, user_id, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  let scan = 0;
  return (r: RequestSpec): number => {
    const last = r.events[r.events.length - 1]!;
    const { lastInsertRowid } = insertRequest.run(
      r.number,
      r.beneficiaryId,
      r.serviceTypeId,
      r.channel,
      r.visitId,
      r.state,
      r.description,
      r.requestedAmount,
      iso(r.openedAt),
      r.openedBy,
      iso(r.submittedAt),
      r.submissionDay,
      r.expectedAnswerDate,
      r.referredTo,
      r.referralQuestion,
      r.referralOpen ? 1 : 0,
      r.decision,
      iso(r.decidedAt),
      r.decidedBy,
      r.decisionReason,
      r.approvedAmount,
      r.aidDescription,
      iso(r.registeredAt),
      r.serviceDescription,
      r.serviceAmount,
      r.deliveredOn,
      r.deliveredBy,
      iso(r.closedAt),
      r.events.length,
      iso(last[0]),
      last[1],
    );
    const id = Number(lastInsertRowid);
    for (const d of r.documents) insertDocument.run(id, d.typeId, d.provided ? 1 : 0, d.issueDate, d.expiryDate, iso(d.at));
    if (r.signature) insertSignature.run(id, declarationVersionId, r.signature.witness, iso(r.signature.at));
    for (const a of r.attachments) {
      // Scans live in the data folder (never in the database); the bench has only their rows.
      const sha = createHash('sha256').update(`scan-${++scan}`).digest('hex');
      const pdf = a.fileName.endsWith('.pdf');
      insertAttachment.run(id, a.typeId, a.purpose, a.fileName, `${id}/${sha}.${pdf ? 'pdf' : 'jpg'}`, pdf ? 'application/pdf' : 'image/jpeg', 150_000 + (scan * 7_919) % 1_500_000, sha, iso(a.at), a.by);
    }
    for (const [at, user, action, from, to, note] of r.events) insertEvent.run(id, iso(at), user, action, from, to, note);
    return id;
  };
}

/** How many days a document of this type is valid (national ID / iqama, lease contract, medical report). */
const VALIDITY_DAYS: Record<string, number> = { national_id: 1825, lease_contract: 365, medical_report: 180 };
const SERVICE_WEIGHTS: Record<string, number> = {
  food_basket: 25,
  financial_aid: 20,
  seasonal: 15,
  rent: 12,
  bills: 10,
  medical: 8,
  education: 6,
  orphans: 4,
};
const CASH_SERVICES = new Set(['financial_aid', 'rent', 'bills', 'medical', 'education', 'orphans']);
const DESCRIPTIONS: Record<string, string> = {
  food_basket: 'أسرة من سبعة أفراد تطلب سلة غذائية شهرية',
  financial_aid: 'العائل بلا عمل منذ أشهر والأسرة تحتاج مساعدة عاجلة',
  seasonal: 'طلب كسوة العيد وسلة رمضان للأسرة',
  rent: 'متأخرات إيجار ثلاثة أشهر وإنذار من المؤجر',
  bills: 'فاتورة كهرباء متراكمة مهددة بالفصل',
  medical: 'علاج طبيعي لطفل بعد عملية جراحية',
  education: 'رسوم دراسية وحقيبة مدرسية لثلاثة أبناء',
  orphans: 'كفالة ثلاثة أيتام بعد وفاة العائل',
};
const SERVICE_GIVEN: Record<string, string> = {
  food_basket: 'سلة غذائية كاملة',
  financial_aid: 'تحويل مبلغ المساعدة إلى الآيبان',
  seasonal: 'سلة رمضان وكسوة العيد',
  rent: 'سداد الإيجار للمؤجر مباشرة',
  bills: 'سداد الفاتورة لدى الشركة',
  medical: 'سداد تكلفة الجلسات للمركز الطبي',
  education: 'سداد الرسوم وتسليم الحقائب',
  orphans: 'صرف الكفالة الشهرية',
};
const REJECTIONS = [
  'الدخل الشهري يتجاوز حد الاستحقاق',
  'سبق صرف المساعدة نفسها خلال العام',
  'لم تثبت الحاجة بعد الزيارة الميدانية',
  'الطلب خارج نطاق خدمات الجمعية',
  'عدم تطابق البيانات مع المستندات',
];
const STUDY_NOTES = [
  'تمت الزيارة الميدانية والحالة تستحق',
  'تم التحقق من الدخل لدى الضمان الاجتماعي',
  'السكن بحاجة إلى صيانة والأسرة كبيرة',
  'اتصال بالمستفيد لاستكمال البيانات',
];
const FOLLOW_UPS = ['اتصال بالمستفيد لاستكمال المستندات', 'لم يرد المستفيد على الاتصال', 'وعد المستفيد بإحضار المستندات الأسبوع القادم'];
const REFERRAL_QUESTION = 'نرجو دراسة الحالة ميدانياً والتحقق من السكن والدخل';
/** Other contact channels than a desk visit (C2–C8), weighted. */
const OTHER_CHANNELS: [string, number][] = [
  ['interview', 20],
  ['phone', 20],
  ['website', 18],
  ['help_request', 14],
  ['social_media', 10],
  ['letters', 8],
  ['branch_delegate', 8],
  ['volunteering', 2],
];

function weighted<T extends string>(entries: [T, number][], random: Random): T {
  const total = entries.reduce((s, e) => s + e[1], 0);
  let x = random() * total;
  for (const [v, w] of entries) if ((x -= w) < 0) return v;
  return entries[entries.length - 1]![0];
}

/** The days and clock a request's timeline moves on: business days, 08:00–15:00 at the desk, never past "now". */
export class BusinessClock {
  readonly days: string[];
  readonly nowMs: number;
  constructor(firstDay: string, today: string) {
    const days: string[] = [];
    for (let d = firstDay; d < today; d = addDays(d, 1)) if (isBusinessDay(d)) days.push(d);
    days.push(today);
    this.days = days;
    this.nowMs = noonOf(today).getTime();
  }
  get todayIndex() {
    return this.days.length - 1;
  }
  /** A moment `n` business days after `from` (its day index and time); same day → a few minutes later. Null when it lies after now. */
  after(from: { di: number; at: number }, n: number, random: Random): { di: number; at: number } | null {
    const di = from.di + n;
    if (di > this.todayIndex) return null;
    const open = Date.parse(`${this.days[di]}T05:00:00Z`);
    const at = n === 0 ? from.at + (2 + Math.floor(random() * 20)) * 60_000 : open + Math.floor(random() * 7 * 3600_000);
    return at > this.nowMs ? null : { di, at };
  }
}

const randInt = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Document dates: valid on `validOn` (if it has an expiry), or already expired on `expiredBy`. */
function documentDates(code: string, hasExpiry: boolean, openedDay: string, random: Random, validOn: string | null, expiredBy?: string) {
  if (!hasExpiry) return { issueDate: addDays(openedDay, -randInt(random, 0, 700)), expiryDate: null };
  const period = VALIDITY_DAYS[code] ?? 365;
  // A valid one still has a month or more to run, so it is valid on the submission day too.
  const expiryDate = expiredBy ? addDays(expiredBy, -randInt(random, 1, 400)) : addDays(validOn ?? openedDay, randInt(random, 30, period));
  return { issueDate: addDays(expiryDate, -period), expiryDate };
}

/**
 * One request's life from its opening, cut at "now": documents (all at once or in two visits),
 * the declaration, a referral to a researcher, submission, the committee's decision (usually
 * within the 14 days, sometimes late), registration, service and closing — or abandoned on the way.
 */
export function planRequest(
  o: {
    number: string;
    beneficiaryId: number;
    service: Catalogue['services'][number];
    /** Documents some applicants bring although the service does not require them. */
    optional: Catalogue['documents'];
    channel: string;
    visitId: number | null;
    opened: { di: number; at: number };
    openedBy: number;
  },
  clock: BusinessClock,
  staff: { desk: number[]; researchers: number[]; supervisors: number[] },
  random: Random,
): RequestSpec {
  const code = o.service.code;
  const cash = CASH_SERVICES.has(code);
  const requested = cash ? 50 * randInt(random, 10, 200) : null;
  const r: RequestSpec = {
    number: o.number,
    beneficiaryId: o.beneficiaryId,
    serviceTypeId: o.service.id,
    channel: o.channel,
    visitId: o.visitId,
    state: 'draft',
    description: random() < 0.8 ? DESCRIPTIONS[code]! : null,
    requestedAmount: requested,
    openedAt: o.opened.at,
    openedBy: o.openedBy,
    submittedAt: null,
    submissionDay: null,
    expectedAnswerDate: null,
    referredTo: null,
    referralQuestion: null,
    referralOpen: false,
    decision: null,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    approvedAmount: null,
    aidDescription: null,
    registeredAt: null,
    serviceDescription: null,
    serviceAmount: null,
    deliveredOn: null,
    deliveredBy: null,
    closedAt: null,
    documents: [],
    signature: null,
    attachments: [],
    events: [[o.opened.at, o.openedBy, 'open', null, 'draft', null]],
  };
  const desk = () => pick(staff.desk, random);
  const openedDay = clock.days[o.opened.di]!;
  // Its fate: abandoned as a draft / incomplete / complete, rejected, or accepted and on to the end.
  const f = random();
  const fate = f < 0.03 ? 'draft' : f < 0.07 ? 'incomplete' : f < 0.08 ? 'complete' : 'submit';
  const budget = randInt(random, 4, 10); // the timeline's length, if its life gets that far
  const notes = (from: { di: number; at: number }, k: number, texts: string[], by: () => number) => {
    let at = from;
    for (let i = 0; i < k; i++) {
      const next = clock.after(at, randInt(random, 1, 5), random);
      if (!next) return;
      r.events.push([next.at, by(), 'note', null, null, pick(texts, random)]);
      at = next;
    }
  };

  if (fate === 'draft') {
    notes(o.opened, budget - 1, FOLLOW_UPS, desk);
    return r;
  }
  // The checklist: everything on the first visit, or some missing / expired until a later one.
  const atOnce = fate !== 'incomplete' && random() < 0.5;
  const first = clock.after(o.opened, 0, random);
  if (!first) return r;
  const extras = o.optional.filter((d) => !d.hasExpiry && !o.service.required.some((x) => x.id === d.id));
  const extra = extras.length && random() < 0.1 ? pick(extras, random) : null;
  let complete: { di: number; at: number } | null = atOnce ? first : clock.after(first, randInt(random, 1, 15), random);
  if (fate === 'incomplete') complete = null;
  const validOn = complete ? clock.days[complete.di]! : openedDay;
  const lacking = complete && atOnce ? -1 : randInt(random, 0, o.service.required.length - 1);
  const lackingExpired = lacking >= 0 && o.service.required[lacking]!.hasExpiry && random() < 0.6;
  o.service.required.forEach((d, i) => {
    const missingNow = i === lacking && !complete;
    const dates = documentDates(d.code, d.hasExpiry, openedDay, random, validOn, i === lacking && lackingExpired && !complete ? openedDay : undefined);
    const provided = !(missingNow && !lackingExpired);
    r.documents.push({
      typeId: d.id,
      provided,
      issueDate: provided ? dates.issueDate : null,
      expiryDate: provided ? dates.expiryDate : null,
      at: i === lacking && complete ? complete.at : first.at,
    });
  });
  if (extra) r.documents.push({ typeId: extra.id, provided: true, issueDate: addDays(openedDay, -randInt(random, 0, 300)), expiryDate: null, at: first.at });
  if (atOnce) {
    r.events.push([first.at, r.openedBy, 'documents', 'draft', 'complete', null]);
    r.state = 'complete';
  } else {
    r.events.push([first.at, r.openedBy, 'documents', 'draft', 'incomplete', null]);
    r.state = 'incomplete';
    if (complete) {
      r.events.push([complete.at, desk(), 'documents', 'incomplete', 'complete', null]);
      r.state = 'complete';
    }
  }
  if (!complete) {
    notes(first, budget - r.events.length, FOLLOW_UPS, desk);
    return r;
  }
  // The declaration, signed at the desk the day the file is complete.
  const signed = fate === 'submit' || random() < 0.5 ? clock.after(complete, 0, random) : null;
  if (signed) {
    const witness = desk();
    r.signature = { at: signed.at, witness };
    r.events.push([signed.at, witness, 'declaration', null, null, 'v1']);
  }
  if (fate === 'complete') notes(signed ?? complete, budget - r.events.length, FOLLOW_UPS, desk);
  if (fate !== 'submit' || !signed) return r;

  // Lifecycle steps left, to know how many extras fit in the budget.
  const g = random();
  const end = g < 0.22 ? 'rejected' : g < 0.23 ? 'accepted' : g < 0.25 ? 'registered' : g < 0.29 ? 'served' : 'closed';
  const steps = { rejected: 1, accepted: 1, registered: 2, served: 3, closed: 4 }[end] + 1;
  let at = signed;
  // A referral to a social researcher before submission, answered a few days later (when its three
  // events still fit in ten).
  if (r.events.length + steps + 3 <= 10 && random() < 0.3) {
    const referred = clock.after(at, 0, random);
    if (!referred) return r;
    const researcher = pick(staff.researchers, random);
    r.referredTo = random() < 0.8 ? researcher : null;
    r.referralQuestion = REFERRAL_QUESTION;
    r.referralOpen = true;
    r.events.push([referred.at, r.openedBy, 'refer', null, null, REFERRAL_QUESTION]);
    const answered = clock.after(referred, randInt(random, 1, 8), random);
    if (!answered) return r;
    r.referralOpen = false;
    r.events.push([answered.at, researcher, 'note', null, null, pick(STUDY_NOTES, random)]);
    r.events.push([answered.at + 1000, researcher, 'referral_answered', null, null, 'تمت الإجابة على الإحالة']);
    at = answered;
  }
  let spare = budget - r.events.length - steps;
  // Scans of some documents (and of the signed declaration) while there is room on the timeline.
  for (const d of r.documents) {
    if (spare <= 0 || !d.provided || random() > 0.35 || d.at > at.at) continue;
    const fileName = `scan-${r.number}-${d.typeId}.${random() < 0.6 ? 'pdf' : 'jpg'}`;
    r.attachments.push({ typeId: d.typeId, purpose: 'document', fileName, at: d.at + 30_000, by: r.openedBy });
    spare--;
  }
  if (spare > 0 && random() < 0.3) {
    r.attachments.push({ typeId: null, purpose: 'declaration', fileName: `declaration-${r.number}.pdf`, at: signed.at + 30_000, by: r.signature!.witness });
    spare--;
  }
  // Timeline events for the scans, in time order with the rest.
  for (const a of r.attachments) r.events.push([a.at, a.by, 'attach', null, null, a.fileName]);
  r.events.sort((x, y) => x[0] - y[0]);

  const submitted = clock.after(at, randInt(random, 0, 3), random);
  if (!submitted) return r;
  const submissionDay = clock.days[submitted.di]!;
  r.state = 'submitted';
  r.submittedAt = submitted.at;
  r.submissionDay = submissionDay;
  r.expectedAnswerDate = addDays(submissionDay, 14);
  r.events.push([submitted.at, desk(), 'submit', 'complete', 'submitted', null]);
  if (spare > 0 && random() < 0.5) {
    const study = clock.after(submitted, randInt(random, 1, 4), random);
    if (!study) return r;
    r.events.push([study.at, pick(staff.researchers, random), 'note', null, null, pick(STUDY_NOTES, random)]);
    at = study;
  } else {
    at = submitted;
  }
  // The committee: mostly within the 14 days (10 business days), one in five later.
  const delay = random() < 0.8 ? randInt(random, 2, 9) : randInt(random, 11, 30);
  const decided = clock.after(submitted, Math.max(delay, at.di - submitted.di + 1), random);
  if (!decided) return r;
  const supervisor = pick(staff.supervisors, random);
  r.decidedAt = decided.at;
  r.decidedBy = supervisor;
  if (end === 'rejected') {
    r.state = 'rejected';
    r.decision = 'rejected';
    r.decisionReason = pick(REJECTIONS, random);
    r.events.push([decided.at, supervisor, 'reject', 'submitted', 'rejected', r.decisionReason]);
    return r;
  }
  r.state = 'accepted';
  r.decision = 'accepted';
  r.decisionReason = random() < 0.5 ? 'مستحق وفق دراسة الحالة' : null;
  r.approvedAmount = requested === null ? null : Math.min(requested, 50 * randInt(random, 10, 120));
  r.aidDescription = cash ? null : SERVICE_GIVEN[code]!;
  r.events.push([decided.at, supervisor, 'accept', 'submitted', 'accepted', r.decisionReason]);
  if (end === 'accepted') return r;
  const registered = clock.after(decided, randInt(random, 0, 5), random);
  if (!registered) return r;
  r.state = 'registered';
  r.registeredAt = registered.at;
  r.events.push([registered.at, desk(), 'register', 'accepted', 'registered', `F-${String(r.beneficiaryId).padStart(6, '0')}`]);
  if (end === 'registered') return r;
  const delivered = clock.after(registered, randInt(random, 1, 15), random);
  if (!delivered) return r;
  const by = desk();
  r.state = 'served';
  r.serviceDescription = SERVICE_GIVEN[code]!;
  r.serviceAmount = r.approvedAmount;
  r.deliveredOn = clock.days[delivered.di]!;
  r.deliveredBy = by;
  r.events.push([delivered.at, by, 'deliver', 'registered', 'served', r.serviceDescription]);
  if (end === 'served') return r;
  const closed = clock.after(delivered, randInt(random, 0, 5), random);
  if (!closed) return r;
  r.state = 'closed';
  r.closedAt = closed.at;
  r.events.push([closed.at, by, 'close', 'served', 'closed', null]);
  return r;
}

/** "1447-00042": the Hijri year of the opening day and a sequence within that year, as openRequest numbers them. */
export function requestNumberer(seed: Record<number, number> = {}) {
  const seq = new Map<number, number>(Object.entries(seed).map(([y, n]) => [Number(y), n]));
  const yearOf = new Map<string, number>();
  return (day: string) => {
    let year = yearOf.get(day);
    if (year === undefined) yearOf.set(day, (year = toHijri(day).year));
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    return `${year}-${String(n).padStart(5, '0')}`;
  };
}

function insertRequests(core: Core, today: string, staff: Staff, openers: Opener[][], random: Random, log: Log): Record<string, number> {
  const raw = asSqliteStore(core.store).raw;
  const catalogue = readCatalogue(raw);
  const write = requestWriter(raw, catalogue.declarationVersionId);
  const clock = new BusinessClock(addDays(today, -365 * SIZES.years), today);
  const historicDays = clock.days.length - 1; // requests are opened on the days before today
  const serviceWeights = catalogue.services.map((s): [string, number] => [s.code, SERVICE_WEIGHTS[s.code] ?? 5]);
  const serviceByCode = new Map(catalogue.services.map((s) => [s.code, s]));
  // Requests per day: that day's new-request visits first, the rest from the other channels.
  const weights = Array.from({ length: historicDays }, () => 0.7 + 0.6 * random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const perDay = weights.map((w) => Math.floor((SIZES.requests * w) / sum));
  let rest = SIZES.requests - perDay.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 7) % perDay.length, rest--) perDay[i]!++;
  const number = requestNumberer();
  const n = SIZES.beneficiaries;
  const t0 = Date.now();
  let done = 0;
  let linked = 0;
  let nextReport = 50_000;
  const DAYS_PER_TX = 100;
  for (let start = 0; start < historicDays; start += DAYS_PER_TX) {
    raw.transaction(() => {
      for (let di = start; di < Math.min(historicDays, start + DAYS_PER_TX); di++) {
        const day = clock.days[di]!;
        const fromVisits = (openers[di] ?? []).slice(0, perDay[di]!);
        const era = Math.floor((di / historicDays) * 3);
        const deskStaff = [staff.receptionists[(era * 2) % 6]!, staff.receptionists[(era * 2 + 1) % 6]!];
        const maxBeneficiary = Math.floor(n * (0.3 + (0.7 * (di + 1)) / historicDays));
        const open = Date.parse(`${day}T05:00:00Z`);
        const plans = [
          ...fromVisits.map((v) => ({ ...v, channel: 'interview' })),
          ...Array.from({ length: perDay[di]! - fromVisits.length }, () => ({
            visitId: null,
            beneficiaryId: Math.min(maxBeneficiary, 1 + Math.floor(maxBeneficiary * Math.sqrt(random()))),
            at: open + Math.floor(random() * 7 * 3600_000),
            by: pick(deskStaff, random),
            channel: weighted(OTHER_CHANNELS, random),
          })),
        ].sort((a, b) => a.at - b.at);
        for (const p of plans) {
          const service = serviceByCode.get(weighted(serviceWeights, random))!;
          const spec = planRequest(
            { number: number(day), beneficiaryId: p.beneficiaryId, service, optional: catalogue.documents, channel: p.channel, visitId: p.visitId, opened: { di, at: p.at }, openedBy: p.by },
            clock,
            { desk: deskStaff, researchers: staff.researchers, supervisors: staff.supervisors },
            random,
          );
          write(spec);
          if (p.visitId !== null) linked++;
          done++;
        }
      }
    })();
    if (done >= nextReport || start + DAYS_PER_TX >= historicDays) {
      progress(log, 'requests', done, SIZES.requests, t0);
      nextReport = Math.floor(done / 50_000 + 1) * 50_000;
    }
  }
  // S6: whoever had a request registered has a file number (the same "F-000123" form as the register's).
  raw
    .prepare(
      `UPDATE beneficiaries SET file_number = 'F-' || printf('%06d', id), registered_at = coalesce(registered_at, updated_at)
       WHERE file_number IS NULL AND id IN (SELECT beneficiary_id FROM requests WHERE registered_at IS NOT NULL)`,
    )
    .run();
  const states: Record<string, number> = {};
  for (const { state, n: k } of raw.prepare('SELECT state, count(*) AS n FROM requests GROUP BY state ORDER BY n DESC').all() as { state: string; n: number }[]) states[state] = k;
  states.overdue = (raw.prepare(`SELECT count(*) AS n FROM requests WHERE state = 'submitted' AND expected_answer_date < ?`).get(today) as { n: number }).n;
  states.openReferrals = (raw.prepare('SELECT count(*) AS n FROM requests WHERE referral_open = 1').get() as { n: number }).n;
  log(`  requests: ${linked.toLocaleString('en')} opened at a desk visit; ${Object.entries(states).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  return states;
}
