// Electron's runtime for `npm start` and `npm run dev`: its binary, fetched once with its own installer
// when missing (package.json's allowScripts skips that at install time), and its version.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ELECTRON_INSTALL_TIMEOUT_MS = 60_000;

/** Electron's runtime binary, fetched once if missing; null when it cannot be had. */
export async function electronBinary(root) {
  const pkg = join(root, 'node_modules/electron');
  const binary = () => {
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const file = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(file) ? file : null;
  };
  if (binary() || !existsSync(join(pkg, 'install.js'))) return binary();
  const notice = setTimeout(() => console.log('يُنزَّل Electron (مرة واحدة) / fetching the Electron runtime (once)…'), 2000);
  await capture(process.execPath, [join(pkg, 'install.js')], { cwd: root, timeout: ELECTRON_INSTALL_TIMEOUT_MS });
  clearTimeout(notice);
  return binary();
}

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

export function capture(command, commandArgs, { cwd, timeout } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}
