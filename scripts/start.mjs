// `npm start [-- --headless --port N --data-dir DIR --store postgres://… --demo]`: build if needed, then the Electron
// shell, or the loopback shell when Electron cannot run here (docs/architecture.md "The layers").
// This is the locked-down run: the desk's own options and nothing else — no Chromium or Node switch,
// no DevTools, no renderer dev server (electron/main/run-mode.ts). Developers use `npm run dev`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';
import { capture, electronBinary, electronVersion } from './electron-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const OUTPUTS = ['out/main/index.js', 'out/main/loopback.js', 'out/main/job-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];
const FALLBACK =
  'تعذّر تشغيل Electron هنا، تُفتح الواجهة في المتصفح عبر الخادم المحلي / Electron runtime unavailable: opening the desk in Chromium through the loopback shell';

const unknown = unknownOptions(args);
if (unknown.length > 0) {
  console.error(`لا يقبل التشغيل هذه الخيارات: ${unknown.join(' ')} — هي لتشغيل المطوّرين (npm run dev) / npm start does not take: ${unknown.join(' ')} (developers: npm run dev)`);
  process.exit(2);
}

if (needsBuild()) await build();

if (args.includes('--headless')) {
  run(process.execPath, [join(root, 'out/main/loopback.js'), ...args]);
} else {
  const electron = await electronBinary(root);
  const binding = electron && ensureElectronNative(root, electronVersion(root));
  if (electron && binding) {
    run(electron, [root, ...withoutPort(args)], { ISTIQBAL_NATIVE_BINDING: binding });
  } else {
    console.log(FALLBACK);
    run(process.execPath, [join(root, 'out/main/loopback.js'), ...args]);
  }
}

/**
 * Anything but the desk's own options: --data-dir DIR, --store URL, --port N, --headless, --demo (and --no-sandbox
 * for root, whom Chromium will not run without it).
 */
function unknownOptions(list) {
  const unknown = [];
  for (let i = 0; i < list.length; i++) {
    const name = list[i].split('=', 1)[0];
    if (name === '--data-dir' || name === '--store' || name === '--port') {
      if (!list[i].includes('=')) i += 1;
    } else if (name !== '--headless' && name !== '--demo' && !(name === '--no-sandbox' && process.getuid?.() === 0)) {
      unknown.push(list[i]);
    }
  }
  return unknown;
}

/** The loopback shell's --port means nothing to the Electron window, which takes only its own options. */
function withoutPort(list) {
  return list.filter((arg, i) => !arg.startsWith('--port') && list[i - 1] !== '--port');
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
  const { code, output } = await capture(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root });
  if (code !== 0) {
    process.stderr.write(output);
    console.error('تعذّر البناء / build failed');
    process.exit(1);
  }
  console.log(`تم البناء / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function run(command, commandArgs, extraEnv = {}) {
  const env = { ...process.env, ...extraEnv };
  // Nothing from the caller's environment turns this into a development run or loads code into it.
  for (const name of ['ELECTRON_RUN_AS_NODE', 'ISTIQBAL_DEV', 'ELECTRON_RENDERER_URL', 'NODE_OPTIONS']) delete env[name];
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  // Ctrl+C already reaches the child through the terminal's process group: wait for it to finish.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
