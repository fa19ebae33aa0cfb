import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, storeToOpen } from '../core/core';
import { defaultDataDir } from '../core/data-dir';
import { demoStartMessage, startWithDemo } from '../core/demo/start-with-demo';
import { makePrivateDir, writePrivateFile } from '../core/private-files';
import { startLoopback } from './server';
import { startFailure } from '../core/store/postgres/probe-server';

/**
 * `node out/main/loopback.js [--data-dir DIR] [--store postgres://…] [--port N] [--headless] [--demo] [--no-auto-backup]`:
 * the desk over HTTP on 127.0.0.1. Without --headless it opens the system's Chromium in app mode.
 * The store is the SQLite file in the data folder unless --store (or ISTIQBAL_STORE) names a PostgreSQL
 * database; the data folder still holds the desk's own files (scans, reference PDFs, loopback.json).
 * Backups are automatic (daily, and on closing) unless --no-auto-backup (a throwaway store, tests);
 * on a PostgreSQL store there are none (pg_dump backs it up).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      store: { type: 'string' },
      port: { type: 'string' },
      headless: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      'no-auto-backup': { type: 'boolean', default: false },
    },
    strict: false,
  });
  const dataDir = resolve(String(values['data-dir'] ?? defaultDataDir()));
  // --store, then ISTIQBAL_STORE, then the server saved on the settings screen (its password in the
  // user's PostgreSQL password file: this shell has no keychain), then the SQLite file.
  const { choice: store, source } = storeToOpen({ flag: typeof values.store === 'string' ? values.store : undefined, env: process.env.ISTIQBAL_STORE, dataDir });
  const core = await createCore({ dataDir, store, storeSource: source }).catch((error: unknown) => {
    throw store.kind === 'postgres' ? new Error(`${startFailure(error, store.url)}\n${String(error)}`) : error;
  });
  // Before the server listens: the first sign-in already finds the demo administrator.
  if (values.demo) console.log(demoStartMessage(await startWithDemo(core)));
  const rendererDir = resolve(__dirname, '../renderer');
  const server = await startLoopback({ core, port: values.port ? Number(values.port) : 0, rendererDir });

  // For scripts and integrators on this machine: where the API is and its token (readable by this user only).
  writePrivateFile(join(dataDir, 'loopback.json'), JSON.stringify({ url: `http://127.0.0.1:${server.port}`, token: server.token }));

  console.log(`الواجهة تعمل على / desk running at: ${server.url}`);
  console.log(`البيانات في / data folder: ${dataDir}`);
  if (store.kind === 'postgres') console.log(`قاعدة البيانات / store: ${withoutPassword(store.url)}`);
  if (!values.headless) openBrowser(server.url, dataDir);

  const autoBackup = !values['no-auto-backup'];
  const stopSchedule = autoBackup ? core.backups.startSchedule() : () => undefined;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopSchedule();
    await server.close();
    if (autoBackup) {
      const made = await core.backups.runOnClosing().catch((error: unknown) => ({ ok: false as const, message: String(error) }));
      if (made?.ok) console.log(`نسخة احتياطية عند الإغلاق / closing backup: ${made.backup.file}`);
      else if (made) console.error(`${made.message} / closing backup failed`);
    }
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The URL as printed: the password (if the URL carries one) is never shown. */
function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'];

function openBrowser(url: string, dataDir: string) {
  const browser = BROWSERS.find((b) => existsSync(b));
  if (!browser) {
    console.log(`لا يوجد متصفح Chromium، افتح العنوان أعلاه بنفسك / no Chromium found: open the address above yourself`);
    return;
  }
  const profile = join(dataDir, 'browser-profile');
  makePrivateDir(profile);
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--lang=ar',
    '--no-first-run',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--window-size=1400,900',
    // The hall display opened from the desk announces calls by itself, with nobody to click it first.
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to run as root otherwise.
  const child = spawn(browser, args, { stdio: 'ignore', detached: false });
  child.on('exit', () => process.kill(process.pid, 'SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
