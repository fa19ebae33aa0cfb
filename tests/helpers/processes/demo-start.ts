/**
 * Child process acting as one shell started with --demo (argv: DATA_DIR NOW_ISO [STORE: 'sqlite' or a postgres:// URL]): opens the core,
 * prints "ready", waits for a "go" line (so two of them start together), runs startWithDemo and
 * prints its result as one JSON line.
 */
import { createInterface } from 'node:readline';
import { createCore, storeChoiceFrom } from '../../../electron/core/core';
import { startWithDemo } from '../../../electron/core/demo/start-with-demo';
import { TEST_PASSWORD_COST } from '../password-cost';

async function main(): Promise<void> {
  const [dataDir, nowIso] = process.argv.slice(2);
  if (!dataDir || !nowIso) throw new Error('usage: demo-start.ts DATA_DIR NOW_ISO');
  const core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir, store: storeChoiceFrom(process.argv[4]), now: () => new Date(nowIso), log: (e) => console.error(e) });
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'go') continue;
    const result = await startWithDemo(core, new Date(nowIso));
    process.stdout.write(JSON.stringify({ filled: result.filled }) + '\n');
    break;
  }
  await core.close();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
