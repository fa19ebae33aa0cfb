import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../electron/core/demo/start-with-demo';
import { spawnTs, type TsChild } from '../helpers/child-process';
import { makeTempDir } from '../helpers/test-core';

/**
 * Training data (README "Training data"): the headless loopback shell — what `npm start -- --headless --demo` runs —
 * started on a new data folder answers the demo administrator's sign-in at once, with no setup.
 */
const CLI = '../../../electron/loopback/cli.ts';
let shell: TsChild | null = null;
let dir: string | null = null;

afterEach(async () => {
  if (shell && shell.child.exitCode === null) {
    shell.child.kill('SIGTERM');
    await shell.exited;
  }
  shell = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Reads the shell's stdout until it says where it listens; returns everything it printed before. */
async function startShell(args: string[]): Promise<{ printed: string[]; url: string; token: string }> {
  shell = spawnTs(CLI, args);
  const printed: string[] = [];
  for (;;) {
    const line = await shell.nextLine(60_000);
    printed.push(line);
    if (line.includes('desk running at')) break;
  }
  const { url, token } = JSON.parse(readFileSync(join(dir!, 'loopback.json'), 'utf8')) as { url: string; token: string };
  return { printed, url, token };
}

async function api(url: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const { sessionId } = (await (await fetch(`${url}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async (operation: string, input: unknown) => {
    const res = await fetch(`${url}/api/call`, { method: 'POST', headers: { ...headers, 'x-istiqbal-session': sessionId }, body: JSON.stringify({ operation, input }) });
    return (await res.json()) as { ok: boolean; value?: any; error?: { message: string } };
  };
}

it('Training data: the headless shell started with --demo on a new folder answers the demo administrator\'s sign-in at once', async () => {
  dir = makeTempDir('istiqbal-demo-shell-');
  const { printed, url, token } = await startShell(['--headless', '--port', '0', '--data-dir', dir, '--demo']);
  // The console says how to sign in, before the address is printed.
  expect(printed.join('\n')).toContain(`${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);

  const call = await api(url, token);
  expect((await call('auth.session', {})).value).toMatchObject({ needsSetup: false, user: null });
  const signIn = await call('auth.signIn', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password, deskId: 1 });
  expect(signIn).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });

  const beneficiaries = await call('beneficiaries.search', { text: 'محمد القحطاني' });
  expect(beneficiaries.ok && beneficiaries.value.length).toBeGreaterThan(0);
  const committee = await call('requests.committee', {});
  expect(committee.ok && committee.value.some((r: { overdue: boolean }) => r.overdue)).toBe(true);
}, 120_000);

it('Training data: started again with --demo on that folder, the shell adds nothing and says so', async () => {
  dir = makeTempDir('istiqbal-demo-shell-');
  await startShell(['--headless', '--port', '0', '--data-dir', dir, '--demo']);
  // Stopped like a closed window; how it ends does not matter here, only what the next start finds.
  shell!.child.kill('SIGTERM');
  await shell!.exited;

  const again = await startShell(['--headless', '--port', '0', '--data-dir', dir, '--demo']);
  expect(again.printed.join('\n')).toContain('--demo added nothing');
  const call = await api(again.url, again.token);
  await call('auth.signIn', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password, deskId: 1 });
  const all = await call('requests.list', { limit: 500 });
  const numbers = all.value.map((r: { number: string }) => r.number);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.length).toBeLessThan(30);
}, 120_000);
