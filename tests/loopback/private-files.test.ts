import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/core';
import { spawnTs, type TsChild } from '../helpers/child-process';
import { makeTempDir, openTestCore } from '../helpers/test-core';

/**
 * Personal data at rest (docs/architecture.md#security), in the loopback shell as `npm start -- --headless` runs it: on a
 * data folder an older version left 0755 / 0644, with a permissive umask, the started shell leaves the
 * folder 0700, every file in it 0600, and its own loopback.json (the API's token) 0600.
 */
const CLI = '../../../electron/loopback/cli.ts';
let dir: string;
let shell: TsChild | null = null;
let previousUmask: number;

beforeAll(async () => {
  previousUmask = process.umask(0o000);
  dir = makeTempDir('istiqbal-private-shell-');
  const earlier = await openTestCore({ dataDir: dir });
  await earlier.cleanup();
  writeFileSync(join(dir, 'loopback.json'), '{"url":"http://127.0.0.1:1","token":"old"}', { mode: 0o644 });
  chmodSync(dir, 0o755);
  for (const p of readdirSync(dir)) chmodSync(join(dir, p), 0o644);
});

afterAll(async () => {
  process.umask(previousUmask);
  if (shell && shell.child.exitCode === null) {
    shell.child.kill('SIGTERM');
    await shell.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => `0${(lstatSync(path).mode & 0o777).toString(8)}`;

it('the headless shell started on a loose data folder leaves it 0700 with every file, its token file included, 0600', async () => {
  expect(mode(join(dir, STORE_FILE_NAME))).toBe('0644');
  shell = spawnTs(CLI, ['--headless', '--port', '0', '--data-dir', dir]);
  for (;;) if ((await shell.nextLine(60_000)).includes('desk running at')) break;

  expect(mode(dir)).toBe('0700');
  const token = JSON.parse(readFileSync(join(dir, 'loopback.json'), 'utf8')) as { token: string };
  expect(token.token).not.toBe('old');
  const files = readdirSync(dir).filter((p) => statSync(join(dir, p)).isFile());
  expect(files).toEqual(expect.arrayContaining(['loopback.json', STORE_FILE_NAME]));
  expect(files.map((p) => `${p} ${mode(join(dir, p))}`)).toEqual(files.map((p) => `${p} 0600`));
}, 120_000);
