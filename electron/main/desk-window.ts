import { BrowserWindow } from 'electron';
import type { RendererLocation } from './renderer-location';
import { hardenWebContents } from './security';
import { defaultWindowOptions } from './window-options';
import type { WindowSessions } from './window-sessions';

/** A desk window: hardened options, its own core session, our renderer and nothing else. */
export function openDeskWindow(preloadPath: string, renderer: RendererLocation, sessions: WindowSessions): BrowserWindow {
  const window = new BrowserWindow(defaultWindowOptions(preloadPath));
  hardenWebContents(window.webContents, renderer.isRendererUrl);
  sessions.open(window.webContents);
  window.once('ready-to-show', () => window.show());
  const loading = 'file' in renderer.load ? window.loadFile(renderer.load.file) : window.loadURL(renderer.load.url);
  loading.catch((error) => console.error('[main] the renderer did not load:', error));
  return window;
}
