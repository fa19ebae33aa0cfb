import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_STATES } from '@shared/domain/request';
import { businessDay } from '@shared/dates/calendar';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../electron/core/demo/seed-demo';
import { DEMO_ADMIN, demoStartMessage, startWithDemo } from '../../../electron/core/demo/start-with-demo';
import { spawnTs } from '../../helpers/child-process';
import { beneficiaryInput } from '../../helpers/fixtures';
import { anonymous, signedInAs } from '../../helpers/sessions';
import { makeTempDir, openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * Training data (README "Training data"): `--demo` on a new data folder leaves a store to sign in to at once, with
 * support requests in every state; on a store that has anything in it, it adds nothing.
 */
const NOW = '2024-02-14T08:00:00Z';
const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0).reverse()) await c.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function freshCore(dataDir?: string): Promise<TestCore> {
  const core = await openTestCore({ now: NOW, dataDir });
  cores.push(core);
  return core;
}

async function demoStore() {
  const t = await freshCore();
  const result = await startWithDemo(t, t.clock.now());
  const admin = anonymous(t);
  await admin.ok('auth.signIn', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password, deskId: 1 });
  return { t, result, admin };
}

describe('--demo on a new data folder', () => {
  it('Training data: no setup asked — the demo administrator and every demo staff member sign in at once', async () => {
    const t = await freshCore();
    expect((await anonymous(t).ok('auth.session', {})).needsSetup).toBe(true);

    const result = await startWithDemo(t, t.clock.now());
    expect(result.filled).toBe(true);
    expect((await anonymous(t).ok('auth.session', {})).needsSetup).toBe(false);

    const admin = await anonymous(t).ok('auth.signIn', { username: 'admin', password: DEMO_PASSWORD, deskId: 1 });
    expect(admin.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
    for (const u of DEMO_USERS) {
      const view = await anonymous(t).ok('auth.signIn', { username: u.username, password: DEMO_PASSWORD, deskId: 2 });
      expect(view.user, u.username).toMatchObject({ username: u.username, role: u.role });
    }
    // The password README publishes is one the later, stricter rule for new passwords still accepts.
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(8);
    expect(demoStartMessage(result)).toContain(`admin`);
    expect(demoStartMessage(result)).toContain(DEMO_PASSWORD);
  });

  it('Training data: support requests in every state, from draft to closed', async () => {
    const { t, result, admin } = await demoStore();
    const all = await admin.ok('requests.list', { limit: 500 });
    expect(result.filled && result.summary.requests).toBe(all.length);
    const states = new Set(all.map((r) => r.state));
    for (const state of REQUEST_STATES) expect(states.has(state), state).toBe(true);

    const rejected = all.filter((r) => r.state === 'rejected');
    for (const r of rejected) expect((await admin.ok('requests.get', { requestId: r.id })).decision?.reason).toBeTruthy();

    // Every request that reached the committee went with all its documents valid and the declaration signed.
    for (const r of all.filter((x) => !['draft', 'incomplete', 'complete'].includes(x.state))) {
      const view = await admin.ok('requests.get', { requestId: r.id });
      expect(view.declaration, r.number).not.toBeNull();
      expect(view.documents.filter((d) => d.required).every((d) => d.status === 'provided'), r.number).toBe(true);
    }
    // The served ones record what was given; registered ones gave the beneficiary a file number.
    for (const r of all.filter((x) => x.state === 'served' || x.state === 'closed')) {
      const view = await admin.ok('requests.get', { requestId: r.id });
      expect(view.service?.description, r.number).toBeTruthy();
      expect(view.beneficiary.fileNumber, r.number).toMatch(/^F-\d+$/);
    }
    // An incomplete one shows the receptionist what is missing or expired.
    const incomplete = all.filter((r) => r.state === 'incomplete');
    const blockers = (await Promise.all(incomplete.map((r) => admin.ok('requests.get', { requestId: r.id })))).flatMap((v) => v.blockers);
    expect(blockers.some((b) => b.includes('منتهي الصلاحية'))).toBe(true);
    expect(blockers.some((b) => b.includes('غير مقدّم'))).toBe(true);
    expect(t.internalErrors).toEqual([]);
  });

  it('Training data: the committee has overdue requests and requests still within their period', async () => {
    const { t, admin } = await demoStore();
    const supervisor = anonymous(t);
    await supervisor.ok('auth.signIn', { username: 'supervisor1', password: DEMO_PASSWORD, deskId: 1 });
    const committee = await supervisor.ok('requests.committee', {});
    const today = businessDay(t.clock.now());
    const overdue = committee.filter((r) => r.overdue);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    for (const r of overdue) expect(r.expectedAnswerDate! < today).toBe(true);
    expect(committee.some((r) => !r.overdue)).toBe(true);
    // Oldest first, as the committee reads them.
    const submitted = committee.map((r) => r.submittedAt!);
    expect(submitted).toEqual([...submitted].sort());
    expect((await admin.ok('requests.list', { states: ['submitted'], limit: 100 })).length).toBe(committee.length);
  });

  it('Training data: one request is referred to the researcher with a question, on the researcher\'s list', async () => {
    const { t } = await demoStore();
    const researcher = anonymous(t);
    const me = await researcher.ok('auth.signIn', { username: 'researcher1', password: DEMO_PASSWORD, deskId: 3 });
    const referrals = await researcher.ok('requests.referrals', {});
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ referralOpen: true, referredTo: { id: me.user!.id } });
    expect(referrals[0]!.referralQuestion!.length).toBeGreaterThan(10);
    // An answered referral stays on the timeline of another request.
    const answered = await t.db.selectFrom('request_events').select('id').where('action', '=', 'referral_answered').execute();
    expect(answered.length).toBeGreaterThanOrEqual(1);
  });

  it('Training data: today\'s visitor being served has a request opened from the visit', async () => {
    const { admin } = await demoStore();
    const drafts = await admin.ok('requests.list', { states: ['draft'], limit: 100 });
    const views = await Promise.all(drafts.map((r) => admin.ok('requests.get', { requestId: r.id })));
    const fromVisit = views.find((v) => v.visitId !== null);
    expect(fromVisit).toBeDefined();
    const visit = await admin.ok('visits.get', { visitId: fromVisit!.visitId! });
    expect(visit.state).toBe('serving');
  });

  it('Training data: the past weeks are in the audit trail at their own times, by the staff who did them', async () => {
    const { t } = await demoStore();
    const rows = await t.db
      .selectFrom('audit as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.at', 'a.operation', 'u.username'])
      .where('a.operation', 'like', 'requests.%')
      .orderBy('a.id')
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.at)).toEqual(rows.map((r) => r.at).sort());
    expect(rows[0]!.at < new Date(Date.parse(NOW) - 30 * 86_400_000).toISOString()).toBe(true);
    expect(rows.filter((r) => r.operation === 'requests.decide').every((r) => r.username === 'supervisor1')).toBe(true);
    expect(rows.every((r) => r.at <= new Date(NOW).toISOString())).toBe(true);
  });
});

describe('--demo on a store that already has something in it (README: it adds nothing and says so)', () => {
  it('Training data: a store with its administrator and no data yet gets nothing — no demo accounts with a published password', async () => {
    const t = await freshCore();
    await signedInAs(t, 'admin');
    const before = await rowCounts(t);
    const result = await startWithDemo(t, t.clock.now());
    expect(result).toEqual({ filled: false });
    expect(await rowCounts(t)).toEqual(before);
    expect(demoStartMessage(result)).toContain('--data-dir');
    const demoStaff = await anonymous(t).call('auth.signIn', { username: 'reception1', password: DEMO_PASSWORD, deskId: 1 });
    expect(demoStaff.ok).toBe(false);
  });

  it('Training data: a store with real beneficiaries gets nothing', async () => {
    const t = await freshCore();
    const admin = await signedInAs(t, 'admin');
    await admin.ok('beneficiaries.register', beneficiaryInput(11));
    const before = await rowCounts(t);
    expect(await startWithDemo(t, t.clock.now())).toEqual({ filled: false });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('Training data: a demo store started again with --demo is left as it is (no second copy)', async () => {
    const { t } = await demoStore();
    const before = await rowCounts(t);
    expect(await startWithDemo(t, t.clock.now())).toEqual({ filled: false });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('Training data: two shells started with --demo on one new folder at once fill it once', async () => {
    const dir = makeTempDir('istiqbal-demo-race-');
    dirs.push(dir);
    const t = await freshCore(dir); // migrated before the two shells start: the race is the filling, not the schema
    // Two processes, two connections to the store, as two shells on one store would be.
    const shells = [spawnTs('demo-start.ts', [dir, NOW, t.storeArg]), spawnTs('demo-start.ts', [dir, NOW, t.storeArg])];
    try {
      for (const s of shells) expect(await s.nextLine(60_000)).toBe('ready');
      for (const s of shells) s.send('go');
      const results = await Promise.all(shells.map(async (s) => JSON.parse(await s.nextLine(60_000)) as { filled: boolean }));
      expect(results.filter((r) => r.filled)).toHaveLength(1);
      for (const s of shells) expect((await s.exited).code).toBe(0);
    } finally {
      for (const s of shells) s.child.kill();
    }
    expect((await rowCounts(t)).users).toBe(1 + DEMO_USERS.length);
  }, 120_000);
});
