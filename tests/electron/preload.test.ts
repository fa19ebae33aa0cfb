import { expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../shared/bridge';

// The sandboxed preload sees only contextBridge and ipcRenderer; both are replaced in this file only.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

it('exposes exactly one key, istiqbal, holding exactly call, which invokes the one channel', async () => {
  await import('../../electron/preload/index');

  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(key).toBe('istiqbal');
  expect(Object.keys(api)).toEqual(['call']);
  expect(api.call).not.toBe(electron.ipcRenderer.invoke);

  const result = await (api.call as (op: string, input: unknown) => Promise<unknown>)('visits.queue', { day: '2024-02-14' });
  expect(result).toEqual({ ok: true, value: null });
  expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, { operation: 'visits.queue', input: { day: '2024-02-14' } });
  expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
});
