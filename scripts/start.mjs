// `npm start [-- --headless --port N --data-dir DIR --demo]`: build if needed, then the Electron
// shell, or the loopback shell when Electron cannot run here (DESIGN.md "Architecture").
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const OUTPUTS = ['out/main/index.js', 'out/main/loopback.js', 'out/main/job-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];
const ELECTRON_INSTALL_TIMEOUT_MS = 60_000;
const FALLBACK =
  'تعذّر تشغيل Electron هنا، تُفتح الواجهة في المتصفح عبر الخادم المحلي / Electron runtime unavailable: opening the desk in Chromium through the loopback shell';

if (needsBuild()) await build();

if (args.includes('--headless')) {
  run(process.execPath, [join(root, 'out/main/loopback.js'), ...args]);
} else {
  const electron = await electronBinary();
  const binding = electron && ensureElectronNative(root, electronVersion());
  if (electron && binding) {
    run(electron, [root, ...args], { ISTIQBAL_NATIVE_BINDING: binding });
  } else {
    console.log(FALLBACK);
    run(process.execPath, [join(root, 'out/main/loopback.js'), ...args]);
  }
}

function needsBuild() {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return SOURCES.some((p) => newestMtime(join(root, p)) > built);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path, { recursive: true })
    .map((entry) => statSync(join(path, String(entry))).mtimeMs)
    .reduce((a, b) => Math.max(a, b), info.mtimeMs);
}

async function build() {
  console.log('يُبنى التطبيق / building the desk (electron-vite)…');
  const started = Date.now();
  const { code, output } = await capture(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  if (code !== 0) {
    process.stderr.write(output);
    console.error('تعذّر البناء / build failed');
    process.exit(1);
  }
  console.log(`تم البناء / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Electron's runtime binary, fetched once with its own installer if missing; null when it cannot be had. */
async function electronBinary() {
  const pkg = join(root, 'node_modules/electron');
  const binary = () => {
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const file = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(file) ? file : null;
  };
  if (binary() || !existsSync(join(pkg, 'install.js'))) return binary();
  // package.json's allowScripts skips Electron's download at install time; try it now, briefly.
  const notice = setTimeout(() => console.log('يُنزَّل Electron (مرة واحدة) / fetching the Electron runtime (once)…'), 2000);
  await capture(process.execPath, [join(pkg, 'install.js')], ELECTRON_INSTALL_TIMEOUT_MS);
  clearTimeout(notice);
  return binary();
}

function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

function capture(command, commandArgs, timeout) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function run(command, commandArgs, extraEnv = {}) {
  const env = { ...process.env, ...extraEnv };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  // Ctrl+C already reaches the child through the terminal's process group: wait for it to finish.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
