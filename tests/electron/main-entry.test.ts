import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ar } from '@shared/labels/ar';
import { APP_INDEX_URL, APP_SCHEME } from '../../electron/main/app-protocol';
import { FakeSession, FakeWebContents, invokeEvent, navigate } from './fakes';

/**
 * The Electron shell as `npm start` and `npm run dev` start it: electron/main/index.ts
 * imported whole, on a real core in a temp folder, with the electron module replaced in this file
 * only — an app that becomes ready at once, windows that record what they are asked to load.
 */
const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before this file's imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const events: string[] = [];
  const state = {
    events,
    windows: [] as { options: BrowserWindowConstructorOptions; loaded?: string; webContents: unknown }[],
    handlers: new Map<string, unknown>(),
    menu: null as MenuItemConstructorOptions[] | null,
    errorBox: null as [string, string] | null,
    messageBox: null as { title: string; message: string; detail: string } | null,
    /** What app.requestSingleInstanceLock answers: false when another desk process already runs on this data folder. */
    singleInstance: true,
    exitCode: null as number | null,
    quits: 0,
    makeContents: null as null | ((id: number) => EventEmitter & { id: number }),
    /** The one IPC handler the shell registers (ipc.ts). */
    ipc: null as null | ((event: unknown, request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>),
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    commandLine: { appendSwitch: () => events.push('appendSwitch') },
    setPath: () => undefined,
    requestSingleInstanceLock: () => state.singleInstance,
    whenReady: () => (events.push('whenReady'), Promise.resolve()),
    getVersion: () => '0.1.0',
    quit: () => void (state.quits += 1),
    exit: (code: number) => void (state.exitCode = code),
  });
  class BrowserWindow extends Emitter {
    readonly webContents: EventEmitter & { id: number };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      this.webContents = state.makeContents!(state.windows.length + 1);
      state.windows.push(this as never);
      app.emit('web-contents-created', {}, this.webContents);
    }
    focused = 0;
    restored = 0;
    minimized = false;
    loadURL(url: string) {
      (this as unknown as { loaded: string }).loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.restored += 1;
      this.minimized = false;
    }
    focus() {
      this.focused += 1;
    }
    show() {}
    getBounds() {
      return { x: 0, y: 0, width: 1400, height: 900 };
    }
    static fromWebContents(contents: unknown) {
      return state.windows.find((w) => w.webContents === contents) ?? null;
    }
  }
  /** A laptop with a hall screen beside it. */
  const displays = [
    { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
    { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } },
  ];
  return {
    state,
    module: {
      app,
      BrowserWindow,
      dialog: {
        showErrorBox: (title: string, message: string) => void (state.errorBox = [title, message]),
        showMessageBox: (box: { title: string; message: string; detail: string }) => ((state.messageBox = box), Promise.resolve({ response: 0 })),
      },
      protocol: {
        registerSchemesAsPrivileged: () => events.push('registerSchemesAsPrivileged'),
        handle: (scheme: string, handler: unknown) => (events.push(`handle:${scheme}`), state.handlers.set(scheme, handler)),
      },
      session: { defaultSession: null as unknown, fromPartition: () => null },
      ipcMain: { handle: (_channel: string, handler: NonNullable<typeof state.ipc>) => void (state.ipc = handler) },
      screen: { getAllDisplays: () => displays, getDisplayMatching: () => displays[0] },
      // No keychain here: a saved server's password would go to the PostgreSQL password file.
      safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => (state.menu = t), setApplicationMenu: () => undefined },
    },
  };
});
vi.mock('electron', () => electron.module);

const { state } = electron;
let dataDir: string;
let saved: { argv: string[]; execArgv: string[]; env: NodeJS.ProcessEnv };

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'istiqbal-main-'));
  saved = { argv: process.argv, execArgv: process.execArgv, env: { ...process.env } };
  state.events.length = 0;
  state.windows.length = 0;
  state.handlers.clear();
  state.menu = state.errorBox = state.exitCode = state.messageBox = null;
  state.singleInstance = true;
  const desk = new FakeSession();
  electron.module.session.defaultSession = desk;
  state.makeContents = (id) => new FakeWebContents(id, 'about:blank', desk) as never;
  electron.module.app.removeAllListeners();
  vi.resetModules();
});

afterEach(async () => {
  // As Electron does on quitting: the shell closes its core (the store) before the folder goes.
  // Its closing backup first, then the store closed, then app.quit() again: wait for that, not a tick.
  const quits = state.quits;
  electron.module.app.emit('will-quit', { preventDefault: () => undefined });
  if (state.windows.length > 0) await vi.waitFor(() => expect(state.quits).toBeGreaterThan(quits), { timeout: 30_000 });
  process.argv = saved.argv;
  process.execArgv = saved.execArgv;
  process.env = saved.env;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the shell as `electron <app> ...args` would, with `env` added; resolves once its window has opened. */
async function launch(args: string[], env: NodeJS.ProcessEnv = {}) {
  process.argv = ['/opt/electron/electron', '/opt/istiqbal', ...args];
  process.execArgv = [];
  Object.assign(process, { resourcesPath: '/opt/istiqbal/resources' });
  Object.assign(process.env, env);
  await import('../../electron/main/index');
}

/** The desk window is open (or the start failed: its error box says why). */
const opened = () => vi.waitFor(() => expect(state.windows.length, JSON.stringify(state.errorBox)).toBe(1), { timeout: 20_000 });

const devToolsInMenu = () => JSON.stringify(state.menu).includes('toggleDevTools');

describe('npm start: the locked-down run', () => {
  it('serves the renderer from app://istiqbal, registered before ready, with DevTools off, even with ELECTRON_RENDERER_URL set', async () => {
    await launch(['--data-dir', dataDir], { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    await opened();
    const [window] = state.windows;
    expect(window!.loaded).toBe(APP_INDEX_URL);
    expect(window!.options.webPreferences?.devTools).toBe(false);
    expect(devToolsInMenu()).toBe(false);
    expect(state.events.indexOf('registerSchemesAsPrivileged')).toBeLessThan(state.events.indexOf('whenReady'));
    expect(state.events).toContain(`handle:${APP_SCHEME}`);
  });

  it('hardens the desk window as it is created: its own page only, no new windows, DevTools closed, nothing remote', async () => {
    await launch(['--data-dir', dataDir]);
    await opened();
    const contents = state.windows[0]!.webContents as FakeWebContents;
    expect(navigate(contents, 'will-navigate', `${APP_INDEX_URL}#/queue`)).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.openHandler?.({ url: APP_INDEX_URL })).toEqual({ action: 'deny' });
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
    expect(contents.session.requestGoesOut('https://evil.example/x.js')).toBe(false);
  });

  it.each([['--remote-debugging-port=9222'], ['--disable-web-security'], ['--inspect=9229']])(
    'refuses to start with %s: an Arabic message, no scheme, no window',
    async (switchGiven) => {
      await launch(['--data-dir', dataDir, switchGiven]);
      expect(state.exitCode).toBe(2);
      expect(state.errorBox?.[0]).toBe(ar.menu.refusedSwitchesTitle);
      expect(state.errorBox?.[1]).toContain(switchGiven);
      expect(state.errorBox?.[1]).toMatch(/[\u0600-\u06FF]/);
      expect(state.events).not.toContain('registerSchemesAsPrivileged');
      expect(state.windows).toHaveLength(0);
    },
  );
});

describe('device screens (the hall display S1, the kiosk P6)', () => {
  /** A call from one of the shell's windows, as its preload sends it. */
  const callFrom = (window: { webContents: unknown }, operation: string, input: unknown) => {
    const contents = window.webContents as FakeWebContents;
    return state.ipc!(invokeEvent(contents, { ...contents.mainFrame, url: `${APP_INDEX_URL}${(window as { loaded?: string }).loaded?.slice(APP_INDEX_URL.length) ?? ''}` }), { operation, input });
  };

  it('S1: the desk opens the hall display in a second window, full screen on the other display, hardened as the desk window is, bound to a device session', async () => {
    await launch(['--data-dir', dataDir]);
    await opened();
    const [desk] = state.windows;
    expect((await callFrom(desk!, 'auth.setup', { username: 'admin', fullName: 'مدير النظام', password: 'hall-keeper-1445', deskId: 1 })).ok).toBe(true);
    expect(await callFrom(desk!, 'shell.openDevice', { kind: 'display' })).toEqual({ ok: true, value: { opened: true } });
    expect(state.windows).toHaveLength(2);
    const display = state.windows[1]!;
    expect(display.loaded).toBe(`${APP_INDEX_URL}?screen=display`);
    expect(display.options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080, fullscreen: true });
    expect(display.options.webPreferences).toEqual(desk!.options.webPreferences);
    const contents = display.webContents as FakeWebContents;
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.openHandler?.({ url: APP_INDEX_URL })).toEqual({ action: 'deny' });
    // Its own session: a display, which may not do what the desk does.
    expect(await callFrom(display, 'devices.current', {})).toMatchObject({ ok: true, value: { kind: 'display', desk: { id: 1 } } });
    expect(await callFrom(display, 'visits.queue', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Asked again, the open one comes to the front: no second display window.
    await callFrom(desk!, 'shell.openDevice', { kind: 'display' });
    expect(state.windows).toHaveLength(2);
  });

  it('S1: a window nobody signed in to opens no device screen', async () => {
    await launch(['--data-dir', dataDir]);
    await opened();
    expect(await callFrom(state.windows[0]!, 'shell.openDevice', { kind: 'display' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await callFrom(state.windows[0]!, 'shell.openDevice', { kind: 'tv' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(state.windows).toHaveLength(1);
  });
});

describe('one desk per computer, and «حول البرنامج»', () => {
  it('a second launch on the same computer focuses the first window, restoring it when minimised, and opens no other', async () => {
    await launch(['--data-dir', dataDir]);
    await opened();
    const window = state.windows[0] as unknown as { focused: number; restored: number; minimized: boolean };
    window.minimized = true;
    electron.module.app.emit('second-instance', {}, ['/opt/electron/electron', '/opt/istiqbal'], dataDir);
    expect(window).toMatchObject({ focused: 1, restored: 1, minimized: false });
    expect(state.windows).toHaveLength(1);
  });

  it('the second process itself quits before opening its store or a window', async () => {
    state.singleInstance = false;
    const quits = state.quits;
    await launch(['--data-dir', dataDir]);
    expect(state.quits).toBe(quits + 1);
    expect(state.events).not.toContain('whenReady');
    expect(state.windows).toHaveLength(0);
  });

  it('the menu «مساعدة ← حول البرنامج» shows the version, this data folder and its SQLite file, from the core', async () => {
    await launch(['--data-dir', dataDir]);
    await opened();
    const help = state.menu!.find((m) => m.label === 'مساعدة')!;
    const about = (help.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'حول البرنامج')!;
    (about.click as () => void)();
    expect(state.messageBox?.title).toBe('حول البرنامج');
    expect(state.messageBox?.detail).toContain(dataDir);
    expect(state.messageBox?.detail).toContain(join(dataDir, 'istiqbal.sqlite3'));
    expect(state.messageBox?.detail).toMatch(/الإصدار: \u2066\d+\.\d+\.\d+/);
  });
});

describe('npm run dev: the development run', () => {
  it('loads the renderer dev server with DevTools, and takes developer switches', async () => {
    await launch(['--data-dir', dataDir, '--remote-debugging-port=9222'], { ISTIQBAL_DEV: '1', ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    await opened();
    const [window] = state.windows;
    expect(state.exitCode).toBeNull();
    expect(window!.loaded).toBe('http://localhost:5173/');
    expect(window!.options.webPreferences?.devTools).toBe(true);
    expect(devToolsInMenu()).toBe(true);
    expect(state.events).not.toContain(`handle:${APP_SCHEME}`);
  });
});
