/**
 * Path of better_sqlite3.node for Electron `version` (for this machine, or for `target`), or null when it can be
 * neither downloaded nor built.
 */
export function ensureElectronNative(root: string, version: string, target?: { platform: NodeJS.Platform; arch: string }): string | null;
