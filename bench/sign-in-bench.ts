/**
 * Sign-in under guessing (docs/architecture.md#security), on a fresh store at the production scrypt cost: how long a sign-in
 * takes for an existing account and for an unknown username (they must not differ: the time would tell
 * which usernames exist), beside the bare scrypt hash; and how long a guesser's 50 tries at one account
 * take until the lock. The waits the core imposes are served by moving the core's clock (the bench does
 * not sit out 62 s); the time the core spends answering is real.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSWORD_COST } from '../electron/core/auth/passwords';
import { createCore, type Core } from '../electron/core/core';
import { summarize, type Row } from './stats';

const PASSWORD = 'bench-sign-in-2024';
/** A sign-in is one scrypt hash at N=2^17 (about 0.4 s on the reference machine) and the call around it. */
const TARGET_SIGN_IN_P95 = 1_000;

export async function benchSignIn(opts: { quick: boolean; log: (line: string) => void }): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'istiqbal-bench-sign-in-'));
  let offset = 0;
  const core = await createCore({ dataDir: dir, now: () => new Date(Date.now() + offset), log: (e) => console.error(e) });
  try {
    return await run(core, opts, (ms) => (offset += ms));
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(core: Core, { quick, log }: { quick: boolean; log: (line: string) => void }, wait: (ms: number) => void): Promise<Row[]> {
  const call = async (operation: string, input: unknown, session = core.createSession()) => core.dispatch(operation, input, session);
  const admin = core.createSession();
  await call('auth.setup', { username: 'admin', fullName: 'مدير النظام', password: PASSWORD, deskId: 1 }, admin);
  await call('users.create', { username: 'noura', fullName: 'نورة سعد العتيبي', role: 'receptionist', password: PASSWORD }, admin);
  log(`sign-in: scrypt N=${PASSWORD_COST.N}, r=${PASSWORD_COST.r}, p=${PASSWORD_COST.p}, on a fresh store`);

  // Existing with a wrong password, unknown, existing with the right one, interleaved; a day passes
  // between rounds so no try meets the waits (a day without failures forgets them).
  const reps = quick ? 5 : 20;
  const times: Record<'wrong' | 'unknown' | 'right' | 'bare', number[]> = { wrong: [], unknown: [], right: [], bare: [] };
  const salt = randomBytes(16);
  const timed = async (into: number[], fn: () => Promise<unknown>) => {
    const t0 = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  for (let i = 0; i < reps + 1; i++) {
    const round = { wrong: [] as number[], unknown: [] as number[], right: [] as number[], bare: [] as number[] };
    await timed(round.wrong, () => call('auth.signIn', { username: 'noura', password: `wrong-guess-${i}`, deskId: 1 }));
    await timed(round.unknown, () => call('auth.signIn', { username: `nobody${i}`, password: `wrong-guess-${i}`, deskId: 1 }));
    await timed(round.right, () => call('auth.signIn', { username: 'noura', password: PASSWORD, deskId: 1 }));
    await timed(round.bare, () => hash(PASSWORD, salt));
    wait(25 * 3_600_000);
    if (i === 0) continue; // the first round warms up
    for (const k of Object.keys(times) as (keyof typeof times)[]) times[k].push(...round[k]);
  }
  const bare = summarize(times.bare);
  const rows: Row[] = [
    { name: 'sign-in: existing user, wrong password', core: summarize(times.wrong), bare, targetP95: TARGET_SIGN_IN_P95 },
    { name: 'sign-in: unknown username', core: summarize(times.unknown), bare, targetP95: TARGET_SIGN_IN_P95 },
    { name: 'sign-in: existing user, right password', core: summarize(times.right), bare, targetP95: TARGET_SIGN_IN_P95 },
  ];
  const gap = Math.abs(summarize(times.wrong).median - summarize(times.unknown).median);
  log(`sign-in: median existing ${summarize(times.wrong).median.toFixed(0)} ms, unknown ${summarize(times.unknown).median.toFixed(0)} ms (difference ${gap.toFixed(1)} ms), bare scrypt ${bare.median.toFixed(0)} ms`);

  // A guesser's 50 tries at one account, each sent as soon as the core says it may come.
  const guesser = core.createSession();
  let answering = 0;
  let waited = 0;
  let checked = 0;
  let lockedAt: number | null = null;
  for (let i = 0; i < 50; i++) {
    const t0 = process.hrtime.bigint();
    const env = await call('auth.signIn', { username: 'noura', password: `guess-${i}-of-fifty`, deskId: 1 }, guesser);
    answering += Number(process.hrtime.bigint() - t0) / 1e6;
    if (env.ok) throw new Error('a guess signed in');
    if (env.error.code === 'validation') checked++;
    if (lockedAt === null && /أُوقف الدخول/.test(env.error.message)) lockedAt = (answering + waited) / 1000;
    const seconds = env.error.retryAfterSeconds ?? 0;
    waited += seconds * 1000;
    wait(seconds * 1000);
  }
  const right = await call('auth.signIn', { username: 'noura', password: PASSWORD, deskId: 1 });
  if (right.ok) throw new Error('the right password was let in while locked');
  const total = (answering + waited) / 1000;
  const note =
    `${checked} of 50 guesses checked; locked after ${lockedAt?.toFixed(1)} s (${(waited / 1000).toFixed(0)} s of waits + ${(answering / 1000).toFixed(1)} s of answers); ` +
    `all 50 took ${total.toFixed(1)} s; the right password is then refused for 15 minutes or until lifted, and each later wrong one locks again (about ${10 + 96} guesses a day at most)`;
  log(`sign-in: time to the lockout ${lockedAt?.toFixed(1)} s — ${note}`);
  rows.push({ name: 'time to the lockout (50 guesses at one account)', core: null, bare: null, targetP95: 0, note });
  return rows;
}

function hash(password: string, salt: Buffer): Promise<Buffer> {
  const { N, r, p } = PASSWORD_COST;
  return new Promise((resolve, reject) => scrypt(password, salt, 64, { N, r, p, maxmem: 2 * 128 * N * r * p }, (e, k) => (e ? reject(e) : resolve(k))));
}
