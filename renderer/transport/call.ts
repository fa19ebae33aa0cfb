import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { IstiqbalBridge } from '@shared/bridge';
import type { ChangeEvent } from '@shared/live-changes';
import type { AppErrorShape, ConfirmHint, DuplicateHint, Envelope, ErrorIssue } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { httpBridge } from './http';

declare global {
  interface Window {
    /** The preload's bridge in Electron; absent in a browser on the loopback shell. */
    istiqbal?: IstiqbalBridge;
  }
}

export class CallError extends Error implements AppErrorShape {
  readonly code: AppErrorShape['code'];
  readonly issues?: ErrorIssue[];
  readonly duplicates?: DuplicateHint[];
  readonly confirm?: ConfirmHint;
  readonly retryAfterSeconds?: number;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.issues = shape.issues;
    this.duplicates = shape.duplicates;
    this.confirm = shape.confirm;
    this.retryAfterSeconds = shape.retryAfterSeconds;
  }
}

/** The one way the renderer reaches the core. */
const bridge: IstiqbalBridge = window.istiqbal ?? httpBridge;

export async function call<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await bridge.call(operation, input);
  } catch {
    throw new CallError({ code: 'network', message: ar.errors.network });
  }
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value as OutputOf<K>;
}

/** Hears the store's state, then its changes (shared/live-changes.ts), from whichever shell runs the desk. */
export function onChanges(listener: (event: ChangeEvent) => void): () => void {
  return bridge.onChanges(listener);
}
