import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '@shared/bridge';
import { createCore, type Core } from '../../electron/core/core';
import type { Dispatch } from '../../electron/core/dispatcher';
import { APP_INDEX_URL } from '../../electron/main/app-protocol';
import { rendererLocation } from '../../electron/main/renderer-location';
import { WindowSessions } from '../../electron/main/window-sessions';
import { FakeWebContents, invokeEvent } from './fakes';
import { TEST_PASSWORD_COST } from '../helpers/test-core';

// Electron's runtime is absent on this machine: only ipcMain is replaced, and only in this file.
const ipcMain = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain }));
const { createCallHandler, registerCallHandler } = await import('../../electron/main/ipc');

const ourPage = APP_INDEX_URL;
const { isRendererUrl } = rendererLocation(undefined);

function setup() {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'forwarded' }));
  const ours = new FakeWebContents(1, ourPage);
  const sessionFor = (c: unknown) => (c === ours ? 'session-1' : undefined);
  return { dispatch, ours, handler: createCallHandler({ dispatch, sessionFor, isRendererUrl }) };
}

describe('the istiqbal:call handler', () => {
  it('is the one handler registered, on the one channel', () => {
    const { dispatch } = setup();
    registerCallHandler({ dispatch, sessionFor: () => undefined, isRendererUrl });
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe(CALL_CHANNEL);
  });

  it('forwards a call from our main frame to dispatch with that window\'s session', async () => {
    const { dispatch, ours, handler } = setup();
    const result = await handler(invokeEvent(ours, ours.mainFrame), { operation: 'visits.queue', input: { day: '2024-02-14' } });
    expect(result).toEqual({ ok: true, value: 'forwarded' });
    expect(dispatch).toHaveBeenCalledWith('visits.queue', { day: '2024-02-14' }, 'session-1');
  });

  it('still forwards when our page is on an in-page route', async () => {
    const { dispatch, ours, handler } = setup();
    ours.mainFrame.url = `${ourPage}#/queue`;
    expect(await handler(invokeEvent(ours, ours.mainFrame), { operation: 'auth.session', input: {} })).toMatchObject({ ok: true });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  const refusals: [string, (ours: FakeWebContents) => [FakeWebContents, ReturnType<typeof invokeEvent>]][] = [
    ['contents that are not one of our windows', () => {
      const stranger = new FakeWebContents(2, ourPage);
      return [stranger, invokeEvent(stranger, stranger.mainFrame)];
    }],
    ['a sub-frame of our window', (ours) => [ours, invokeEvent(ours, { ...ours.mainFrame, frameToken: 'child-frame' })]],
    ['a frame in another process', (ours) => [ours, invokeEvent(ours, { ...ours.mainFrame, processId: 999 })]],
    ['a frame already gone (senderFrame null)', (ours) => [ours, invokeEvent(ours, null)]],
    ['our main frame showing a foreign page', (ours) => [ours, invokeEvent(ours, { ...ours.mainFrame, url: 'https://evil.example/' })]],
    ['our main frame showing a local file', (ours) => [ours, invokeEvent(ours, { ...ours.mainFrame, url: 'file:///opt/istiqbal/out/renderer/index.html' })]],
    ['our main frame showing another page of our origin', (ours) => [ours, invokeEvent(ours, { ...ours.mainFrame, url: 'app://istiqbal/assets/evil.html' })]],
  ];

  it.each(refusals)('refuses %s, with nothing dispatched', async (_name, make) => {
    const { dispatch, ours, handler } = setup();
    const [, event] = make(ours);
    const result = await handler(event, { operation: 'auth.setup', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ok === false && /[\u0600-\u06FF]/.test(result.error.message)).toBe(true);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('IPC into a real core', () => {
  let dir: string;
  let core: Core;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'istiqbal-ipc-'));
    core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir, log: () => {} });
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each window its own session, and ends it when the window goes', async () => {
    const sessions = new WindowSessions(core);
    const window = new FakeWebContents(7, ourPage);
    sessions.open(window.asWebContents());
    const handler = createCallHandler({ dispatch: core.dispatch, sessionFor: (c) => sessions.sessionFor(c), isRendererUrl });
    const call = (operation: string, input: unknown) => handler(invokeEvent(window, window.mainFrame), { operation, input });

    const setup = await call('auth.setup', { username: 'admin', fullName: 'مدير النظام', password: 'secret-123', deskId: 1 });
    expect(setup).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
    expect(await call('auth.session', {})).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    expect(await call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });

    const other = new FakeWebContents(8, ourPage);
    sessions.open(other.asWebContents());
    const fromOther = await handler(invokeEvent(other, other.mainFrame), { operation: 'auth.session', input: {} });
    expect(fromOther).toMatchObject({ ok: true, value: { user: null } });

    window.emit('destroyed');
    expect(sessions.sessionFor(window.asWebContents())).toBeUndefined();
    expect(await call('auth.session', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
