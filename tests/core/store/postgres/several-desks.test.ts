import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueView, VisitView } from '@shared/contract';
import { CHANGES_CHANNEL } from '../../../../electron/core/store/store';
import { beneficiaryInput, walkInInput } from '../../../helpers/fixtures';
import { unlockAfterClockJump } from '../../../helpers/requests';
import { signedInAs, type SignedIn } from '../../../helpers/sessions';
import { statementsOf as sentStatements } from '../../../helpers/postgres/sent-statements';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * A hall of desks on one PostgreSQL database (docs/architecture.md#the-two-stores). Each desk is a core of its own (its own pool of
 * connections), as each desk's shell is; they all write at once.
 */
const MORNING = '2024-02-14T06:00:00Z';
const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0).reverse()) await c.cleanup();
});

/** `count` desks' cores on one new database, sharing one clock (one business day). */
async function hall(count: number): Promise<TestCore[]> {
  const first = await openTestCore({ now: MORNING });
  cores.push(first);
  await signedInAs(first, 'admin'); // the first run's setup, once, before the desks sign in
  for (let i = 1; i < count; i++) cores.push(await openTestCore({ dataDir: first.dataDir, now: first.clock }));
  return cores.slice(0, count);
}

/** A statement run on the test's database as an administrator would, outside any desk. */
async function adminSql(t: TestCore, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: t.storeArg });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The statements' texts this process sends to PostgreSQL while `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  return (await sentStatements(fn)).map((s) => s.text);
}

/** Desks 4… beside the three seeded ones, so every core works at a desk of its own. */
async function ensureDesks(t: TestCore, count: number): Promise<void> {
  const admin = await signedInAs(t, 'admin');
  const have = (await admin.ok('settings.desks', {})).length;
  for (let n = have + 1; n <= count; n++) await admin.ok('settings.createDesk', { name: `مكتب ${n}`, ticketPrefix: String.fromCharCode(64 + n + 2) });
}

describe('Several desks on PostgreSQL: tickets', () => {
  it('concurrent check-ins from four desks\' cores give each desk and day its own unbroken ticket sequence', async () => {
    const desks = await hall(4);
    // Two cores per desk (desks 1 and 2): the same desk's tickets are also issued from two processes at once.
    const staff: SignedIn[] = [];
    for (const [i, c] of desks.entries()) staff.push(await signedInAs(c, 'receptionist', { deskId: (i % 2) + 1 }));
    const checkInAll = (perCore: number, tag: string) =>
      Promise.all(staff.flatMap((s, i) => Array.from({ length: perCore }, (_, k) => s.ok('visits.checkIn', walkInInput(`زائر ${tag} ${i} ${k} الحربي`)))));
    const ticketsOf = (visits: VisitView[], prefix: string) =>
      visits
        .map((v) => v.ticket)
        .filter((x) => x.startsWith(`${prefix}-`))
        .sort();
    const sequence = (n: number, prefix: string) => Array.from({ length: n }, (_, k) => `${prefix}-${String(k + 1).padStart(3, '0')}`);

    const today = await checkInAll(10, 'اليوم');
    expect(ticketsOf(today, 'A')).toEqual(sequence(20, 'A'));
    expect(ticketsOf(today, 'B')).toEqual(sequence(20, 'B'));

    // After the desk's local midnight each desk starts again at 001, still with no ticket twice.
    desks[0]!.clock.advance({ days: 1 });
    await unlockAfterClockJump(...staff);
    const tomorrow = await checkInAll(5, 'غدا');
    expect(new Set(tomorrow.map((v) => v.day)).size).toBe(1);
    expect(tomorrow[0]!.day).not.toBe(today[0]!.day);
    expect(ticketsOf(tomorrow, 'A')).toEqual(sequence(10, 'A'));
    expect(ticketsOf(tomorrow, 'B')).toEqual(sequence(10, 'B'));
  });
});

describe('Several desks on PostgreSQL: call-next (FOR UPDATE SKIP LOCKED)', () => {
  it.each([2, 10])('300 waiting visitors called by %i desks at once: each is served exactly once', async (deskCount) => {
    const desks = await hall(deskCount);
    await ensureDesks(desks[0]!, deskCount);
    const reception = await signedInAs(desks[0]!, 'receptionist');
    const waiting: number[] = [];
    for (let i = 0; i < 300; i += 30) {
      const batch = await Promise.all(Array.from({ length: 30 }, (_, k) => reception.ok('visits.checkIn', walkInInput(`زائر ${i + k} الشمري`))));
      waiting.push(...batch.map((v) => v.id));
    }
    const staff: SignedIn[] = [];
    for (const [i, c] of desks.entries()) staff.push(await signedInAs(c, 'receptionist', { deskId: i + 1 }));

    // Every desk calls the next visitor as fast as it can until no one waits.
    const calledBy = await Promise.all(
      staff.map(async (s) => {
        const got: number[] = [];
        for (;;) {
          const visit = await s.ok('visits.callNext', { alsoWhileServing: true });
          if (!visit) return got;
          got.push(visit.id);
        }
      }),
    );
    const all = calledBy.flat();
    expect(all.length, 'a visitor called twice').toBe(new Set(all).size);
    expect([...all].sort((a, b) => a - b)).toEqual([...waiting].sort((a, b) => a - b));
    for (const got of calledBy) expect(got.length, 'every desk got visitors: they really competed').toBeGreaterThan(0);

    // The store agrees: each visitor is served by the user of the desk that got them, with one call event.
    const rows = await desks[0]!.db
      .selectFrom('visits as v')
      .select((eb) => [
        'v.id',
        'v.state',
        'v.served_by',
        eb.selectFrom('visit_events as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.visit_id', '=', 'v.id').where('e.action', '=', 'call').as('calls'),
      ])
      .execute();
    const servedBy = new Map(calledBy.flatMap((got, i) => got.map((id) => [id, staff[i]!.user.id] as const)));
    expect(rows).toHaveLength(300);
    for (const r of rows) expect(r).toMatchObject({ state: 'serving', served_by: servedBy.get(r.id), calls: 1 });
  }, 120_000);
});

describe('Several desks on PostgreSQL: check-ins and calls side by side', () => {
  /** Desk `deskId`'s part of the writers' lock, held by a change of another desk's core until `release()`. */
  async function holdDesk(t: TestCore, deskId: number, beneficiaryId?: number): Promise<{ release(): Promise<void> }> {
    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const done = t.store.write(async () => {
      held();
      await new Promise<void>((r) => (release = r));
    }, { deskId, beneficiaryId });
    await holding;
    return {
      release: async () => {
        release();
        await done;
      },
    };
  }
  const settledNow = async (p: Promise<unknown>) => Promise.race([p.then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), 300))]);

  it('a check-in and a call at one desk never wait for another desk\'s open check-in; any other change waits its turn', async () => {
    const [deskA, deskB] = await hall(2);
    const atA = await signedInAs(deskA!, 'receptionist', { deskId: 1 });
    const waitingId = (await atA.ok('visits.checkIn', walkInInput('سالم علي الحربي'))).id;
    const held = await holdDesk(deskB!, 2);
    try {
      // Were desk B's change holding the writers' lock whole, these would wait for it and be refused as busy after 5 s.
      expect((await atA.ok('visits.checkIn', walkInInput('خالد سعد الحربي'))).ticket).toBe('A-002');
      expect((await atA.ok('visits.callNext', { alsoWhileServing: true }))?.id).toBe(waitingId);
      // An ordinary change (here the admin's new desk) holds the writers' lock whole: it waits for desk B.
      const admin = await signedInAs(deskA!, 'admin');
      const creating = admin.ok('settings.createDesk', { name: 'مكتب ٤', ticketPrefix: 'D' });
      expect(await settledNow(creating)).toBe(false);
      await held.release();
      await creating;
      expect((await admin.ok('settings.desks', {})).map((d) => d.ticketPrefix)).toContain('D');
    } finally {
      await held.release();
    }
  });

  it('a desk\'s check-in and call commit while another commit holds the store\'s change counter until it reaches the disk', async () => {
    const [deskA] = await hall(1);
    const atA = await signedInAs(deskA!, 'receptionist', { deskId: 1 });
    const waitingId = (await atA.ok('visits.checkIn', walkInInput('سالم علي الحربي'))).id;
    // What another commit holds from its counting to its end: the store-wide counter row, and desk 2's.
    const other = new pg.Client({ connectionString: deskA!.storeArg });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT revision FROM store_revision WHERE id = 1 FOR UPDATE');
      await other.query('INSERT INTO desk_revisions (desk_id, writes, revision) VALUES (2, 1, 1)');
      expect(await settledNow(atA.ok('visits.checkIn', walkInInput('خالد سعد الحربي')))).toBe(true);
      expect(await settledNow(atA.ok('visits.callNext', {}))).toBe(true);
      expect((await atA.ok('visits.queue', {})).visits.find((v) => v.id === waitingId)?.state).toBe('serving');
      // An ordinary change counts in the store-wide row: it waits for that commit.
      const admin = await signedInAs(deskA!, 'admin');
      const updating = admin.ok('settings.update', { lockAfterMinutes: 7 });
      expect(await settledNow(updating)).toBe(false);
      await other.query('ROLLBACK');
      await updating;
    } finally {
      await other.end();
    }
  });

  it('a check-in at the same desk from a second PC waits for the first, so the desk\'s tickets never repeat', async () => {
    const [deskA, deskB] = await hall(2);
    const atA = await signedInAs(deskA!, 'receptionist', { deskId: 1 });
    const held = await holdDesk(deskB!, 1);
    const checkIn = atA.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    expect(await settledNow(checkIn)).toBe(false);
    await held.release();
    expect((await checkIn).ticket).toBe('A-001');
  });

  it('one beneficiary checked in at two desks at once gets one ticket; the second desk is asked to confirm another', async () => {
    const [deskA, deskB] = await hall(2);
    const admin = await signedInAs(deskA!, 'admin');
    const person = await admin.ok('beneficiaries.register', beneficiaryInput(41));
    const atA = await signedInAs(deskA!, 'receptionist', { deskId: 1 });
    const atB = await signedInAs(deskB!, 'receptionist', { deskId: 2 });
    const both = await Promise.all([atA.call('visits.checkIn', { beneficiaryId: person.id, reason: 'inquiry' }), atB.call('visits.checkIn', { beneficiaryId: person.id, reason: 'inquiry' })]);
    expect(both.filter((e) => e.ok)).toHaveLength(1);
    expect(both.filter((e) => !e.ok).map((e) => !e.ok && e.error.code)).toEqual(['confirm']);
    expect(await deskA!.db.selectFrom('visits').select('id').where('beneficiary_id', '=', person.id).execute()).toHaveLength(1);
  });
});

describe('Several desks on PostgreSQL: what one desk changes, the others see', () => {
  it('a receptionist stopped at one desk is signed out at their next call at another desk', async () => {
    const [deskA, deskB] = await hall(2);
    const me = await signedInAs(deskA!, 'receptionist', { username: 'moved.on' });
    expect((await me.call('visits.queue', {})).ok).toBe(true);
    const admin = await signedInAs(deskB!, 'admin');
    await admin.ok('users.setActive', { userId: me.user.id, active: false });
    const env = await me.call('visits.queue', {});
    expect(!env.ok && env.error.code).toBe('unauthenticated');
  });

  it('a desk\'s own check-ins never hide another desk\'s change: stopped elsewhere between two check-ins, the second is refused', async () => {
    const [deskA, deskB] = await hall(2);
    const me = await signedInAs(deskA!, 'receptionist', { username: 'busy.desk' });
    const admin = await signedInAs(deskB!, 'admin');
    // Own writes back to back: what desk A's dispatcher keeps (this user, the settings) stays valid across them.
    for (let i = 0; i < 3; i++) await me.ok('visits.checkIn', walkInInput(`زائر ${i} الحربي`));
    await admin.ok('users.setActive', { userId: me.user.id, active: false });
    const env = await me.call('visits.checkIn', walkInInput('زائر أخير الحربي'));
    expect(!env.ok && env.error.code).toBe('unauthenticated');
    expect(await deskA!.db.selectFrom('visits').select('id').where('visitor_name', '=', 'زائر أخير الحربي').execute()).toEqual([]);
  });

  it('a setting changed at another desk between two check-ins of this desk is what the next call obeys', async () => {
    const [deskA, deskB] = await hall(2);
    const me = await signedInAs(deskA!, 'receptionist');
    const admin = await signedInAs(deskB!, 'admin');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await me.ok('visits.checkIn', walkInInput('خالد سعد الحربي'));
    // Another desk shortens the idle lock to a minute; two idle minutes later this desk's next call is locked.
    await admin.ok('settings.update', { lockAfterMinutes: 1 });
    deskA!.clock.advance({ minutes: 2 });
    const env = await me.call('visits.checkIn', walkInInput('فهد سعد الحربي'));
    expect(!env.ok && env.error.code).toBe('locked');
  });

  it('a receptionist stopped, or the idle lock shortened, straight in the database is obeyed at the next call', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist', { username: 'by.hand' });
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    // An administrator's hand on the database, no desk's: the tables' own triggers tell every desk.
    await adminSql(deskA!, `UPDATE settings SET value = '1' WHERE key = 'lockAfterMinutes'`);
    deskA!.clock.advance({ minutes: 2 });
    const locked = await me.call('visits.checkIn', walkInInput('خالد سعد الحربي'));
    expect(!locked.ok && locked.error.code).toBe('locked');

    const other = await signedInAs(deskA!, 'receptionist', { username: 'by.hand.2' });
    await other.ok('visits.queue', {});
    await adminSql(deskA!, `UPDATE users SET active = false WHERE id = ${other.user.id}`);
    const env = await other.call('visits.queue', {});
    expect(!env.ok && env.error.code).toBe('unauthenticated');
  });

  it('another desk\'s check-ins leave what this desk keeps: its next call reads neither the settings nor its user again', async () => {
    const [deskA, deskB] = await hall(2);
    const a = await signedInAs(deskA!, 'receptionist', { deskId: 1 });
    const b = await signedInAs(deskB!, 'receptionist', { deskId: 2 });
    await a.ok('visits.queue', {});
    await b.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await b.ok('visits.callNext', {});
    const sent = await statementsOf(() => a.ok('visits.queue', {}));
    expect(sent.filter((text) => /from "settings"|from "users" where/i.test(text))).toEqual([]);
    expect((await a.ok('visits.queue', {})).visits.map((v) => v.state)).toEqual(['serving']);
  });

  it('a check-in and a call take the change mark with their BEGIN, no round trip before it, and still obey a stop made meanwhile', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist', { username: 'one.trip' });
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    for (const call of [() => me.ok('visits.checkIn', walkInInput('خالد سعد الحربي')), () => me.ok('visits.callNext', {})]) {
      // Not counting a statement sent ahead being prepared on the connection, once, before any transaction.
      const sent = (await statementsOf(call)).filter((text) => !/^PREPARE /.test(text));
      expect(sent[0]).toMatch(/^BEGIN;[\s\S]*SELECT facts AS facts_at_begin FROM store_revision/);
      expect(sent.filter((text) => /store_revision/.test(text) && !/^BEGIN;/.test(text))).toEqual([]);
    }
    await adminSql(deskA!, `UPDATE users SET active = false WHERE id = ${me.user.id}`);
    const env = await me.call('visits.checkIn', walkInInput('فهد سعد الحربي'));
    expect(!env.ok && env.error.code).toBe('unauthenticated');
    expect(await deskA!.db.selectFrom('visits').select('id').where('visitor_name', '=', 'فهد سعد الحربي').execute()).toEqual([]);
  });

  it('a check-in sends its facts, and a call its claim, with BEGIN: two round trips each, a press repeated included', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    const key = '0c7e3a52-5d1b-4f7a-8e21-6a9d0b3c4f58';
    let visit: VisitView | undefined;
    // The statement sent ahead is prepared once on a connection (PREPARE, before any transaction), then executed.
    const prepared = (sent: string[]) => sent.filter((text) => /^PREPARE istiqbal_kept_\w+ AS select /.test(text));
    const inTurn = (sent: string[]) => sent.filter((text) => !/^PREPARE /.test(text));
    const checkIn = await statementsOf(async () => (visit = await me.ok('visits.checkIn', walkInInput('خالد سعد الحربي', { clientKey: key }))));
    expect(inTurn(checkIn)).toHaveLength(2);
    expect(checkIn.filter((text) => /from "desks" as "d"/.test(text)).every((text) => /^PREPARE istiqbal_kept_\w+ AS select "d"\."ticket_prefix"/.test(text))).toBe(true);
    expect(inTurn(checkIn)[0]).toMatch(/^BEGIN;[\s\S]*facts_at_begin[^;]*;\nEXECUTE istiqbal_kept_\w+\('2024-02-14'/);
    // The new visit (under the id its facts brought), the timeline's event, the audit row and the
    // revision's bump, each executed prepared, with the commit.
    expect(inTurn(checkIn)[1]).toMatch(
      /^EXECUTE istiqbal_kept_\w+\('\d+', '2024-02-14', [^)]*'A-002'[^)]*\);\nEXECUTE istiqbal_kept_\w+\('\d+', [^)]*'checkIn'[^)]*\);\nEXECUTE istiqbal_kept_\w+\([\s\S]*'visits\.checkIn'[\s\S]*\);\nEXECUTE istiqbal_kept_\w+\(1\);\nCOMMIT$/,
    );
    expect(visit!.ticket).toBe('A-002');
    // A second press of the same ticket (the answer lost on the way) answers with the ticket it issued, writing nothing.
    let again: VisitView | undefined;
    const repeated = await statementsOf(async () => (again = await me.ok('visits.checkIn', walkInInput('خالد سعد الحربي', { clientKey: key }))));
    expect(again).toMatchObject({ id: visit!.id, ticket: 'A-002' });
    // Prepared once, however often it is sent ahead on the same connection.
    expect(prepared([...checkIn, ...repeated]).length).toBeLessThanOrEqual(1);
    expect((await me.ok('visits.queue', {})).visits.map((v) => v.ticket)).toEqual(['A-001', 'A-002']);

    const call = await statementsOf(() => me.ok('visits.callNext', {}));
    expect(inTurn(call)).toHaveLength(2);
    expect(inTurn(call)[0]).toMatch(/^BEGIN;[\s\S]*facts_at_begin[^;]*;\nEXECUTE istiqbal_kept_\w+\(/);
    // This core's first call: its claim is prepared now.
    expect(prepared(call)).toHaveLength(1);
    expect(prepared(call)[0]).toMatch(/^PREPARE istiqbal_kept_\w+ AS select "v"\.\*[\s\S]*for update of "v" skip locked$/);
    expect((await me.ok('visits.queue', {})).visits.map((v) => [v.ticket, v.state])).toEqual([
      ['A-001', 'serving'],
      ['A-002', 'waiting'],
    ]);
  });

  it('a locked desk sends no claim ahead: its refused call holds no visitor another desk could call', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await me.ok('auth.lock', {});
    let env: Awaited<ReturnType<typeof me.call>> | undefined;
    const sent = await statementsOf(async () => (env = await me.call('visits.callNext', {})));
    expect(!env!.ok && env!.error.code).toBe('locked');
    expect(sent.filter((text) => /EXECUTE |PREPARE /.test(text) && /^BEGIN;/.test(text))).toEqual([]);
    expect(sent.some((text) => /^BEGIN;/.test(text))).toBe(true);
  });

  it('a check-in whose statement went ahead with a time zone another desk has since changed issues its ticket on the new day', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    const first = await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    expect(first.day).toBe('2024-02-14');
    // 06:00 UTC is 09:00 in Riyadh and 22:00 of the day before in Los Angeles.
    await adminSql(deskA!, `INSERT INTO settings (key, value) VALUES ('timeZone', '"America/Los_Angeles"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    let second: VisitView | undefined;
    const sent = await sentStatements(async () => (second = await me.ok('visits.checkIn', walkInInput('خالد سعد الحربي'))));
    expect(second).toMatchObject({ day: '2024-02-13', ticket: 'A-001' });
    // The facts sent ahead were of Riyadh's day: the check-in read them again for its own.
    expect(sent.find((s) => /^BEGIN;/.test(s.text))?.text).toMatch(/EXECUTE istiqbal_kept_\w+\('2024-02-14'/);
    expect(sent.filter((s) => /^select "d"\."ticket_prefix"/.test(s.text)).map((s) => s.values[0])).toEqual(['2024-02-13']);
  });

  it('a claim kept prepared on a connection whose table has since changed is let go, and the call runs again on another', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    for (const name of ['سالم علي الحربي', 'خالد سعد الحربي']) await me.ok('visits.checkIn', walkInInput(name));
    expect((await me.ok('visits.callNext', {}))?.ticket).toBe('A-001');
    // What a newer version's migration might do meanwhile: the claim's `v.*` no longer has the columns it was prepared with.
    await adminSql(deskA!, 'ALTER TABLE visits ADD COLUMN later_column integer');
    const env = await me.call('visits.callNext', { alsoWhileServing: true });
    expect(env.ok && env.value?.ticket).toBe('A-002');
  });

  it('today\'s queue goes with the change mark: one round trip', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await me.ok('visits.queue', {}); // what the dispatcher keeps is read once
    let queue: QueueView | undefined;
    const sent = await sentStatements(async () => (queue = await me.ok('visits.queue', {})));
    expect(sent.map((s) => s.text)).toEqual([
      expect.stringMatching(/^SELECT facts FROM store_revision/),
      expect.stringMatching(/^select "v"\."id"/),
      expect.stringMatching(/^select 'u' as "kind"/),
    ]);
    expect(new Set(sent.map((s) => s.trip)).size).toBe(1);
    expect(sent[1]!.values).toEqual(['2024-02-14']);
    expect(queue!.visits.map((v) => [v.ticket, v.name, v.deskName])).toEqual([['A-001', 'سالم علي الحربي', 'مكتب الاستقبال 1']]);
  });

  it('the referrals list, the committee\'s list and its counts each go with the change mark: one round trip each', async () => {
    const [deskA] = await hall(1);
    const researcher = await signedInAs(deskA!, 'researcher', { deskId: 3 });
    const supervisor = await signedInAs(deskA!, 'supervisor', { deskId: 3 });
    const reads: [typeof researcher, 'visits.referrals' | 'requests.committee' | 'requests.committeeCounts', RegExp][] = [
      [researcher, 'visits.referrals', /^select "v"\."id"[\s\S]*"v"\."referred_to"/],
      [supervisor, 'requests.committee', /^select "r"\."id"[\s\S]*limit \$\d+ offset \$\d+$/],
      [supervisor, 'requests.committeeCounts', /^select count\(\*\)/],
    ];
    for (const [who, operation, statement] of reads) {
      await who.ok(operation, {}); // what the dispatcher keeps is read once
      const sent = await sentStatements(() => who.ok(operation, {}));
      expect(sent.map((s) => s.text)).toEqual([expect.stringMatching(/^SELECT facts FROM store_revision/), expect.stringMatching(statement)]);
      expect(new Set(sent.map((s) => s.trip)).size).toBe(1);
    }
  });

  it('a queue whose statements went ahead with a time zone another desk has since changed shows the new day', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    expect((await me.ok('visits.queue', {})).visits).toHaveLength(1);
    // 06:00 UTC is 09:00 in Riyadh and 22:00 of the day before in Los Angeles.
    await adminSql(deskA!, `INSERT INTO settings (key, value) VALUES ('timeZone', '"America/Los_Angeles"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    let queue: QueueView | undefined;
    const sent = await sentStatements(async () => (queue = await me.ok('visits.queue', {})));
    expect(queue).toMatchObject({ day: '2024-02-13', visits: [] });
    // Riyadh's day went ahead with the mark; the queue read the new day's rows itself, after.
    const days = sent.filter((s) => /^select "v"\."id"/.test(s.text));
    expect(days.map((s) => s.values[0])).toEqual(['2024-02-14', '2024-02-13']);
    expect(days[1]!.trip).toBeGreaterThan(days[0]!.trip);
  });

  it('a receptionist stopped at another desk gets no queue from the rows that went ahead: the read is refused', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await me.ok('visits.queue', {});
    await adminSql(deskA!, `UPDATE users SET active = false WHERE id = ${me.user.id}`);
    const env = await me.call('visits.queue', {});
    expect(env.ok).toBe(false);
    expect(!env.ok && env.error.code).toBe('unauthenticated');
  });

  it('a queue statement kept prepared on a connection whose table has since changed is let go, and the queue is read anew', async () => {
    const [deskA] = await hall(1);
    const me = await signedInAs(deskA!, 'receptionist');
    await me.ok('visits.checkIn', walkInInput('سالم علي الحربي'));
    await me.ok('visits.queue', {});
    await me.ok('visits.queue', {});
    // What a newer version's migration might do meanwhile: a column the queue reads changes its type.
    await adminSql(deskA!, 'ALTER TABLE visits ALTER COLUMN ticket TYPE varchar(40)');
    expect((await me.ok('visits.queue', {})).visits.map((v) => v.ticket)).toEqual(['A-001']);
    expect((await me.ok('visits.queue', {})).visits.map((v) => v.ticket)).toEqual(['A-001']);
  });

  it('a check-in at one desk is in the next queue read at another', async () => {
    const [deskA, deskB] = await hall(2);
    const a = await signedInAs(deskA!, 'receptionist', { deskId: 1 });
    const b = await signedInAs(deskB!, 'receptionist', { deskId: 2 });
    expect((await b.ok('visits.queue', {})).visits).toEqual([]);
    const visit = await a.ok('visits.checkIn', walkInInput());
    expect((await b.ok('visits.queue', {})).visits.map((v) => v.ticket)).toEqual([visit.ticket]);
  });

  it('every committed change moves the revision and is announced with NOTIFY carrying it; a call that changes nothing announces nothing', async () => {
    const [t] = await hall(1);
    const desk = await signedInAs(t!, 'receptionist');
    const listener = new pg.Client({ connectionString: t!.storeArg });
    await listener.connect();
    try {
      const heard: string[] = [];
      let wake: (() => void) | null = null;
      listener.on('notification', (n) => {
        if (n.channel === CHANGES_CHANNEL) heard.push(n.payload ?? '');
        wake?.();
      });
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
      const next = async () => {
        while (heard.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        return Number(heard.shift());
      };

      const before = (await desk.ok('settings.revision', {})).revision;
      const key = '6b1f3c2e-0d7a-4e55-9a61-2f7c8d9e0a11';
      await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي', { clientKey: key }));
      const announced = await next();
      expect(announced).toBe(before + 1);
      expect((await desk.ok('settings.revision', {})).revision).toBe(announced);

      // The same check-in again (a double press) is answered from the first and writes nothing.
      await desk.ok('visits.checkIn', walkInInput('سالم علي الحربي', { clientKey: key }));
      expect((await desk.ok('settings.revision', {})).revision).toBe(announced);
      // The next real change is the very next announcement: nothing was announced in between.
      await desk.ok('visits.checkIn', walkInInput('خالد سعد الحربي'));
      expect(await next()).toBe(announced + 1);
      // A desk's own changes and the others are counted apart (a row of the desk's own): one revision still.
      const admin = await signedInAs(t!, 'admin');
      await admin.ok('settings.update', { lockAfterMinutes: 7 });
      expect(await next()).toBe(announced + 2);
      await desk.ok('visits.checkIn', walkInInput('فهد سعد الحربي'));
      expect(await next()).toBe(announced + 3);
      expect((await desk.ok('settings.revision', {})).revision).toBe(announced + 3);
    } finally {
      await listener.end();
    }
  });
});

describe('the PostgreSQL store itself', () => {
  it('a transaction the server refuses as a serialization failure runs again, its first attempt leaving nothing', async () => {
    const [t] = await hall(1);
    let attempts = 0;
    const result = await t!.store.write(async (trx) => {
      attempts += 1;
      await trx.insertInto('settings').values({ key: `probe-${attempts}`, value: '"x"' }).execute();
      if (attempts === 1) await sql`DO $$ BEGIN RAISE EXCEPTION 'probe' USING ERRCODE = 'serialization_failure'; END $$`.execute(trx);
      return attempts;
    });
    expect(result).toBe(2);
    const probes = await t!.db.selectFrom('settings').select('key').where('key', 'like', 'probe-%').execute();
    expect(probes.map((p) => p.key)).toEqual(['probe-2']);
  });

  it('any other failure is not retried: the caller gets it at once and nothing is written', async () => {
    const [t] = await hall(1);
    let attempts = 0;
    await expect(
      t!.store.write(async (trx) => {
        attempts += 1;
        await trx.insertInto('settings').values({ key: 'probe', value: '"x"' }).execute();
        await sql`DO $$ BEGIN RAISE EXCEPTION 'probe' USING ERRCODE = 'check_violation'; END $$`.execute(trx);
      }),
    ).rejects.toThrow(/probe/);
    expect(attempts).toBe(1);
    expect(await t!.db.selectFrom('settings').select('key').where('key', '=', 'probe').execute()).toEqual([]);
  });
});
