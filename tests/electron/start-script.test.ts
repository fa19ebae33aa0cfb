import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child-process';

/**
 * `npm start` is the locked-down run (docs/architecture.md#security): it takes the desk's own options and refuses any other
 * switch before building or starting anything — a Chromium or Node switch is for `npm run dev`.
 */
const start = (args: string[]) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/start.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });

it.each([
  [['--remote-debugging-port=9222']],
  [['--data-dir', '/tmp/istiqbal-never', '--inspect=9229']],
  [['--disable-web-security', '--demo']],
  [['--remote-debugging-port', '9222']],
])('npm start %j refuses the switch in Arabic and starts nothing', (args) => {
  const run = start(args);
  expect(run.status).toBe(2);
  const switchGiven = args.find((a) => !['--data-dir', '/tmp/istiqbal-never', '--demo', '9222'].includes(a))!;
  expect(run.stderr).toContain(switchGiven);
  expect(run.stderr).toMatch(/[\u0600-\u06FF]/);
  expect(run.stdout).not.toContain('building');
});
