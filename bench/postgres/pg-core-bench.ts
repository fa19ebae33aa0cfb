/**
 * The core on PostgreSQL (`npm run bench -- --store postgres`): the same cases as the SQLite rows of
 * core-bench.ts, through core.dispatch on a database holding the same ten years, each beside the bare
 * statements underneath (the ones the core ran for that input, recorded through pg and replayed as
 * prepared statements on a connection of the bench's own). Then check-in and call-next again while a
 * second desk — another process with its own core, as a second PC is — writes on the same database.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type CompiledQuery } from 'kysely';
import { auditRowInsert } from '../../electron/core/audit/write-audit';
import { bumpStatement } from '../../electron/core/store/postgres/open-postgres-store';
import { literalsOf } from '../../electron/core/store/postgres/literals';
import { claimNext } from '../../electron/core/visits/call-next';
import { checkInFacts } from '../../electron/core/visits/check-in';
import pg from 'pg';
import { createCore, type Core } from '../../electron/core/core';
import { seededRandom } from '../../electron/core/demo/arabic-names';
import { COMMITTEE_PAGE } from '@shared/contract/requests';
import { BENCH_PASSWORD, BENCH_USER, noonOf, type StoreMeta } from '../data';
import { oneFragment, twoFragments, typedMobile, type Random } from '../names';
import { summarize, timePair, type Row, type Sample, type TimeOptions } from '../stats';
import { explainPg, pgReplayer, recordPg, type PgExecuted, type PgReplayer } from './record';
import type { VisitReason } from '@shared/domain/visit';

/** The issue's targets on PostgreSQL over loopback (p95, ms). Rows without one are held to the nearest listed. */
export const PG_TARGETS = { idOrMobile: 2, name: 8, queue: 5, mutation: 5, request: 8 };

export interface PgBenchOptions {
  url: string;
  meta: StoreMeta;
  quick: boolean;
  explain: boolean;
  log: (line: string) => void;
}

type Person = { id: number; first_name: string; father_name: string; grandfather_name: string; family_name: string; id_number: string; mobile: string | null };

export async function benchPostgresCore(opts: PgBenchOptions): Promise<Row[]> {
  const t0 = Date.now();
  const base = noonOf(opts.meta.today).getTime();
  const dataDir = mkdtempSync(join(tmpdir(), 'istiqbal-bench-pg-'));
  const core = await createCore({ dataDir, store: { kind: 'postgres', url: opts.url }, now: () => new Date(base + (Date.now() - t0)) });
  const bare = await pgReplayer(opts.url);
  try {
    return await runCases(core, bare, base, t0, opts);
  } finally {
    await bare.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runCases(core: Core, bare: PgReplayer, base: number, t0: number, opts: PgBenchOptions): Promise<Row[]> {
  const { log, quick } = opts;
  const db = core.store.db;
  const sid = core.createSession();
  const dispatch = async (op: string, input: unknown, session = sid) => {
    const r = await core.dispatch(op, input, session);
    if (!r.ok) throw new Error(`${op} ${JSON.stringify(input).slice(0, 200)}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await dispatch('auth.signIn', { username: BENCH_USER, password: BENCH_PASSWORD, deskId: 1 });
  const reads: TimeOptions = quick ? { warmup: 50, reps: 300 } : { warmup: 3000, reps: 3000 };
  const writes: TimeOptions = quick ? { warmup: 20, reps: 150 } : { warmup: 50, reps: 500 };

  // The same inputs as the SQLite rows: the same seeded draw of beneficiaries, typed the same ways.
  const random: Random = seededRandom(7);
  const count = Number((await db.selectFrom('beneficiaries').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow()).n);
  const people: Person[] = [];
  for (let i = 0; i < 1000; i++) {
    people.push(
      (await db
        .selectFrom('beneficiaries')
        .select(['id', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'id_number', 'mobile'])
        .where('id', '=', 1 + Math.floor(random() * count))
        .executeTakeFirstOrThrow()) as Person,
    );
  }
  const asPerson = (p: Person) => ({ firstName: p.first_name, fatherName: p.father_name, grandfatherName: p.grandfather_name, familyName: p.family_name });
  const at = <T>(list: T[], i: number) => list[i % list.length]!;
  const search = (text: string) => ({ text });
  const idQueries = people.map((p) => search(p.id_number));
  const mobileQueries = people.filter((p) => p.mobile).map((p) => search(typedMobile(p.mobile!, random)));
  const oneQueries = people.map((p) => search(oneFragment(asPerson(p), random)));
  const twoQueries = people.map((p) => search(twoFragments(asPerson(p), random)));

  const rows: Row[] = [];
  const measure = async (name: string, targetP95: number, coreCall: (i: number) => Promise<unknown>, bareCall: (i: number) => Promise<unknown>, o: TimeOptions, note?: string, plan: string[] = []) => {
    log(`  ${name} …`);
    await dispatch('auth.touch', {}); // a long read-only stretch must not lock the session
    const { core: c, bare: b } = await timePair(coreCall, bareCall, o);
    rows.push({ name, core: c, bare: b, targetP95, note, plan });
  };
  const plans = async (list: PgExecuted[]) => {
    if (!opts.explain) return [];
    const out: string[] = [];
    // A pipeline's statements each on their own.
    for (const e of list.flatMap((e) => e.pipeline?.map((s) => ({ text: s.text, values: [...s.values], arrays: false })) ?? [e])) {
      const plan = await explainPg(bare.client, e);
      if (plan.length) out.push(`${e.text.replace(/\s+/g, ' ').slice(0, 110)}…`, ...plan.map((p) => `    ${p}`));
    }
    return out;
  };
  /** A read: each input once through the core with its statements recorded; then the core timed beside the replay. */
  const measureRead = async (name: string, targetP95: number, inputs: unknown[], op: string, check: (v: unknown) => void, o: TimeOptions, note?: string, session = sid) => {
    const call = async (input: unknown) => check(await dispatch(op, input, session));
    const recorded: PgExecuted[][] = [];
    for (const input of inputs) recorded.push(await recordPg(() => call(input)));
    if (recorded.some((r) => r.length === 0)) throw new Error(`${name}: the core ran no SQL for some input`);
    await measure(name, targetP95, (i) => call(at(inputs, i)), (i) => bare.replay(at(recorded, i)), o, note, await plans(recorded[0]!));
  };

  await measureRead('search: national ID', PG_TARGETS.idOrMobile, idQueries, 'beneficiaries.search', expectHit('id'), reads);
  await measureRead('search: mobile', PG_TARGETS.idOrMobile, mobileQueries, 'beneficiaries.search', expectHit('mobile'), reads);
  await measureRead('search: one name fragment', PG_TARGETS.name, oneQueries, 'beneficiaries.search', expectHit('name'), reads);
  await measureRead('search: two name fragments', PG_TARGETS.name, twoQueries, 'beneficiaries.search', expectHit('name'), reads);

  const today = opts.meta.today;
  const countWhere = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]!.n);
  const todayCount = await countWhere(sql<{ n: number }>`SELECT count(*) AS n FROM visits WHERE day = ${today}`);
  await measureRead(`today's queue (${todayCount} visits)`, PG_TARGETS.queue, [{}], 'visits.queue', (value) => {
    const n = (value as { visits: unknown[] }).visits.length;
    if (n !== todayCount) throw new Error(`queue has ${n} visits, expected ${todayCount}`);
  }, reads);

  const researcherSid = core.createSession();
  await dispatch('auth.signIn', { username: 'research1', password: BENCH_PASSWORD, deskId: 3 }, researcherSid);
  await measureRead("researcher's referrals list", PG_TARGETS.queue, [{}], 'visits.referrals', () => {}, quick ? { warmup: 3, reps: 20 } : { warmup: 10, reps: 100 }, 'held to the queue target', researcherSid);

  const maxRequest = await countWhere(sql<{ n: number }>`SELECT max(id) AS n FROM requests`);
  const requestIds = Array.from({ length: 1000 }, () => ({ requestId: 1 + Math.floor(random() * maxRequest) }));
  await measureRead('open a request (documents + timeline)', PG_TARGETS.request, requestIds, 'requests.get', (value) => {
    if (!(value as { events: unknown[] }).events.length) throw new Error('a request without its timeline');
  }, reads, `1,000 random requests of ${maxRequest.toLocaleString('en')}; no PostgreSQL target given: held to the name search's`);

  const committeeSid = core.createSession();
  await dispatch('auth.signIn', { username: 'super1', password: BENCH_PASSWORD, deskId: 3 }, committeeSid);
  const awaiting = await countWhere(sql<{ n: number }>`SELECT count(*) AS n FROM requests WHERE state = 'submitted'`);
  const firstPage = Math.min(COMMITTEE_PAGE, awaiting);
  const lists = quick ? { warmup: 10, reps: 100 } : { warmup: 50, reps: 500 };
  await measureRead(`committee's list (first ${firstPage} of ${awaiting})`, PG_TARGETS.queue, [{}], 'requests.committee', (value) => {
    if ((value as unknown[]).length !== firstPage) throw new Error('committee page of the wrong size');
  }, lists, 'held to the queue target', committeeSid);
  await measureRead("committee's counts (awaiting, overdue)", PG_TARGETS.queue, [{}], 'requests.committeeCounts', () => {}, lists, 'held to the queue target', committeeSid);

  // --- writes: check-in and call-next, their bare side the statements the core ran for one call,
  // with a new visit's values (the ticket, the time, the ids), in one transaction under the writers' lock.
  const beneficiaryAt = (i: number) => at(people, i * 7).id;
  const reasons = ['inquiry', 'follow_up', 'new_request', 'receive_aid'];
  // Each with a key of its own, as the desk's form sends (a press repeated answers the ticket it issued).
  const checkIn = (i: number) => dispatch('visits.checkIn', { beneficiaryId: beneficiaryAt(i), reason: reasons[i % 4], again: true, clientKey: randomUUID() });
  const callNext = async () => {
    if (!(await dispatch('visits.callNext', { alsoWhileServing: true }))) throw new Error('callNext found nobody waiting');
  };
  const mirror = bareWrites(core, bare, await recordPg(() => checkIn(0)), await recordPg(callNext), { userId: 3, deskId: 2 });
  const writePlans = async () => plans(await recordPg(() => checkIn(1)));
  await measure('check-in (transaction + audit)', PG_TARGETS.mutation, checkIn, (i) => mirror.checkIn(beneficiaryAt(i + 1), reasons[i % 4]!, today), writes, 'one desk alone', await writePlans());
  await measure('call-next (transaction + audit)', PG_TARGETS.mutation, callNext, () => mirror.callNext(today), writes, 'one desk alone');

  // --- two desks writing at once: a second process, its own core on the same database (another PC),
  // checks visitors in and calls the next one at desk 3 for as long as this desk is timed: first back to
  // back, without a pause (the writers' lock never free for long: the worst a hall can do), then one
  // check-in and one call every 100 ms (20 writes a second: a very busy hall).
  for (const pace of [0, 100]) {
    const how = pace === 0 ? 'the other back to back' : `the other every ${pace} ms`;
    log(`  starting the second desk (another process, ${how}) …`);
    const second = await startSecondDesk(opts.url, base + (Date.now() - t0), pace);
    const from = rows.length;
    try {
      await measure(`check-in, two desks writing at once (${how})`, PG_TARGETS.mutation, (i) => checkIn(i + 10_000 + pace * 10), (i) => mirror.checkIn(beneficiaryAt(i + 10_001 + pace * 10), reasons[i % 4]!, today), writes);
      await measure(`call-next, two desks writing at once (${how})`, PG_TARGETS.mutation, callNext, () => mirror.callNext(today), writes);
    } finally {
      const other = await second.stop();
      const line = (what: string, s: Sample) => `${what} p95 ${s.p95.toFixed(2)} ms (median ${s.median.toFixed(2)}, ${s.n} calls)`;
      const note = `the other desk, another process, meanwhile: ${line('its check-ins', other.checkIn)}, ${line('its call-nexts', other.callNext)}`;
      for (const r of rows.slice(from)) r.note = note;
    }
  }
  return rows;
}

const expectHit = (match: string) => (value: unknown) => {
  const hits = value as { match: string }[];
  if (!hits.length || !hits.some((h) => h.match === match)) throw new Error(`search found no ${match} hit`);
};

/**
 * The check-in's statements, in the order the core ran them (tests the recording before trusting it):
 * its facts (with the new visit's id) go with BEGIN (sent ahead); the visit, the timeline's event, the
 * audit row and the revision's bump with the commit (Store.atCommit), each executed prepared with its
 * values written in.
 */
const CHECK_IN_SHAPE = [
  /^BEGIN;[\s\S]*facts_at_begin[^;]*;\nEXECUTE istiqbal_kept_\w+\(/,
  /^(EXECUTE istiqbal_kept_\w+\([\s\S]*\);\n){4}COMMIT$/,
];
// The claim, which brings the names the call's answer shows, goes with BEGIN; the call's change, its
// event, the hall display's call (hall_calls), the audit row and the bump all go with the commit.
const CALL_NEXT_SHAPE = [
  /^BEGIN;[\s\S]*facts_at_begin[^;]*;\nEXECUTE istiqbal_kept_\w+\(/,
  /^(EXECUTE istiqbal_kept_\w+\([\s\S]*\);\n){5}COMMIT$/,
];

/**
 * Check-in and call-next as the core runs them on PostgreSQL — its own statements — with a new visit's
 * values, on the bench's connection: the SQL without the dispatcher, zod, Kysely's compiling and the
 * view mapping. As the store does, the statements sent with BEGIN and with the commit are built anew
 * for each call from the core's own queries, prepared once on the connection and executed with their
 * values written in (literalsOf); the new visit's INSERT is replayed as the core sent it.
 */
function bareWrites(core: Core, rep: PgReplayer, checkInRecorded: PgExecuted[], callNextRecorded: PgExecuted[], who: { userId: number; deskId: number }) {
  // A statement is prepared once per connection: not part of the call's own statements.
  const [checkInRun, callNextRun] = [checkInRecorded, callNextRecorded].map((run) => run.filter((e) => !/^PREPARE /.test(e.text))) as [PgExecuted[], PgExecuted[]];
  const texts = (run: PgExecuted[], shape: RegExp[], what: string) => {
    const list = run.map((e) => e.text.trim());
    if (list.length !== shape.length || !shape.every((re, i) => re.test(list[i]!))) {
      throw new Error(`the core's ${what} has changed (${list.length} statements): update bareWrites() in bench/postgres/pg-core-bench.ts\n${list.map((t) => t.slice(0, 90)).join('\n')}`);
    }
    return run.map((e) => e.text);
  };
  const C = texts(checkInRun, CHECK_IN_SHAPE, 'check-in');
  const N = texts(callNextRun, CALL_NEXT_SHAPE, 'call-next');
  // BEGIN, the locks and the mark: what precedes the statement sent ahead.
  const opening = (beginText: string) => beginText.slice(0, beginText.indexOf(';\n', beginText.indexOf('facts_at_begin')));
  const db = core.store.db;
  const { userId, deskId } = who;
  const event = (visitId: number, now: string, action: string, from: string | null, to: string) =>
    db.insertInto('visit_events').values({ visit_id: visitId, at: now, user_id: userId, action, from_state: from, to_state: to, note: null }).compile();
  const audit = (now: string, operation: string, visitId: number, before: unknown, after: unknown) =>
    auditRowInsert(db, { at: now, userId, deskId, operation, kind: 'change', reason: null, entity: 'visit', entityId: visitId, before: before === null ? null : JSON.stringify(before), after: JSON.stringify(after) });
  const hallCall = (day: string, visitId: number, now: string) =>
    db.insertInto('hall_calls').values({ day, visit_id: visitId, desk_id: deskId, at: now, called_by: userId, recall: 0 }).compile();
  // As the store: each statement prepared once on the connection, then executed with its values written in.
  const kept = new Set<string>();
  const execute = async (sql: string, literals: string[]) => {
    const name = `bare_kept_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    if (!kept.has(name)) {
      await rep.client.query(`PREPARE ${name} AS ${sql}`);
      kept.add(name);
    }
    return `EXECUTE ${name}${literals.length > 0 ? `(${literals.join(', ')})` : ''}`;
  };
  const executeQuery = (query: CompiledQuery) => {
    const literals = literalsOf(query.parameters);
    if (literals === null) throw new Error('a value with no literal');
    return execute(query.sql, literals);
  };
  const bump = bumpStatement(deskId);
  /** `begin` with `ahead` sent after it; `work` is given the rows `ahead` answered and returns what goes with the commit. */
  const inTransaction = async (begin: string, ahead: CompiledQuery, work: (aheadRows: Record<string, unknown>[]) => Promise<CompiledQuery[]>) => {
    const opened = (await rep.run(`${begin};\n${await executeQuery(ahead)}`)) as unknown as pg.QueryResult | pg.QueryResult[];
    try {
      const withCommit: string[] = [];
      for (const query of await work((Array.isArray(opened) ? opened.at(-1)! : opened).rows)) withCommit.push(await executeQuery(query));
      await rep.run([...withCommit, await execute(bump.sql, bump.literals), 'COMMIT'].join(';\n'));
    } catch (error) {
      await rep.client.query('ROLLBACK');
      throw error;
    }
  };
  return {
    checkIn: (beneficiaryId: number, reason: string, day: string) => {
      const clientKey = randomUUID();
      return inTransaction(
        opening(C[0]!),
        checkInFacts(db, deskId, beneficiaryId, day, clientKey),
        async ([facts]) => {
          const now = new Date().toISOString();
          const f = facts as { ticket_prefix: string; desk_name: string; beneficiary_id: number | null; beneficiary_name: string; beneficiary_mobile: string | null; last_seq: number | null; earlier_visit_id: number | null; new_visit_id: number };
          if (f.beneficiary_id === null || f.earlier_visit_id !== null) throw new Error('no beneficiary, or a repeated press');
          const seq = (f.last_seq ?? 0) + 1;
          // The row as check-in.ts writes it, its columns in the same order (the same statement text).
          const visit = {
            id: f.new_visit_id, day, desk_id: deskId, seq, ticket: `${f.ticket_prefix}-${String(seq).padStart(3, '0')}`, beneficiary_id: beneficiaryId,
            visitor_name: null, visitor_mobile: null, reason: reason as VisitReason, channel: 'interview' as const, state: 'waiting' as const, arrived_at: now, called_at: null, ended_at: null,
            served_by: null, serving_desk_id: null, referred_to: null, referral_note: null, outcome: null, outcome_note: null, inquiry: null,
            answer: null, client_key: clientKey, created_by: userId, version: 1,
          };
          const view = { ...visit, ticket_printed: null, desk_name: f.desk_name, beneficiary_name: f.beneficiary_name, beneficiary_mobile: f.beneficiary_mobile };
          return [db.insertInto('visits').values(visit).compile(), event(visit.id, now, 'checkIn', null, 'waiting'), audit(now, 'visits.checkIn', visit.id, null, view)];
        },
      );
    },
    callNext: (day: string) =>
      inTransaction(
        opening(N[0]!),
        claimNext({ db, store: core.store }, day, userId, deskId),
        async ([first]) => {
          const now = new Date().toISOString();
          const claimed = first as
            | { id: number; version: number; state: string; desk_name: string; beneficiary_name: string | null; beneficiary_mobile: string | null; referred_to_name: string | null; serving_now: number | null; this_desk_name: string }
            | undefined;
          if (!claimed) throw new Error('nobody waiting');
          const { desk_name, beneficiary_name, beneficiary_mobile, referred_to_name, serving_now, this_desk_name, ...before } = claimed;
          const change = { state: 'serving' as const, version: before.version + 1, called_at: now, served_by: userId, serving_desk_id: deskId };
          const view = { ...before, ...change, desk_name, beneficiary_name, beneficiary_mobile, referred_to_name, serving_desk_name: this_desk_name, serving_now };
          return [
            db.updateTable('visits').set(change).where('id', '=', before.id).where('version', '=', before.version).compile(),
            event(before.id, now, 'call', before.state, 'serving'),
            hallCall(day, before.id, now),
            audit(now, 'visits.callNext', before.id, before, view),
          ];
        },
      ),
  };
}

/** The second desk's process (second-desk.ts): started, signed in, writing; stop() ends it and returns its timings. */
async function startSecondDesk(url: string, nowMs: number, pace: number): Promise<{ stop(): Promise<{ checkIn: Sample; callNext: Sample }> }> {
  const child: ChildProcess = fork(join(__dirname, 'second-desk.ts'), [url, String(nowMs), String(pace)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', (m) => (m === 'writing' ? resolve() : reject(new Error(String(m)))));
    child.once('exit', (code) => reject(new Error(`the second desk's process ended (${code}) before writing`)));
  });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('message', (m) => {
          const timings = m as { checkIn: number[]; callNext: number[] };
          resolve({ checkIn: summarize(timings.checkIn), callNext: summarize(timings.callNext) });
        });
        child.once('error', reject);
        child.send('stop');
      }),
  };
}
