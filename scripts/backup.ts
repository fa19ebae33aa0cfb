// npm run backup [-- --data-dir DIR] [--out FILE]: a consistent copy of the store, safe while desks work.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupStore } from '../electron/core/backup/backup-store';
import { defaultDataDir } from '../electron/core/data-dir';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } });
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
backupStore(dataDir, values.out ? resolve(values.out) : undefined)
  .then((file) => console.log(`نسخة احتياطية / backup written: ${file}`))
  .catch((error: Error) => {
    console.error(`تعذّر النسخ الاحتياطي / backup failed: ${error.message}`);
    process.exit(1);
  });
