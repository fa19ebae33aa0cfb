import type { WebContents } from 'electron';
import { CHANGES_CHANNEL_IPC } from '@shared/bridge';
import type { LiveChanges } from '../core/live-changes';

/**
 * The store's changes, from the core to each desk window's renderer (its preload, shared/live-changes.ts):
 * the state each time the window's page has loaded (a reload included), then every event. Only
 * windows attached here hear them — our own desk windows, showing our renderer.
 */
export class ChangePush {
  private readonly windows = new Set<WebContents>();
  private readonly unsubscribe: () => void;

  constructor(private readonly changes: Pick<LiveChanges, 'state' | 'subscribe'>) {
    this.unsubscribe = changes.subscribe((event) => {
      for (const contents of this.windows) if (!contents.isDestroyed()) contents.send(CHANGES_CHANNEL_IPC, event);
    });
  }

  attach(contents: WebContents): void {
    this.windows.add(contents);
    contents.on('did-finish-load', () => {
      if (!contents.isDestroyed()) contents.send(CHANGES_CHANNEL_IPC, this.changes.state());
    });
    contents.once('destroyed', () => this.windows.delete(contents));
  }

  close(): void {
    this.unsubscribe();
    this.windows.clear();
  }
}
