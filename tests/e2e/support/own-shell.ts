import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/** Where a loopback shell listens and the token its page and API ask for. */
export interface ShellAddress {
  url: string;
  token: string;
}

/** A loopback shell of a spec's own, on a data folder of its own (a restore, a store switched: never the shared e2e store). */
export interface OwnShell extends ShellAddress {
  /** Ends it as a closing desk does (SIGTERM), and waits until it has. */
  stop(): Promise<void>;
}

const LOOPBACK = join(__dirname, '../../../out/main/loopback.js');

/** Starts the built loopback shell headless, without automatic backups, and waits for the address it writes once it listens. */
export async function startOwnShell(options: { dataDir: string; port: number; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<OwnShell> {
  const addressFile = join(options.dataDir, 'loopback.json');
  rmSync(addressFile, { force: true });
  const child: ChildProcess = spawn(process.execPath, [LOOPBACK, '--headless', '--port', String(options.port), '--data-dir', options.dataDir, '--no-auto-backup'], {
    stdio: 'ignore',
    env: options.env ?? process.env,
  });
  await expect.poll(() => existsSync(addressFile), { timeout: options.timeoutMs ?? 20_000 }).toBe(true);
  const address = JSON.parse(readFileSync(addressFile, 'utf8')) as ShellAddress;
  return {
    ...address,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A window session on a shell's API: call(operation, input) answers the value, or throws the Arabic refusal. */
export async function apiAt(where: ShellAddress): Promise<(operation: string, input: unknown) => Promise<unknown>> {
  const headers = { Authorization: `Bearer ${where.token}`, 'Content-Type': 'application/json' };
  const { sessionId } = (await (await fetch(`${where.url}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async (operation, input) => {
    const res = await fetch(`${where.url}/api/call`, { method: 'POST', headers: { ...headers, 'X-Istiqbal-Session': sessionId }, body: JSON.stringify({ operation, input }) });
    const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
    return envelope.value;
  };
}
