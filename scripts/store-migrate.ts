// npm run store:migrate -- --from DATA_DIR --to postgres://user:password@host:5432/database
// Moves a desk's SQLite store (every table, the audit trail, the scans, reference PDFs and printed
// copies) into an EMPTY PostgreSQL database, in one pass, then checks that every table arrived with the
// same rows (a count and a checksum on both sides) and every file with the same SHA-256. Close the
// desks on that data folder first: the store is only read, and refused while another process has it.
// Restartable: a move cut off leaves the database with no rows, and running it again starts over.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { postgresUrl } from '@shared/contract/store-move';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { defaultDataDir } from '../electron/core/data-dir';
import { moveStoreToPostgres, type MoveProgress } from '../electron/core/store/move-to-postgres/move-store';
import { withoutPassword } from '../electron/core/store-move/store-move-service';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  const url = postgresUrl().safeParse(values.to ?? '');
  if (!url.success) {
    console.error(`${ar.storeMove.badUrl}\nusage: npm run store:migrate -- --from DATA_DIR --to postgres://user:password@host:5432/database`);
    return 2;
  }
  const dataDir = resolve(values.from ?? defaultDataDir());
  console.log(`${ar.storeMove.title} / moving the store: ${dataDir} → ${withoutPassword(url.data)}`);
  try {
    const moved = await moveStoreToPostgres({ dataDir, url: url.data, mode: 'closed', by: { command: true, osUser: userInfo().username }, onProgress: progressLines() });
    for (const t of moved.tables) console.log(`✓ ${t.name}: ${t.rows} rows, sha256 ${t.sha256}`);
    console.log(`✓ files: ${moved.files} (${moved.bytes} bytes), every SHA-256 the same`);
    console.log(`${ar.storeMove.done} / moved and verified`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${error.message} / store not moved`);
    return 1;
  }
}

/** A line when a table (or the files) starts, at each tenth of it, and when it is done. */
function progressLines(write: (line: string) => void = (l) => console.log(l)) {
  let last = '';
  return (p: MoveProgress) => {
    const step = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 0;
    const key = `${p.phase}:${p.table}:${step}:${p.done === p.total}`;
    if (key === last) return;
    last = key;
    const what = p.table ?? (p.phase === 'files' || p.phase === 'verify' ? 'files' : '');
    write(`${ar.storeMove.phases[p.phase]} / ${p.phase}: ${what} ${p.done}/${p.total} (${Math.floor(p.fraction * 100)}%)`.replace(/\s+/g, ' '));
  };
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`${ar.storeMove.failedTitle} / store move failed: ${error.message}`);
    process.exit(1);
  },
);
