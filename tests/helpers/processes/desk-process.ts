/**
 * Child process acting as one desk on a shared data folder (two desks = two processes = two SQLite
 * connections, as in the hall). argv: DATA_DIR NOW_ISO [STORE: 'sqlite' or a postgres:// URL]. Reads one JSON command per stdin line,
 * `{"op": "...", "input": {...}}`, dispatches it on its one session and prints the envelope as one
 * JSON line. The clock is fixed at NOW_ISO so both desks and the test agree on the business day.
 */
import { createInterface } from 'node:readline';
import { createCore, storeChoiceFrom } from '../../../electron/core/core';
import { TEST_PASSWORD_COST } from '../password-cost';

async function main(): Promise<void> {
  const [dataDir, nowIso] = process.argv.slice(2);
  if (!dataDir || !nowIso) throw new Error('usage: desk-process.ts DATA_DIR NOW_ISO');
  const now = new Date(nowIso);
  const core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir, store: storeChoiceFrom(process.argv[4]), now: () => new Date(now), log: (e) => console.error(e) });
  const session = core.createSession();
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { op, input } = JSON.parse(line) as { op: string; input: unknown };
    if (op === 'exit') break;
    const env = await core.dispatch(op, input, session);
    process.stdout.write(JSON.stringify(env) + '\n');
  }
  await core.close();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
