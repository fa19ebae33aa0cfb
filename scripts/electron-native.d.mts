/** Path of better_sqlite3.node for Electron `version`, or null when it can be neither downloaded nor built. */
export function ensureElectronNative(root: string, version: string): string | null;
