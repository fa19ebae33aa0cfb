/**
 * Another process holding the store's write lock, as another desk's shell in the middle of a change
 * (or a maintenance tool) does. argv: STORE_FILE. Takes BEGIN IMMEDIATE and prints `locked`; on the
 * stdin line `release` ends its transaction, which wrote nothing, and prints `released`; `exit` ends
 * the process.
 */
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: hold-lock.ts STORE_FILE');
  const db = new BetterSqlite3(file);
  db.exec('BEGIN IMMEDIATE');
  console.log('locked');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'release') {
      db.exec('ROLLBACK');
      console.log('released');
    } else if (line === 'exit') {
      break;
    }
  }
  db.close();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
