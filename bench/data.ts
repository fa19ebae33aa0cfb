/**
 * The bench store: ten years of a busy association, generated once and cached in bench/.data/.
 * The store is created through createCore (so the real migrations build the schema), the staff
 * through the real operations, and the bulk rows with prepared better-sqlite3 statements in big
 * transactions; the FTS triggers fill the name index.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, STORE_FILE_NAME, type Core } from '../electron/core/core';
import { mobileFor, nationalIdFor, seededRandom, pick } from '../electron/core/demo/arabic-names';
import { businessDay } from '../shared/dates/calendar';
import { CHANNELS } from '../shared/domain/channels';
import { normalizeArabic } from '../shared/text/normalize-arabic';
import { personWithVariants, type Random } from './names';

/** Raise this when the generator changes; a change to the migrations regenerates by itself (see cacheKey). */
export const BENCH_DATA_VERSION = 2;

export const SIZES = {
  beneficiaries: 200_000,
  historicVisits: 1_000_000,
  years: 10,
  todayVisits: 300,
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
  return SIZES.beneficiaries === 200_000 && SIZES.historicVisits === 1_000_000 ? 'store-v' : 'small-store-v';
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
function pickReason(random: Random): [string, string] {
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

  const raw = core.store.raw;
  // Bulk-load settings for this connection only; the store is reopened normally afterwards.
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1000000');
  raw.pragma('temp_store = MEMORY');

  const random = seededRandom(20_240_214);
  insertBeneficiaries(core, today, staff, random, log);
  const historic = insertHistoricVisits(core, today, staff, random, log);
  const todayCount = insertTodayVisits(core, today, staff, random);
  log(`  today (${today}): ${todayCount} visits in every state`);

  log('  optimising the name index and checkpointing …');
  raw.exec(`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('optimize')`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const integrity = raw.pragma('quick_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`generated store fails quick_check: ${String(integrity)}`);
  const counts: Record<string, number> = {};
  for (const t of ['beneficiaries', 'visits', 'visit_events', 'users', 'audit']) {
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
    fileBytes: statSync(join(dir, STORE_FILE_NAME)).size,
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
  return { dir, meta };
}

interface Staff {
  admin: number;
  receptionists: number[];
  researchers: number[];
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
  const staff: Staff = { admin, receptionists: [], researchers: [] };
  for (const [username, fullName, role] of people) {
    const u = await call('users.create', { username, fullName, role, password: BENCH_PASSWORD });
    (role === 'receptionist' ? staff.receptionists : role === 'researcher' ? staff.researchers : []).push(u.id!);
  }
  log(`  staff: ${people.length + 1} users through auth.setup / users.create`);
  return staff;
}

function progress(log: Log, what: string, done: number, total: number, t0: number) {
  const s = (Date.now() - t0) / 1000;
  log(`  ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}  (${s.toFixed(1)} s)`);
}

function insertBeneficiaries(core: Core, today: string, staff: Staff, random: Random, log: Log) {
  const raw = core.store.raw;
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

interface VisitRow {
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

function visitWriter(core: Core) {
  const raw = core.store.raw;
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
  };
}

/** A visitor of that day: mostly returning beneficiaries registered by then, newer ones more often. */
function visitor(random: Random, maxBeneficiary: number) {
  if (random() < 0.1) {
    const { base } = personWithVariants(random);
    return { beneficiaryId: null, visitorName: `${base.firstName} ${base.familyName}`, visitorMobile: mobileFor(Math.floor(random() * 49_999_999)) };
  }
  const id = 1 + Math.floor(maxBeneficiary * Math.sqrt(random()));
  return { beneficiaryId: Math.min(id, maxBeneficiary), visitorName: null, visitorMobile: null };
}

function insertHistoricVisits(core: Core, today: string, staff: Staff, random: Random, log: Log): number {
  const raw = core.store.raw;
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
          write(
            {
              day,
              desk,
              seq: ++seq[desk]!,
              ...visitor(random, maxBeneficiary),
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
          done++;
        }
      }
    })();
    if (done >= nextReport || start + DAYS_PER_TX >= days.length) {
      progress(log, 'visits', done, SIZES.historicVisits, t0);
      nextReport = Math.floor(done / 100_000 + 1) * 100_000;
    }
  }
  return done;
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
  core.store.raw.transaction(() => {
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
