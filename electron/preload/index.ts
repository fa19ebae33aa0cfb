import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, CHANGES_CHANNEL_IPC, type CallRequest, type IstiqbalBridge } from '@shared/bridge';
import { asChangeEvent, type ChangeEvent } from '@shared/live-changes';

// The renderer never holds ipcRenderer: it can reach nothing but the checked call channel, and hear
// nothing but the shell's change events, each checked here before it is passed on.
const listeners = new Set<(event: ChangeEvent) => void>();
/** The shell sends the store's state as the page loads, maybe before the renderer subscribes: kept for it. */
let lastState: ChangeEvent | null = null;
ipcRenderer.on(CHANGES_CHANNEL_IPC, (_event, payload: unknown) => {
  const event = asChangeEvent(payload);
  if (!event) return;
  if (event.type === 'state') lastState = event;
  for (const listener of [...listeners]) listener(event);
});

const bridge: IstiqbalBridge = {
  call: (operation, input) => ipcRenderer.invoke(CALL_CHANNEL, { operation, input } satisfies CallRequest),
  onChanges: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onChanges takes a function');
    listeners.add(listener);
    if (lastState) listener(lastState);
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('istiqbal', bridge);
