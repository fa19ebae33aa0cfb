import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, type CallRequest, type IstiqbalBridge } from '../../shared/bridge';

// `call` and nothing else: the renderer never holds ipcRenderer, so it can reach nothing but the checked call channel.
const bridge: IstiqbalBridge = {
  call: (operation, input) => ipcRenderer.invoke(CALL_CHANNEL, { operation, input } satisfies CallRequest),
};

contextBridge.exposeInMainWorld('istiqbal', bridge);
