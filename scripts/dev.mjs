// `npm run dev [-- --data-dir DIR --demo]`: for developers only. electron-vite's dev server with hot
// reload, and the Electron shell as a development run (ISTIQBAL_DEV=1, electron/main/run-mode.ts):
// DevTools, the renderer from the dev server, and any Chromium or Node switch. `npm start` never is.
// Where Electron's runtime cannot be had, the loopback shell serves the core and the renderer's dev
// server (hot reload) runs in front of it, in any browser (scripts/dev-loopback.mjs).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';
import { electronBinary, electronVersion } from './electron-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const electron = await electronBinary(root);
const binding = electron && ensureElectronNative(root, electronVersion(root));
if (!electron || !binding) {
  console.log('لا يتوفر Electron هنا: تُشغَّل الواجهة في المتصفح / no Electron runtime here: the loopback shell with the renderer\'s dev server');
  const { devOverLoopback } = await import('./dev-loopback.mjs');
  await devOverLoopback(root, args);
} else {
  runElectronDev();
}

function runElectronDev() {

  const env = { ...process.env, ISTIQBAL_DEV: '1', ISTIQBAL_NATIVE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'dev', ...(args.length ? ['--', ...args] : [])], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
