/**
 * The core through core.dispatch (a signed-in desk session), each case beside the bare prepared
 * better-sqlite3 statements that do the same lookup on the same connection — the ratio is our own
 * overhead (session and settings lookup, zod, Kysely compiling and preparing, the view mapping).
 */
import { randomUUID } from 'node:crypto';
import { asSqliteStore, type SqliteStore } from '../electron/core/store/sqlite/open-sqlite-store';
import { createCore, type Core } from '../electron/core/core';
import { seededRandom } from '../electron/core/demo/arabic-names';
import { selectRequestSummaries } from '../electron/core/requests/request-summaries';
import { BOARD_DAYS } from '@shared/contract/board';
import { COMMITTEE_PAGE } from '@shared/contract/requests';
import { addDays } from '@shared/dates/calendar';
import { toHijri } from '@shared/dates/hijri';
import { benchPrinting } from './printing-bench';
import { benchLongWork } from './long-work-bench';
import { benchRegisterExport } from './register-bench';
import { BENCH_PASSWORD, BENCH_USER, noonOf, readCatalogue, requestNumberer, requestWriter, type RequestSpec, type StoreMeta } from './data';
import { oneFragment, twoFragments, typedMobile, type Random } from './names';
import { timePair, type Row, type TimeOptions } from './stats';
import { recordStatements, type RecordedStatement as Executed } from '../tests/helpers/sql';

/** The targets of docs/performance.md (p95, ms). */
export const TARGETS = { idOrMobile: 1, name: 5, queue: 2, mutation: 2, request: 3, rendererSearch: 50, rendererQueue: 50, board: 50 };

export interface CoreBenchOptions {
  dataDir: string;
  meta: StoreMeta;
  quick: boolean;
  /** Only the long-work rows (a 16,000-visit register beside the queue). */
  longWorkOnly?: boolean;
  /** Only the register's month exported as XLSX. */
  registerOnly?: boolean;
  /** Only the supervisor's board. */
  boardOnly?: boolean;
  /** Only the rows the PostgreSQL store has too (`--store postgres`): no documents, submission or long work. */
  storeRowsOnly?: boolean;
  log: (line: string) => void;
}

type BeneficiaryRow = { id: number; first_name: string; father_name: string; grandfather_name: string; family_name: string; id_number: string; mobile: string | null };

/**
 * The dispatcher's own look-ups before any handler runs (settings, the signed-in user, and whether
 * they may have changed since it last read them): part of our overhead, not of "the statement underneath".
 */
const DISPATCHER_PRELUDE = [
  /^select "key", "value" from "settings"/i,
  // The signed-in user, with whatever else the dispatcher checks on it (password version, forced change).
  /^select "id", "username", "full_name", "role", "active"(, "[a-z_]+")* from "users" where "id" = \?$/i,
  // Whether those may have changed since the last call (the store's changeMark, ownChanges).
  /^pragma data_version$/i,
  /^select total_changes\(\)$/i,
];

/** The statements under one core call, without the dispatcher's own look-ups. */
async function recordCall(raw: SqliteStore['raw'], fn: () => Promise<unknown>): Promise<Executed[]> {
  return (await recordStatements(raw, fn)).filter((e) => !DISPATCHER_PRELUDE.some((re) => re.test(e.sql.trim())));
}

/** Replays recorded executions with statements prepared once: the bare SQL under a core call. */
function replayer(raw: SqliteStore['raw']) {
  const prepared = new Map<string, ReturnType<typeof raw.prepare>>();
  return (list: Executed[]) => {
    let out: unknown;
    for (const e of list) {
      const key = `${e.arrays ? 'arrays' : 'objects'}:${e.sql}`;
      let stmt = prepared.get(key);
      if (!stmt) prepared.set(key, (stmt = e.arrays ? raw.prepare(e.sql).raw(true) : raw.prepare(e.sql)));
      out = (stmt[e.method] as (...a: unknown[]) => unknown)(...e.params);
    }
    return out;
  };
}

export async function benchCore(opts: CoreBenchOptions): Promise<Row[]> {
  // The store's "today" at noon, moving with the real clock so arrival times still differ.
  const t0 = Date.now();
  const base = noonOf(opts.meta.today).getTime();
  const core = await createCore({ dataDir: opts.dataDir, now: () => new Date(base + (Date.now() - t0)) });
  try {
    return await runCases(core, opts);
  } finally {
    await core.close();
  }
}

async function runCases(core: Core, opts: CoreBenchOptions): Promise<Row[]> {
  const { log, quick } = opts;
  const raw = asSqliteStore(core.store).raw;
  const sid = core.createSession();
  const dispatch = async (op: string, input: unknown) => {
    const r = await core.dispatch(op, input, sid);
    if (!r.ok) throw new Error(`${op} ${JSON.stringify(input)}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await dispatch('auth.signIn', { username: BENCH_USER, password: BENCH_PASSWORD, deskId: 1 });
  const longWork = () => benchLongWork({ core, today: opts.meta.today, quick, deskSid: sid, log });
  if (opts.longWorkOnly) return longWork();
  const registerExport = () => benchRegisterExport({ core, today: opts.meta.today, quick, log });
  if (opts.registerOnly) return registerExport();

  // A few thousand calls before the JIT has settled the core's longer paths (the dispatcher, Kysely):
  // with 300, the first read case timed the compiler, not the desk of a running day.
  const reads: TimeOptions = quick ? { warmup: 50, reps: 300 } : { warmup: 3000, reps: 3000 };
  const writes: TimeOptions = quick ? { warmup: 20, reps: 150 } : { warmup: 50, reps: 500 };

  // Realistic inputs: random beneficiaries of the store, typed as people type them.
  const random: Random = seededRandom(7);
  const count = (raw.prepare('SELECT max(id) AS n FROM beneficiaries').get() as { n: number }).n;
  const getPerson = raw.prepare('SELECT id, first_name, father_name, grandfather_name, family_name, id_number, mobile FROM beneficiaries WHERE id = ?');
  const people: BeneficiaryRow[] = Array.from({ length: 1000 }, () => getPerson.get(1 + Math.floor(random() * count)) as BeneficiaryRow);
  const asPerson = (p: BeneficiaryRow) => ({ firstName: p.first_name, fatherName: p.father_name, grandfatherName: p.grandfather_name, familyName: p.family_name });
  const idQueries = people.map((p) => p.id_number);
  const mobileQueries = people.filter((p) => p.mobile).map((p) => ({ typed: typedMobile(p.mobile!, random), e164: p.mobile! }));
  const oneQueries = people.map((p) => oneFragment(asPerson(p), random));
  const twoQueries = people.map((p) => twoFragments(asPerson(p), random));
  const at = <T>(list: T[], i: number) => list[i % list.length]!;

  const rows: Row[] = [];
  const explain = (sql: string, params: unknown[]) =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail);
  let plan: string[] = [];
  /** The plans of the statements under the next case (for --explain). */
  const plans = (...statements: [string, unknown[]][]) => {
    plan = statements.flatMap(([sql, params]) => [`${sql.replace(/\s+/g, ' ').slice(0, 110)}…`, ...explain(sql, params).map((d) => `    ${d}`)]);
  };
  const replay = replayer(raw);
  /**
   * A read case: each distinct input is first run once through the core while its statements are
   * recorded (and their plans kept for --explain); then the core is timed, and beside it the replay
   * of the recorded statements.
   */
  const measureRead = async (
    name: string,
    targetP95: number,
    inputs: unknown[],
    op: string,
    check: (value: unknown) => void,
    o: TimeOptions,
    note?: string,
    session = sid,
  ) => {
    const call = async (input: unknown) => {
      const r = await core.dispatch(op, input, session);
      if (!r.ok) throw new Error(`${op} ${JSON.stringify(input)}: ${r.error.code} ${r.error.message}`);
      check(r.value);
    };
    const recorded: Executed[][] = [];
    for (const input of inputs) recorded.push(await recordCall(raw, () => call(input)));
    if (recorded.some((r) => r.length === 0)) throw new Error(`${name}: the core ran no SQL for some input`);
    const first = recorded[0]!;
    plans(...first.filter((e) => /^\s*(select|with)/i.test(e.sql)).map((e): [string, unknown[]] => [e.sql, e.params]));
    await measure(
      name,
      targetP95,
      (i) => call(at(inputs, i)),
      (i) => replay(at(recorded, i)),
      o,
      note,
    );
  };
  const measure = async (name: string, targetP95: number, core_: (i: number) => Promise<unknown>, bare: (i: number) => unknown, o: TimeOptions, note?: string) => {
    log(`  ${name} …`);
    await dispatch('auth.touch', {}); // a long read-only stretch must not lock the session
    const { core: c, bare: b } = await timePair(core_, bare, o);
    rows.push({ name, core: c, bare: b, targetP95, note, plan });
    plan = [];
  };

  // --- the supervisor's board: the hall now, the desks, today so far, the committee's
  // backlog and the last 30 days (about 11,000 visits), read as a supervisor (super1) at desk R.
  const board = async () => {
    const supervisorSid = core.createSession();
    const signedIn = await core.dispatch('auth.signIn', { username: 'super1', password: BENCH_PASSWORD, deskId: 3 }, supervisorSid);
    if (!signedIn.ok) throw new Error(`super1 sign-in: ${signedIn.error.message}`);
    const today = opts.meta.today;
    const from = addDays(today, -(BOARD_DAYS - 1));
    const inRange = (raw.prepare('SELECT count(*) AS n FROM visits WHERE day >= ? AND day <= ?').get(from, today) as { n: number }).n;
    await measureRead(
      "supervisor's board (board.today)",
      TARGETS.board,
      [{}],
      'board.today',
      (value) => {
        const days = (value as { days: { visits: number }[] }).days;
        const counted = days.reduce((n, d) => n + d.visits, 0);
        if (days.length !== BOARD_DAYS || counted !== inRange) throw new Error(`board counts ${counted} visits over ${days.length} days, expected ${inRange}`);
      },
      quick ? { warmup: 5, reps: 50 } : { warmup: 30, reps: 300 },
      `${inRange.toLocaleString('en')} visits in the last ${BOARD_DAYS} days; the issue's target`,
      supervisorSid,
    );
  };
  if (opts.boardOnly) {
    await board();
    return rows;
  }

  // The bare side of every read case is the replay of the statements the core itself ran for that
  // input (recorded once beforehand), minus the dispatcher's session and settings look-ups.
  const search = (text: string) => ({ text });
  await measureRead('search: national ID', TARGETS.idOrMobile, idQueries.map(search), 'beneficiaries.search', expectHit('id'), reads);
  await measureRead('search: mobile', TARGETS.idOrMobile, mobileQueries.map((m) => search(m.typed)), 'beneficiaries.search', expectHit('mobile'), reads);
  await measureRead('search: one name fragment', TARGETS.name, oneQueries.map(search), 'beneficiaries.search', expectHit('name'), reads);
  await measureRead('search: two name fragments', TARGETS.name, twoQueries.map(search), 'beneficiaries.search', expectHit('name'), reads);

  // --- today's queue
  const today = opts.meta.today;
  const todayCount = (raw.prepare('SELECT count(*) AS n FROM visits WHERE day = ?').get(today) as { n: number }).n;
  await measureRead(
    `today's queue (${todayCount} visits)`,
    TARGETS.queue,
    [{}],
    'visits.queue',
    (value) => {
      const n = (value as { visits: unknown[] }).visits.length;
      if (n !== todayCount) throw new Error(`queue has ${n} visits, expected ${todayCount}`);
    },
    reads,
  );

  // --- the researcher's list (S3). docs/performance.md has no row for it; it is a list screen like the
  // queue, so it is held to the queue's target.
  const researcherSid = core.createSession();
  const signedIn = await core.dispatch('auth.signIn', { username: 'research1', password: BENCH_PASSWORD, deskId: 3 }, researcherSid);
  if (!signedIn.ok) throw new Error(`research1 sign-in: ${signedIn.error.message}`);
  await measureRead(
    "researcher's referrals list",
    TARGETS.queue,
    [{}],
    'visits.referrals',
    () => {},
    quick ? { warmup: 3, reps: 20 } : { warmup: 10, reps: 100 },
    'docs/performance.md has no row for this list; held to the queue target',
    researcherSid,
  );

  // --- open a support request: the request page (loadRequestView: the request, its summary line,
  // the person, documents checklist as of its day, scans, declaration, timeline).
  const maxRequest = (raw.prepare('SELECT max(id) AS n FROM requests').get() as { n: number | null }).n ?? 0;
  if (maxRequest === 0) throw new Error('the store has no support requests: regenerate it (--regenerate)');
  const requestIds = Array.from({ length: 1000 }, () => 1 + Math.floor(random() * maxRequest));
  const eventCount = (raw.prepare(`SELECT avg(n) AS a FROM (SELECT count(*) AS n FROM request_events WHERE request_id IN (${requestIds.join(',')}) GROUP BY request_id)`).get() as { a: number }).a;
  await measureRead(
    'open a request (documents + timeline)',
    TARGETS.request,
    requestIds.map((requestId) => ({ requestId })),
    'requests.get',
    (value) => {
      const v = value as { events: unknown[]; documents: unknown[] };
      if (!v.events.length) throw new Error('a request without its timeline');
    },
    reads,
    `1,000 random requests of ${maxRequest.toLocaleString('en')}, ${eventCount.toFixed(1)} events each on average`,
  );

  // --- the committee's list (S5): submitted and undecided, oldest first, overdue flagged (docs/design.md "A support request")
  // has no row for it; a list screen like the queue, so held to the queue's target. Signed in as the
  // committee (a supervisor).
  const committeeSid = core.createSession();
  const superIn = await core.dispatch('auth.signIn', { username: 'super1', password: BENCH_PASSWORD, deskId: 3 }, committeeSid);
  if (!superIn.ok) throw new Error(`super1 sign-in: ${superIn.error.message}`);
  const awaiting = (raw.prepare(`SELECT count(*) AS n FROM requests WHERE state = 'submitted'`).get() as { n: number }).n;
  const overdue = (raw.prepare(`SELECT count(*) AS n FROM requests WHERE state = 'submitted' AND expected_answer_date < ?`).get(today) as { n: number }).n;
  // The committee opens its list on the first page (the oldest, so the overdue first) beside the
  // counts of all awaiting requests: two calls, each timed.
  const firstPage = Math.min(COMMITTEE_PAGE, awaiting);
  await measureRead(
    `committee's list (first ${firstPage} of ${awaiting})`,
    TARGETS.queue,
    [{}],
    'requests.committee',
    (value) => {
      const list = value as { overdue: boolean }[];
      if (list.length !== firstPage) throw new Error(`committee page has ${list.length}, expected ${firstPage}`);
      if (list.filter((r) => r.overdue).length !== Math.min(overdue, firstPage)) throw new Error('committee page: overdue rows differ');
    },
    quick ? { warmup: 10, reps: 100 } : { warmup: 50, reps: 500 },
    `${awaiting} awaiting, ${overdue} of them overdue, a page of ${COMMITTEE_PAGE} at a time; docs/performance.md has no row for this list, held to the queue target`,
    committeeSid,
  );
  await measureRead(
    "committee's counts (awaiting, overdue)",
    TARGETS.queue,
    [{}],
    'requests.committeeCounts',
    (value) => {
      const counts = value as { awaiting: number; overdue: number };
      if (counts.awaiting !== awaiting || counts.overdue !== overdue) throw new Error(`committee counts ${JSON.stringify(counts)}, expected ${awaiting} / ${overdue}`);
    },
    quick ? { warmup: 10, reps: 100 } : { warmup: 50, reps: 500 },
    'shown above the list; held to the queue target',
    committeeSid,
  );

  await board();

  // --- printed documents: request form, declaration, receipt, and the register of today's
  // visits — here, before the check-ins below add to today. The bare side is the document function
  // alone on the inputs the handler builds (bench/printing-bench.ts).
  if (!opts.storeRowsOnly) await benchPrinting({
    core,
    today,
    quick,
    deskSid: sid,
    call: async (op, input, session) => {
      const r = await core.dispatch(op, input, session);
      if (!r.ok) throw new Error(`${op} ${JSON.stringify(input).slice(0, 200)}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    measure: (name, target, core_, bare_, o, note) => measure(name, target, core_, bare_, o, note),
    record: async (fn) => {
      const ran = await recordCall(raw, fn);
      plans(...ran.filter((e) => /^\s*(select|with)/i.test(e.sql)).map((e): [string, unknown[]] => [e.sql, e.params]));
    },
  });

  // --- check-in: one write transaction (BEGIN IMMEDIATE), the visit, its event, the audit row
  const bare = bareWrites(core);
  const beneficiaryAt = (i: number) => at(people, i * 7).id;
  const reasons = ['inquiry', 'follow_up', 'new_request', 'receive_aid'];
  // Writes cannot be replayed (a ticket is issued once), so their bare side is a hand-written mirror
  // of the handler (bareWrites below). One recorded core call shows whether the handler has drifted.
  const mirrorNote = async (what: string, mirrored: number, call: () => Promise<unknown>) => {
    const ran = (await recordCall(raw, call)).filter((e) => !/^\s*(begin|commit|rollback)/i.test(e.sql));
    plans(...ran.filter((e) => /^\s*select/i.test(e.sql)).map((e): [string, unknown[]] => [e.sql, e.params]));
    return ran.length === mirrored
      ? undefined
      : `the core now runs ${ran.length} statements for a ${what}, the bare mirror ${mirrored}: update bareWrites() in bench/core-bench.ts`;
  };
  // `again`: the same people come back in the loop (and some have a ticket today already); the core looks
  // for today's ticket whether or not the check-in is confirmed, so the confirmed path costs the same.
  // Each with a key of its own, as the desk's form sends (a press repeated answers the ticket it issued).
  const checkInDrift = await mirrorNote('check-in', 4, () => dispatch('visits.checkIn', { beneficiaryId: beneficiaryAt(0), reason: 'inquiry', again: true, clientKey: randomUUID() }));
  await measure(
    'check-in (transaction + audit)',
    TARGETS.mutation,
    (i) => dispatch('visits.checkIn', { beneficiaryId: beneficiaryAt(i), reason: reasons[i % 4], again: true, clientKey: randomUUID() }),
    (i) => bare.checkIn(beneficiaryAt(i + 1), reasons[i % 4]!, today),
    writes,
    checkInDrift,
  );

  // --- call-next: the oldest waiting visitor to this desk
  const waiting = (raw.prepare(`SELECT count(*) AS n FROM visits WHERE day = ? AND state = 'waiting'`).get(today) as { n: number }).n;
  const needed = 2 * (writes.warmup + writes.reps);
  if (waiting < needed) throw new Error(`only ${waiting} visitors wait, call-next needs ${needed}`);
  // One desk calls hundreds without finishing any: confirmed (the serving lookup runs either way).
  const callNext = async () => {
    if (!(await dispatch('visits.callNext', { alsoWhileServing: true }))) throw new Error('callNext found nobody waiting');
  };
  const callNextDrift = await mirrorNote('call-next', 5, callNext);
  await measure('call-next (transaction + audit)', TARGETS.mutation, callNext, () => bare.callNext(today), writes, callNextDrift);

  if (opts.storeRowsOnly) return withJournalNotes(rows, raw);

  // --- submit a request to the committee (S5): the documents-validity check as of today and the
  // declaration, then the move, its event, the request page for the answer and the audit row. On
  // the run copy, complete requests with signed declarations are prepared first, one per call.
  const submissions = prepareCompleteRequests(core, today, 2 * (writes.warmup + writes.reps) + 1);
  const forCore = submissions.slice(0, writes.warmup + writes.reps + 1);
  const forBare = submissions.slice(writes.warmup + writes.reps + 1);
  const submit = async (requestId: number) => {
    const v = (await dispatch('requests.submit', { requestId })) as { state: string };
    if (v.state !== 'submitted') throw new Error(`request ${requestId} is ${v.state} after submit`);
  };
  const submitDrift = await mirrorNote('submission', BARE_SUBMIT_STATEMENTS, () => submit(forCore[forCore.length - 1]!));
  await measure(
    'submit a request (validity check + audit)',
    TARGETS.mutation,
    (i) => submit(forCore[i]!),
    (i) => bare.submit(forBare[i]!, today),
    writes,
    [submitDrift, `docs/performance.md has no row for it; held to the check-in target. ${submissions.length} complete requests prepared with signed declarations`]
      .filter(Boolean)
      .join('; '),
  );

  // Before the long work: its busy day may fall in the month the register exports.
  rows.push(...(await registerExport()));

  // Last: its busy day adds 16,000 visits (and their people's last visits) that no row above should read.
  rows.push(...(await longWork()));

  return withJournalNotes(rows, raw);
}

/** The write rows say how durable a commit was. */
function withJournalNotes(rows: Row[], raw: SqliteStore['raw']): Row[] {
  const journal = raw.pragma('journal_mode', { simple: true });
  const sync = raw.pragma('synchronous', { simple: true });
  for (const r of rows.filter((r) => /\(transaction \+ audit\)|\(validity check \+ audit\)/.test(r.name))) {
    r.note = [r.note, `journal_mode=${String(journal)}, synchronous=${String(sync)} (2 = FULL: an fsync on every commit)`].filter(Boolean).join('; ');
  }
  return rows;
}

/** The search must have found the person by the way it was asked (an ID hit, a mobile hit, a name hit). */
const expectHit = (match: string) => (value: unknown) => {
  const hits = value as { match: string }[];
  if (!hits.length || !hits.some((h) => h.match === match)) throw new Error(`search found no ${match} hit`);
};

/** The same statements check-in and call-next run, prepared once, in one BEGIN IMMEDIATE transaction. */
function bareWrites(core: Core) {
  const raw = asSqliteStore(core.store).raw;
  // The desk, the beneficiary, the desk's last ticket and the beneficiary's ticket of the day in one statement (check-in.ts: checkInFacts).
  const facts = raw.prepare(`SELECT d.ticket_prefix, d.name AS desk_name, b.id AS beneficiary_id, b.full_name AS beneficiary_name,
    b.mobile AS beneficiary_mobile, (SELECT max(v.seq) FROM visits v WHERE v.day = ? AND v.desk_id = d.id) AS last_seq,
    (SELECT tv.id FROM visits tv WHERE tv.day = ? AND tv.beneficiary_id = ? AND tv.state != 'cancelled'
      ORDER BY CASE WHEN tv.state IN ('waiting', 'serving', 'referred') THEN 0 ELSE 1 END, tv.arrived_at DESC, tv.id DESC LIMIT 1) AS today_visit_id,
    (SELECT ev.id FROM visits ev WHERE ev.client_key = ?) AS earlier_visit_id, (SELECT coalesce(max(id), 0) + 1 FROM visits) AS new_visit_id
    FROM desks d LEFT JOIN beneficiaries b ON b.id = ? WHERE d.id = ?`);
  // The new visit's id came with the facts: the answer is built from what is written, not read back.
  const insertVisit = raw.prepare(`INSERT INTO visits
    (id, day, desk_id, seq, ticket, beneficiary_id, visitor_name, visitor_mobile, reason, channel, state, arrived_at, called_at, ended_at,
     served_by, serving_desk_id, referred_to, referral_note, outcome, outcome_note, inquiry, answer, client_key, created_by, version)
    VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, 'interview', 'waiting', ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, 1)`);
  const insertEvent = raw.prepare(
    'INSERT INTO visit_events (visit_id, at, user_id, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, NULL)',
  );
  const insertAudit = raw.prepare(
    'INSERT INTO audit (at, user_id, operation, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // The visit chosen by itself, then its row with the names its view shows, whom this desk serves and
  // the desk's name, in one statement (call-next.ts): the call's answer is built from it, not read back.
  const nextWaiting = raw.prepare(`SELECT v.*, (SELECT name FROM desks d WHERE d.id = v.desk_id) AS desk_name,
    (SELECT full_name FROM beneficiaries b WHERE b.id = v.beneficiary_id) AS beneficiary_name,
    (SELECT mobile FROM beneficiaries b WHERE b.id = v.beneficiary_id) AS beneficiary_mobile,
    (SELECT full_name FROM users r WHERE r.id = v.referred_to) AS referred_to_name,
    (SELECT sv.id FROM visits sv WHERE sv.day = ? AND sv.state = 'serving' AND sv.served_by = ? AND sv.serving_desk_id = ? ORDER BY sv.called_at LIMIT 1) AS serving_now,
    (SELECT name FROM desks td WHERE td.id = ?) AS this_desk_name
    FROM (SELECT * FROM visits WHERE day = ? AND state = 'waiting' ORDER BY arrived_at, id LIMIT 1) v`);
  const insertHallCall = raw.prepare('INSERT INTO hall_calls (day, visit_id, desk_id, at, called_by, recall) VALUES (?, ?, ?, ?, ?, 0)');
  const call = raw.prepare(
    `UPDATE visits SET called_at = ?, served_by = ?, serving_desk_id = ?, state = 'serving', version = ? WHERE id = ? AND version = ?`,
  );
  const userId = 2;
  const deskId = 2; // the bare path issues desk B's tickets, the core desk A's: two independent sequences

  // requests.submit (handlers.ts, request-view.ts, documents-check.ts, move-request.ts)
  const request = raw.prepare('SELECT * FROM requests WHERE id = ?');
  const requiredDocs = raw.prepare(`SELECT d.id, d.name, d.has_expiry FROM service_required_documents sr
    JOIN document_types d ON d.id = sr.document_type_id WHERE sr.service_type_id = ? ORDER BY d.id`);
  const requestDocs = raw.prepare(`SELECT rd.document_type_id, rd.provided, rd.issue_date, rd.expiry_date, rd.note, d.name, d.has_expiry
    FROM request_documents rd JOIN document_types d ON d.id = rd.document_type_id WHERE rd.request_id = ?`);
  const signed = raw.prepare('SELECT id FROM declaration_signatures WHERE request_id = ?');
  // The identity line follows the file's identity while the request is at the desk, and is kept as it stood on submission.
  const fileIdentity = raw.prepare(`SELECT b.id_type, b.id_expiry, d.id AS document_type_id FROM beneficiaries b
    JOIN document_types d ON d.code = 'national_id' WHERE b.id = ?`);
  const keepIdentityLine = raw.prepare(`INSERT INTO request_documents (request_id, document_type_id, provided, issue_date, expiry_date, note, updated_at)
    VALUES (?, ?, 1, NULL, ?, NULL, ?) ON CONFLICT (request_id, document_type_id) DO UPDATE SET provided = 1, expiry_date = excluded.expiry_date,
    updated_at = excluded.updated_at`);
  const settings = raw.prepare('SELECT key, value FROM settings');
  const submitRequest = raw.prepare(`UPDATE requests SET submitted_at = ?, submission_day = ?, expected_answer_date = ?, state = 'submitted',
    version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`);
  const insertRequestEvent = raw.prepare(
    'INSERT INTO request_events (request_id, at, user_id, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, NULL)',
  );
  const summary = raw.prepare(selectRequestSummaries(core.store.db).where('r.id', '=', 0).compile().sql);
  const person = raw.prepare('SELECT * FROM beneficiaries WHERE id = ?');
  const users = raw.prepare('SELECT id, full_name FROM users');
  const attachments = raw.prepare('SELECT * FROM attachments WHERE request_id = ? ORDER BY id');
  const signature = raw.prepare(`SELECT v.version, s.witness_id, s.signed_at FROM declaration_signatures s
    JOIN declaration_versions v ON v.id = s.declaration_version_id WHERE s.request_id = ? ORDER BY s.id DESC LIMIT 1`);
  const printings = raw.prepare(`SELECT v.version, p.printed_at, p.printed_by FROM declaration_printings p
    JOIN declaration_versions v ON v.id = p.declaration_version_id WHERE p.request_id = ? ORDER BY p.id`);
  const timeline = raw.prepare('SELECT * FROM request_events WHERE request_id = ? ORDER BY id');
  type DocRow = { document_type_id: number; provided: number; expiry_date: string | null };
  const checklist = (r: { id: number; service_type_id: number }, day: string) => {
    const required = requiredDocs.all(r.service_type_id) as { id: number }[];
    const byType = new Map((requestDocs.all(r.id) as DocRow[]).map((d) => [d.document_type_id, d]));
    return required.map((d) => {
      const row = byType.get(d.id);
      return { ...d, ...row, status: !row?.provided ? 'missing' : row.expiry_date && row.expiry_date < day ? 'expired' : 'provided' };
    });
  };
  const submit = raw.transaction((requestId: number, day: string) => {
    const now = new Date().toISOString();
    const r = request.get(requestId) as { id: number; service_type_id: number; state: string; version: number; beneficiary_id: number };
    if (!r) throw new Error('no request');
    const identity = fileIdentity.get(r.beneficiary_id) as { id_type: string; id_expiry: string | null; document_type_id: number };
    const documents = checklist(r, day);
    const blocked = documents.filter((d) => d.status !== 'provided').length + (signed.get(r.id) ? 0 : 1);
    if (blocked) throw new Error(`request ${requestId} cannot be submitted`);
    const idLine = documents.find((d) => d.id === identity.document_type_id);
    if (idLine && ['national_id', 'iqama'].includes(identity.id_type)) {
      keepIdentityLine.run(r.id, idLine.id, identity.id_expiry ?? idLine.expiry_date ?? null, now);
    }
    const period = Number(JSON.parse((settings.all() as { key: string; value: string }[]).find((s) => s.key === 'committeePeriodDays')?.value ?? '14'));
    const before = request.get(requestId) as { id: number; service_type_id: number; state: string; version: number; beneficiary_id: number };
    if (before.state !== 'complete') throw new Error('not complete');
    const changed = submitRequest.run(now, day, addDays(day, period), before.version + 1, now, userId, before.id, before.version);
    if (changed.changes !== 1) throw new Error('conflict');
    insertRequestEvent.run(before.id, now, userId, 'submit', 'complete', 'submitted');
    // The request page the handler answers with (and writes into the audit row).
    const after = request.get(requestId) as { id: number; service_type_id: number; submission_day: string; beneficiary_id: number };
    const view = {
      summary: summary.get(requestId),
      beneficiary: person.get(after.beneficiary_id),
      names: users.all(),
      attachments: attachments.all(requestId),
      documents: checklist(after, after.submission_day),
      declaration: signature.get(requestId),
      printings: printings.all(requestId),
      events: timeline.all(requestId),
    };
    insertAudit.run(now, userId, 'requests.submit', 'request', requestId, JSON.stringify(before), JSON.stringify({ ...view, events: undefined }));
  });

  const checkIn = raw.transaction((beneficiaryId: number, reason: string, day: string) => {
    const now = new Date().toISOString();
    const clientKey = randomUUID();
    const d = facts.get(day, day, beneficiaryId, clientKey, beneficiaryId, deskId) as { ticket_prefix: string; desk_name: string; beneficiary_id: number | null; beneficiary_name: string; beneficiary_mobile: string | null; last_seq: number | null; earlier_visit_id: number | null; new_visit_id: number };
    if (d.beneficiary_id === null || d.earlier_visit_id !== null) throw new Error('no beneficiary, or a repeated press');
    const seq = (d.last_seq ?? 0) + 1;
    const ticket = `${d.ticket_prefix}-${String(seq).padStart(3, '0')}`;
    insertVisit.run(d.new_visit_id, day, deskId, seq, ticket, beneficiaryId, reason, now, clientKey, userId);
    const visit = { id: d.new_visit_id, day, ticket, state: 'waiting', reason, channel: 'interview', beneficiary_id: beneficiaryId, arrived_at: now, version: 1 };
    insertEvent.run(visit.id, now, userId, 'checkIn', null, 'waiting');
    const after = { ...visit, desk_name: d.desk_name, beneficiary_name: d.beneficiary_name, beneficiary_mobile: d.beneficiary_mobile };
    insertAudit.run(now, userId, 'visits.checkIn', 'visit', visit.id, null, JSON.stringify(after));
  });
  const callNext = raw.transaction((day: string) => {
    const now = new Date().toISOString();
    const claimed = nextWaiting.get(day, userId, deskId, deskId, day) as
      | { id: number; version: number; state: string; desk_name: string; beneficiary_name: string | null; beneficiary_mobile: string | null; referred_to_name: string | null; serving_now: number | null; this_desk_name: string }
      | undefined;
    if (!claimed) throw new Error('nobody waiting');
    const { desk_name, beneficiary_name, beneficiary_mobile, referred_to_name, serving_now, this_desk_name, ...before } = claimed;
    const changed = call.run(now, userId, deskId, before.version + 1, before.id, before.version);
    if (changed.changes !== 1) throw new Error('conflict');
    insertEvent.run(before.id, now, userId, 'call', before.state, 'serving');
    insertHallCall.run(day, before.id, deskId, now, userId);
    const after = { ...before, state: 'serving', version: before.version + 1, called_at: now, served_by: userId, serving_desk_id: deskId, desk_name, beneficiary_name, beneficiary_mobile, referred_to_name, serving_desk_name: this_desk_name, serving_now };
    insertAudit.run(now, userId, 'visits.callNext', 'visit', before.id, JSON.stringify(before), JSON.stringify(after));
  });
  return {
    checkIn: (beneficiaryId: number, reason: string, day: string) => checkIn.immediate(beneficiaryId, reason, day),
    callNext: (day: string) => callNext.immediate(day),
    submit: (requestId: number, day: string) => submit.immediate(requestId, day),
  };
}

/** Statements in bare.submit() besides the settings read (the recording leaves that out as the dispatcher's). */
const BARE_SUBMIT_STATEMENTS = 20;

/**
 * Complete requests ready to go to the committee, written on the run copy before timing: every
 * document its service requires provided and valid today (some expire today — still valid that
 * day), the declaration signed, the timeline the desk would have left (open, documents, declaration).
 * Returns their ids; the service types cycle through the catalogue.
 */
function prepareCompleteRequests(core: Core, today: string, count: number): number[] {
  const raw = asSqliteStore(core.store).raw;
  const catalogue = readCatalogue(raw);
  const write = requestWriter(raw, catalogue.declarationVersionId);
  const year = toHijri(today).year;
  const last = raw.prepare('SELECT number FROM requests WHERE number LIKE ? ORDER BY number DESC LIMIT 1').get(`${year}-%`) as { number: string } | undefined;
  const number = requestNumberer({ [year]: last ? Number(last.number.split('-')[1]) : 0 });
  const desk = (raw.prepare('SELECT id FROM users WHERE username = ?').get(BENCH_USER) as { id: number }).id;
  const beneficiaries = (raw.prepare('SELECT max(id) AS n FROM beneficiaries').get() as { n: number }).n;
  const random = seededRandom(11);
  const open = Date.parse(`${today}T05:00:00Z`);
  const ids: number[] = [];
  raw.transaction(() => {
    for (let i = 0; i < count; i++) {
      const service = catalogue.services[i % catalogue.services.length]!;
      const at = open + i * 1000;
      const spec: RequestSpec = {
        number: number(today),
        beneficiaryId: 1 + Math.floor(random() * beneficiaries),
        serviceTypeId: service.id,
        channel: 'interview',
        visitId: null,
        state: 'complete',
        description: null,
        requestedAmount: null,
        openedAt: at,
        openedBy: desk,
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
        documents: service.required.map((d) => {
          const expiryDate = d.hasExpiry ? addDays(today, random() < 0.1 ? 0 : 1 + Math.floor(random() * 700)) : null;
          return { typeId: d.id, provided: true, issueDate: addDays(expiryDate ?? today, -(d.hasExpiry ? 730 : Math.floor(random() * 300))), expiryDate, at: at + 60_000 };
        }),
        signature: { at: at + 120_000, witness: desk },
        attachments: [],
        events: [
          [at, desk, 'open', null, 'draft', null],
          [at + 60_000, desk, 'documents', 'draft', 'complete', null],
          [at + 120_000, desk, 'declaration', null, null, 'v1'],
        ],
      };
      ids.push(write(spec));
    }
  })();
  return ids;
}

