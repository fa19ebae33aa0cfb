import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function moduleDir(): string {
  // __dirname in the CommonJS main-process bundle; import.meta.url under vitest and tsx.
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/**
 * How to start the job worker. In a build (the Electron shell, the loopback shell) it is
 * out/main/job-worker.js, an entry of its own beside the shell's (electron.vite.config.ts), found
 * from here or from the shared chunk one folder down. From the sources (vitest, the bench, scripts
 * under tsx) it is job-worker.ts beside this file, loaded through tsx inside the worker, since a
 * worker thread does not inherit its parent's TypeScript loader.
 */
export function jobWorkerScript(): { script: string; eval: boolean } {
  const dir = moduleDir();
  for (const folder of [dir, resolve(dir, '..')]) {
    const built = join(folder, 'job-worker.js');
    if (existsSync(built)) return { script: built, eval: false };
  }
  const source = join(dir, 'job-worker.ts');
  if (!existsSync(source)) throw new Error(`the job worker is neither built beside ${dir} nor its source there`);
  const tsx = createRequire(source).resolve('tsx/cjs/api');
  return { script: `require(${JSON.stringify(tsx)}).require(${JSON.stringify(source)}, ${JSON.stringify(source)});`, eval: true };
}
