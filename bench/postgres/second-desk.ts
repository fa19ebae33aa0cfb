/**
 * The second desk of `npm run bench -- --store postgres`: a process of its own, with its own core on the
 * same database (as a second PC in the hall), signed in at desk 3, checking a visitor in and calling the
 * next one until told to stop — back to back, or one pair every `pace` ms — then it sends its timings and ends.
 * argv: the database URL, the bench's "now" in ms (the store's today, so its tickets are today's), the pace in ms (0: back to back).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import { BENCH_PASSWORD } from '../data';

async function main() {
  const [url, nowArg, paceArg] = process.argv.slice(2);
  const pace = Number(paceArg ?? 0);
  const t0 = Date.now();
  const base = Number(nowArg);
  const dataDir = mkdtempSync(join(tmpdir(), 'istiqbal-bench-desk2-'));
  const core = await createCore({ dataDir, store: { kind: 'postgres', url: url! }, now: () => new Date(base + (Date.now() - t0)) });
  const sid = core.createSession();
  const call = async (op: string, input: unknown) => {
    const r = await core.dispatch(op, input, sid);
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await call('auth.signIn', { username: 'desk.b1', password: BENCH_PASSWORD, deskId: 3 });
  const max = 150_000;
  let stopping = false;
  process.on('message', (m) => {
    if (m === 'stop') stopping = true;
  });
  const timings = { checkIn: [] as number[], callNext: [] as number[] };
  process.send!('writing');
  const started = performance.now();
  for (let i = 0; !stopping; i++) {
    if (pace > 0) {
      const wait = started + i * pace - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopping) break;
    }
    const t = process.hrtime.bigint();
    await call('visits.checkIn', { beneficiaryId: 1 + ((i * 7_919) % max), reason: 'follow_up', again: true, clientKey: randomUUID() });
    timings.checkIn.push(Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.hrtime.bigint();
    await call('visits.callNext', { alsoWhileServing: true });
    timings.callNext.push(Number(process.hrtime.bigint() - u) / 1e6);
    if (i % 200 === 0) await call('auth.touch', {});
  }
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.send!(timings, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.send?.(String(error));
  process.exit(1);
});
