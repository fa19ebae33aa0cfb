import type { Envelope } from './errors';

/** The one IPC channel between the preload and the Electron shell. */
export const CALL_CHANNEL = 'istiqbal:call';

/** What `window.istiqbal` offers the renderer: the preload over IPC, or the loopback bridge over HTTP. */
export interface IstiqbalBridge {
  call(operation: string, input: unknown): Promise<Envelope<unknown>>;
}

/** The request the preload sends on CALL_CHANNEL. */
export interface CallRequest {
  operation: string;
  input: unknown;
}
