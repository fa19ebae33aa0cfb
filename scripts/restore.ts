// npm run restore -- --from FILE [--data-dir DIR]: restores a backup over the data folder, as the
// settings screen does: the whole file checked first (every file's SHA-256, the database's
// integrity, a schema no newer than this program's), the current data kept aside under
// before-restore/<time> in the data folder, then the backup's data put in place. Close the desks first.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/core';
import { defaultDataDir } from '../electron/core/data-dir';
import { progressPrinter } from './cli-progress';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, from: { type: 'string' } } });
  if (!values.from) {
    console.error('اذكر ملف النسخة الاحتياطية / name the backup file: npm run restore -- --from FILE [--data-dir DIR]');
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const core = await createCore({ dataDir, log: (error, what) => console.error(`[${what}]`, error) });
  try {
    const result = await core.backups.runRestore(resolve(values.from), { command: true, osUser: userInfo().username }, progressPrinter());
    if (!result.ok) {
      console.error(`${result.message} / restore refused`);
      return 1;
    }
    console.log(`${result.message} / restored`);
    return 0;
  } finally {
    await core.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`تعذّرت الاستعادة / restore failed: ${error.message}`);
    process.exit(1);
  },
);
