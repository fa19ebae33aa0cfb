import { BrowserWindow, type Display } from 'electron';
import { DEVICE_KINDS, type DeviceKind } from '@shared/domain/devices';
import type { Envelope } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { DeviceOpenedView } from '@shared/contract';
import type { Dispatch } from '../core/dispatcher';
import { openRendererWindow } from './desk-window';
import type { ShellCaller } from './ipc';
import type { RendererLocation } from './renderer-location';
import { devicePlacement, deviceWindowOptions } from './window-options';
import type { WindowSessions } from './window-sessions';

export interface DeviceWindowDeps {
  dispatch: Dispatch;
  preloadPath: string;
  renderer: RendererLocation;
  sessions: WindowSessions;
  devTools: boolean;
  /** Electron's screen module: where the displays are, and which one the desk's window is on. */
  screen: { getAllDisplays(): Display[]; getDisplayMatching(rect: Electron.Rectangle): Display };
  /** A new window hears the store's changes as the desk's does (change-push.ts). */
  attach(contents: Electron.WebContents): void;
}

/**
 * `shell.openDevice { kind }` from a desk window: the core opens a device session for the calling
 * desk's session (devices.open: signed in, audited), and the shell shows it in a window of its own —
 * one per kind; asked again, the open one comes to the front.
 */
export function deviceWindows(deps: DeviceWindowDeps) {
  const open = new Map<DeviceKind, BrowserWindow>();
  return async function openDevice(input: unknown, caller: ShellCaller): Promise<Envelope<unknown>> {
    const kind = (input as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !(DEVICE_KINDS as readonly string[]).includes(kind)) {
      return { ok: false, error: { code: 'validation', message: ar.errors.validation } };
    }
    const existing = open.get(kind as DeviceKind);
    if (existing && !existing.isDestroyed()) {
      existing.show();
      existing.focus();
      return { ok: true, value: { opened: true } };
    }
    const answer = (await deps.dispatch('devices.open', { kind }, caller.sessionId)) as Envelope<DeviceOpenedView>;
    if (!answer.ok) return answer;
    const desk = deps.screen.getDisplayMatching(BrowserWindow.fromWebContents(caller.contents)?.getBounds() ?? { x: 0, y: 0, width: 1, height: 1 });
    const placement = devicePlacement(deps.screen.getAllDisplays(), desk?.id ?? null);
    const title = ar.devices.titles[kind as DeviceKind];
    const url = new URL(deps.renderer.url);
    url.searchParams.set('screen', kind);
    const window = openRendererWindow(deviceWindowOptions(deps.preloadPath, title, placement, deps.devTools), deps.renderer, url.toString(), (contents) =>
      deps.sessions.adopt(contents, answer.value.sessionId),
    );
    deps.attach(window.webContents);
    open.set(kind as DeviceKind, window);
    window.once('closed', () => open.delete(kind as DeviceKind));
    return { ok: true, value: { opened: true } };
  };
}
