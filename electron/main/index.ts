import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, protocol, safeStorage, screen, session } from 'electron';
import { ar, fill } from '@shared/labels/ar';
import { createCore, storeToOpen, type Core } from '../core/core';
import { startFailure } from '../core/store/postgres/probe-server';
import { defaultDataDir } from '../core/data-dir';
import { keepPrintedCopy } from '../core/printing/printed-copies';
import { demoStartMessage, startWithDemo } from '../core/demo/start-with-demo';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { parseDeskArgs } from './args';
import { ChangePush } from './change-push';
import { openDeskWindow } from './desk-window';
import { deviceWindows } from './device-window';
import { SHELL_OPEN_DEVICE } from '@shared/bridge';
import { passwordSealOf } from './password-seal';
import { registerCallHandler } from './ipc';
import { installMenu } from './menu';
import { nativeBindingPath } from './native-binding';
import { printPdf, SHELL_PRINT_PDF } from './printing';
import { rendererLocation } from './renderer-location';
import { saveFile, SHELL_SAVE_FILE } from './saving';
import { runMode } from './run-mode';
import { startWithSystem } from './start-with-system';
import { contentSecurityPolicy, hardenEveryWebContents, hardenSession } from './security';
import { WindowSessions } from './window-sessions';

// `npm start` and a packaged desk are locked down; `npm run dev` alone is a development run (run-mode.ts).
const mode = runMode({ isPackaged: app.isPackaged, env: process.env, args: process.argv.slice(1), nodeFlags: process.execArgv, uid: process.getuid?.() });
if (mode.refused.length > 0) {
  const message = fill(ar.menu.refusedSwitches, { switches: mode.refused.join(' ') });
  console.error(`${message}\nIstiqbal does not start with these switches outside \`npm run dev\`: ${mode.refused.join(' ')}`);
  dialog.showErrorBox(ar.menu.refusedSwitchesTitle, message);
  app.exit(2);
} else {
  boot();
}

function boot() {
  // Packaged: [exe, ...flags]; run as `electron <app>`: [electron, app, ...flags].
  const args = parseDeskArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  const dataDir = resolve(args.dataDir ?? defaultDataDir());

  // userData is the data folder, so the single-instance lock is per store: two desks with their own
  // --data-dir run side by side, a second launch on the same store focuses the first window.
  app.setPath('userData', dataDir);
  // Arabic UI locale: native menus, dialogs and the menu bar are laid out right to left.
  app.commandLine.appendSwitch('lang', 'ar');
  // Before ready, as Electron requires: the renderer's own origin, app://istiqbal.
  registerAppScheme(protocol);
  // Every web contents, whoever creates it, hardened once as it is made (security.ts).
  hardenEveryWebContents(app, mode);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  start(dataDir, args.demo, args.store).catch((error: unknown) => {
    dialog.showErrorBox('تعذّر تشغيل استقبال / Istiqbal could not start', String((error as Error)?.stack ?? error));
    app.exit(1);
  });
}

async function start(dataDir: string, demo: boolean, storeFlag: string | undefined) {
  let core: Core | null = null;
  let window: BrowserWindow | null = null;
  let closed = false;
  let closing = false;
  let stopBackupSchedule = () => {};

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core || closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const open = core;
    stopBackupSchedule();
    // The closing backup (unless a good one is minutes old), then the store is closed.
    void open.backups
      .runOnClosing()
      .catch((error: unknown) => console.error('[main] closing backup:', error))
      .then(() => open.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  await app.whenReady();
  const { devServerUrl, development } = mode;
  hardenSession(session.defaultSession, devServerUrl);
  const outDir = resolve(__dirname, '..');
  if (!devServerUrl) handleAppProtocol(protocol, join(outDir, 'renderer'), contentSecurityPolicy(undefined));

  // --store, then ISTIQBAL_STORE, then the server saved on the settings screen (its password sealed by
  // the system's keychain), then the SQLite file in the data folder.
  const passwordSeal = passwordSealOf(safeStorage);
  const { choice, source } = storeToOpen({ flag: storeFlag, env: process.env.ISTIQBAL_STORE, dataDir, seal: passwordSeal });
  core = await createCore({
    dataDir,
    store: choice,
    storeSource: source,
    passwordSeal,
    nativeBinding: nativeBindingPath(process.env, app.isPackaged, process.resourcesPath),
    // Packaged, the fonts and the password list are files beside app.asar (electron-builder.yml: extraResources).
    resourcesDir: app.isPackaged ? process.resourcesPath : undefined,
    shell: { kind: 'desktop', startWithSystem: startWithSystem(app, process.platform, process.execPath) },
  }).catch((error: unknown) => {
    // Said in Arabic: which server, why, and how to start on this PC's own store meanwhile.
    throw choice.kind === 'postgres' ? new Error(`${startFailure(error, choice.url)}\n\n${String(error)}`) : error;
  });
  installMenu({ development, about: core.about });
  // Before the window opens: its first screen is the sign-in, never the first-run setup.
  if (demo) console.log(demoStartMessage(await startWithDemo(core)));
  // The daily backup: a timer asking "is one due" (the core decides, from the runs recorded in the store).
  stopBackupSchedule = core.backups.startSchedule();

  const renderer = rendererLocation(devServerUrl);
  const desk = core;
  const sessions = new WindowSessions(core);
  // The store's changes pushed to the windows (PostgreSQL); on SQLite they learn to poll instead.
  const push = new ChangePush(core.changes);
  const preloadPath = join(outDir, 'preload/index.cjs');
  const openDevice = deviceWindows({
    dispatch: core.dispatch,
    preloadPath,
    renderer,
    sessions,
    devTools: development,
    screen,
    attach: (contents) => push.attach(contents),
  });
  registerCallHandler({
    dispatch: core.dispatch,
    sessionFor: (c) => sessions.sessionFor(c),
    isRendererUrl: renderer.isRendererUrl,
    shellOperations: {
      [SHELL_PRINT_PDF]: (input) => printPdf(input, (name, bytes) => keepPrintedCopy(desk, name, bytes)),
      [SHELL_SAVE_FILE]: (input) => saveFile(input, window),
      [SHELL_OPEN_DEVICE]: openDevice,
    },
  });
  window = openDeskWindow(preloadPath, renderer, sessions, development);
  push.attach(window.webContents);
}
