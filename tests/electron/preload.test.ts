import { expect, it, vi } from 'vitest';
import { CALL_CHANNEL, CHANGES_CHANNEL_IPC } from '@shared/bridge';
import type { ChangeEvent } from '@shared/live-changes';

// The sandboxed preload sees only contextBridge and ipcRenderer; both are replaced in this file only.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

async function exposed() {
  await import('../../electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  return { key, api };
}

it('exposes exactly one key, istiqbal, holding call and onChanges; call invokes the one channel and sends nothing else', async () => {
  const { key, api } = await exposed();
  expect(key).toBe('istiqbal');
  expect(Object.keys(api)).toEqual(['call', 'onChanges']);
  expect(api.call).not.toBe(electron.ipcRenderer.invoke);

  const result = await (api.call as (op: string, input: unknown) => Promise<unknown>)('visits.queue', { day: '2024-02-14' });
  expect(result).toEqual({ ok: true, value: null });
  expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, { operation: 'visits.queue', input: { day: '2024-02-14' } });
  expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  // It hears one channel only, the shell's change events.
  expect(electron.ipcRenderer.on.mock.calls.map((c) => (c as unknown[])[0])).toEqual([CHANGES_CHANNEL_IPC]);
});

it("live changes: onChanges passes on the shell's change events, checked (anything else is dropped), with the last state kept for a late subscriber", async () => {
  const { api } = await exposed();
  const onChanges = api.onChanges as (listener: (e: ChangeEvent) => void) => () => void;
  const fromShell = (electron.ipcRenderer.on.mock.calls[0] as unknown[])[1] as (event: unknown, payload: unknown) => void;
  expect(() => onChanges('not a function' as never)).toThrow(TypeError);

  // The state arrives as the page loads, before the renderer subscribes.
  fromShell({}, { type: 'state', push: true, connected: true });
  const heard: ChangeEvent[] = [];
  const stop = onChanges((e) => heard.push(e));
  expect(heard).toEqual([{ type: 'state', push: true, connected: true }]);

  for (const junk of [null, 'change', { type: 'change', revision: '7' }, { type: 'change', revision: 1.5 }, { type: 'state', push: 'yes', connected: true }, { type: 'other' }]) {
    fromShell({}, junk);
  }
  fromShell({}, { type: 'change', revision: 7, extra: 'dropped' });
  fromShell({}, { type: 'state', push: true, connected: false });
  expect(heard.slice(1)).toEqual([
    { type: 'change', revision: 7 },
    { type: 'state', push: true, connected: false },
  ]);

  stop();
  fromShell({}, { type: 'change', revision: 8 });
  expect(heard).toHaveLength(3);
});
