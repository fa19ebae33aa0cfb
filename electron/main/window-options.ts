import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * Isolation, sandbox, no Node, web security: the same for every window, made fresh each time.
 * DevTools only in a development run (run-mode.ts): `npm start` and a packaged desk have none.
 */
function hardenedPreferences(devTools: boolean): WebPreferences {
  return {
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** Every window of the desk is made from these (docs/architecture.md "Security"); nothing relaxes them later. */
export function defaultWindowOptions(preloadPath: string, devTools = false): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: 'استقبال',
    backgroundColor: '#f6f7f9',
    show: false,
    autoHideMenuBar: false,
    webPreferences: { preload: preloadPath, ...hardenedPreferences(devTools) },
  };
}

/**
 * The print preview (printing.ts): the same hardening, no preload (it shows a saved PDF, never our
 * renderer, so it has no bridge), its own in-memory session, and plugins on — for Chromium's PDF
 * viewer, in this window only.
 */
export function printPreviewWindowOptions(title: string, partition: string, devTools = false): BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 1000,
    minWidth: 600,
    minHeight: 500,
    title,
    backgroundColor: '#f6f7f9',
    show: true,
    autoHideMenuBar: true,
    webPreferences: { ...hardenedPreferences(devTools), partition, plugins: true },
  };
}
