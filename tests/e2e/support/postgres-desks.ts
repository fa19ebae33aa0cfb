import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from '@playwright/test';
import { adminQuery, testDatabaseName, withDatabase } from '../../helpers/postgres/databases';

/**
 * Several desks on one PostgreSQL database, end to end (docs/architecture.md#the-two-stores): each desk a loopback shell of its
 * own (its own process, core and pool, as on a hall's PCs), each page in its own browser context.
 */
export const E2E_PG_ENV = 'ISTIQBAL_E2E_PG';

const REPO = join(__dirname, '../../..');
const DESKS_DIR = join(REPO, 'test-results', 'e2e-desks');

/** The administrator URL of the run's PostgreSQL server (tests/e2e/support/postgres-global-setup.ts). */
export function runPostgres(): string {
  const url = process.env[E2E_PG_ENV];
  if (!url) throw new Error(`${E2E_PG_ENV} is not set: the Playwright global setup starts the PostgreSQL server`);
  return url;
}

/** A new empty database on the server `adminUrl` names (the first shell started on it sets it up). */
export async function newHallDatabase(adminUrl: string = runPostgres()): Promise<string> {
  const name = testDatabaseName('istiqbal_e2e');
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  return withDatabase(adminUrl, name);
}

export interface DeskShell {
  /** The shell's address, without the token. */
  url: string;
  token: string;
  /** The desk's own data folder (its loopback.json, printed PDFs). */
  dataDir: string;
  /** Everything the shell wrote to stderr so far (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Loopback shell `n` on the PostgreSQL database `storeUrl` (`--store`), headless on a free port with a
 * fresh data folder and no automatic backup; resolves once it serves.
 */
export async function startDeskShell(storeUrl: string, n: number): Promise<DeskShell> {
  const dataDir = join(DESKS_DIR, `desk-${n}-${process.pid}-${Date.now().toString(36)}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [join(REPO, 'out/main/loopback.js'), '--headless', '--port', '0', '--data-dir', dataDir, '--store', storeUrl, '--no-auto-backup'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (err += d));
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /desk running at: (http:\/\/\S+)/.exec(line);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`desk shell ${n} exited (${code}) before serving:\n${err}`)));
  });
  const parsed = new URL(address);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return {
    url: `${parsed.protocol}//${parsed.host}`,
    token,
    dataDir,
    stderr: () => err,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The desk's page, in a browser context of its own (its own window session). */
export async function openDeskAt(browser: Browser, shell: DeskShell): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${shell.url}/#token=${shell.token}`);
  return page;
}

/** The shell's API with a session of its own, as a script would call it (README "HTTP API"). */
export async function apiAt(shell: DeskShell) {
  const headers = { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' };
  const { sessionId } = (await (await fetch(`${shell.url}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async <T = unknown>(operation: string, input: unknown): Promise<T> => {
    const res = await fetch(`${shell.url}/api/call`, { method: 'POST', headers: { ...headers, 'X-Istiqbal-Session': sessionId }, body: JSON.stringify({ operation, input }) });
    const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
    return envelope.value as T;
  };
}

/** The staff of a new hall: the administrator (first-run setup through desk 1) and `receptionists` receptionists, all with `password`. */
export async function staffTheHall(shell: DeskShell, password: string, receptionists: number): Promise<string[]> {
  const api = await apiAt(shell);
  await api('auth.setup', { username: 'admin', fullName: 'سعد عبدالله المطيري', password, deskId: 1 });
  const names = ['نورة سالم القحطاني', 'هيا محمد العتيبي', 'منيرة خالد الشهري', 'سارة فهد الدوسري', 'ريم عبدالله الغامدي'];
  const usernames: string[] = [];
  for (let i = 1; i <= receptionists; i++) {
    const username = `reception${i}`;
    await api('users.create', { username, fullName: names[(i - 1) % names.length], role: 'receptionist', password });
    usernames.push(username);
  }
  return usernames;
}
