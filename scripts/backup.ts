// npm run backup [-- --data-dir DIR] [--folder DIR]: one backup of the whole data folder's data (the
// database as a consistent snapshot, scans, reference PDFs, letterhead) as one verified file, safe
// while desks work. Into the backup folder set in the settings (backups/ in the data folder unless
// the administrator chose another), or into --folder.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/core';
import { defaultDataDir } from '../electron/core/data-dir';
import { progressPrinter } from './cli-progress';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, folder: { type: 'string' } } });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const core = await createCore({ dataDir, log: (error, what) => console.error(`[${what}]`, error) });
  try {
    const result = await core.backups.runCommand({ folder: values.folder ? resolve(values.folder) : undefined, onProgress: progressPrinter() });
    if (!result.ok) {
      console.error(`${result.message} / backup failed`);
      return 1;
    }
    console.log(`نسخة احتياطية / backup written: ${result.backup.file}`);
    return 0;
  } finally {
    await core.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`تعذّر النسخ الاحتياطي / backup failed: ${error.message}`);
    process.exit(1);
  },
);
