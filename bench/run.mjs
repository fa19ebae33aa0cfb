// `npm run bench [-- --out FILE] [--regenerate] [--only core|renderer]`: a tiny launcher so the
// bench itself can be TypeScript that imports the core's sources directly (through tsx).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: join(here, '..'),
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
