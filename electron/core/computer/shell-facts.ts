/**
 * What the shell running this core tells it about itself. The core never imports electron (tests/architecture):
 * the Electron shell hands in what only it can do, as it hands in the run mode's consequences.
 */
export interface ShellFacts {
  /** The Electron window, or the loopback shell serving a browser. */
  kind: 'desktop' | 'browser';
  /** Starting the desk when the user signs in to the computer; only a shell that can (Electron, packaged, on Windows) gives it. */
  startWithSystem?: StartWithSystem;
}

/** The operating system's own record for this user (Windows: a value under Run in the user's registry), never the shared store. */
export interface StartWithSystem {
  enabled(): boolean;
  set(enabled: boolean): void;
}

/** A core made without shell facts (tests, scripts) is served like the loopback shell: nothing to start with the system. */
export const BROWSER_SHELL: ShellFacts = { kind: 'browser' };
