import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { RendererLocation } from './renderer-location';
import { allowNavigation } from './security';
import { defaultWindowOptions } from './window-options';
import type { WindowSessions } from './window-sessions';

/**
 * A desk window: hardened options, its own core session, our renderer and nothing else (the rest of
 * its hardening is done for every contents as it is created: security.ts).
 */
export function openDeskWindow(preloadPath: string, renderer: RendererLocation, sessions: WindowSessions, devTools: boolean): BrowserWindow {
  return openRendererWindow(defaultWindowOptions(preloadPath, devTools), renderer, renderer.url, (contents) => sessions.open(contents));
}

/**
 * Any window showing our renderer (the desk's, a device screen's): options made from
 * defaultWindowOptions, navigation only within our page, and the core session `bind` gives it.
 */
export function openRendererWindow(
  options: BrowserWindowConstructorOptions,
  renderer: RendererLocation,
  url: string,
  bind: (contents: WebContents) => void,
): BrowserWindow {
  const window = new BrowserWindow(options);
  allowNavigation(window.webContents, renderer.isRendererUrl);
  bind(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error) => console.error('[main] the renderer did not load:', error));
  return window;
}
