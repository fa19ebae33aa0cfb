import { BrowserWindow } from 'electron';
import type { RendererLocation } from './renderer-location';
import { allowNavigation } from './security';
import { defaultWindowOptions } from './window-options';
import type { WindowSessions } from './window-sessions';

/**
 * A desk window: hardened options, its own core session, our renderer and nothing else (the rest of
 * its hardening is done for every contents as it is created: security.ts).
 */
export function openDeskWindow(preloadPath: string, renderer: RendererLocation, sessions: WindowSessions, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow(defaultWindowOptions(preloadPath, devTools));
  allowNavigation(window.webContents, renderer.isRendererUrl);
  sessions.open(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(renderer.url).catch((error) => console.error('[main] the renderer did not load:', error));
  return window;
}
