/**
 * A store move (the one npm run store:migrate makes) that holds still once the table named third on
 * the command line has had its first batch copied — its transaction open, rows in it — printing
 * "held", so the test can kill it there with SIGKILL. Args: DATA_DIR URL TABLE.
 */
import { moveStoreToPostgres } from '../../../electron/core/store/move-to-postgres/move-store';

async function main(): Promise<void> {
  const [dataDir, url, holdAt] = process.argv.slice(2);
  if (!dataDir || !url || !holdAt) throw new Error('usage: store-move-held.ts DATA_DIR URL TABLE');
  await moveStoreToPostgres({
    dataDir,
    url,
    mode: 'closed',
    by: { command: true, osUser: 'test' },
    onProgress: async (p) => {
      if (p.phase === 'tables' && p.table === holdAt && p.done > 0) {
        console.log('held');
        await new Promise(() => undefined);
      }
    },
  });
  console.log('finished');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
