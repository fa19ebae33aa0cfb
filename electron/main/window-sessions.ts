import type { WebContents } from 'electron';
import type { Core } from '../core/core';

/**
 * One core session per window, opened with the window and ended when its contents are destroyed:
 * a reload keeps the signed-in user, a closed window leaves nothing behind. Only contents opened
 * here count as "ours" for the IPC check.
 */
export class WindowSessions {
  private readonly byContents = new Map<number, string>();

  constructor(private readonly core: Pick<Core, 'createSession' | 'endSession'>) {}

  open(contents: WebContents): string {
    // Held by the window: it ends when the window does, never swept out while the window is open.
    return this.adopt(contents, this.core.createSession({ heldByWindow: true }));
  }

  /** A session the core opened already (a device screen's: devices.open), from now on this window's and ended with it. */
  adopt(contents: WebContents, sessionId: string): string {
    this.byContents.set(contents.id, sessionId);
    contents.once('destroyed', () => {
      this.byContents.delete(contents.id);
      this.core.endSession(sessionId);
    });
    return sessionId;
  }

  sessionFor(contents: WebContents): string | undefined {
    return this.byContents.get(contents.id);
  }
}
