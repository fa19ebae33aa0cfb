import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROCESS_SCRIPTS = join(REPO_ROOT, 'tests/helpers/processes');

export interface TsChild {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  /** The next complete stdout line (waits for it); rejects if the process exits first or after timeoutMs. */
  nextLine(timeoutMs?: number): Promise<string>;
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  send(line: string): void;
}

/** Runs a TypeScript file under tests/helpers/processes in a real Node process (through tsx). */
export function spawnTs(script: string, args: string[]): TsChild {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROCESS_SCRIPTS, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (err += d));

  const lines: string[] = [];
  const waiters: { resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let ended: Error | null = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const w = waiters.shift();
    if (w) w.resolve(line);
    else lines.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => {
      // Let readline deliver what was already read before failing the waiters.
      setImmediate(() => {
        ended = new Error(`${script} exited (code ${code}, signal ${signal}) — stderr:\n${err}`);
        for (const w of waiters.splice(0)) w.reject(ended);
        res({ code, signal });
      });
    }),
  );

  return {
    child,
    exited,
    stderr: () => err,
    send: (line) => child.stdin.write(line + '\n'),
    nextLine(timeoutMs = 20_000) {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      if (ended) return Promise.reject(ended);
      return new Promise((resolveLine, reject) => {
        const timer = setTimeout(() => reject(new Error(`${script}: no output within ${timeoutMs} ms — stderr:\n${err}`)), timeoutMs);
        waiters.push({
          resolve: (l) => (clearTimeout(timer), resolveLine(l)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
      });
    },
  };
}
