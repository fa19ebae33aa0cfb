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

/** Every window of the desk is made from these (DESIGN.md "Security"); nothing relaxes them later. */
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

/** Where a device screen's window goes: full screen on a display of its own, else a window beside the desk's. */
export interface DevicePlacement {
  bounds: { x: number; y: number; width: number; height: number } | null;
  fullscreen: boolean;
}

/**
 * A device screen (the hall display, the kiosk): the desk window's hardening and preload (it is our
 * renderer, with its bridge), placed by devicePlacement, with no menu bar and no minimum desk size.
 */
export function deviceWindowOptions(preloadPath: string, title: string, placement: DevicePlacement, devTools = false): BrowserWindowConstructorOptions {
  const desk = defaultWindowOptions(preloadPath, devTools);
  return {
    ...desk,
    ...(placement.bounds ?? { width: 1280, height: 800 }),
    minWidth: 640,
    minHeight: 480,
    title,
    fullscreen: placement.fullscreen,
    autoHideMenuBar: true,
  };
}

/**
 * The display a device screen goes to: any but the one the desk's window is on (a hall screen or a
 * tablet-sized monitor turned to the visitor), full screen; on a PC with one display, a window.
 */
export function devicePlacement(displays: readonly { id: number; bounds: { x: number; y: number; width: number; height: number } }[], deskDisplayId: number | null): DevicePlacement {
  const other = displays.find((d) => d.id !== deskDisplayId);
  if (!other || displays.length < 2) return { bounds: null, fullscreen: false };
  return { bounds: { ...other.bounds }, fullscreen: true };
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
