import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3's native module built for Electron's ABI (TECH-NOTES "Electron here"): node_modules
 * keeps the Node-ABI build for tests and the loopback shell, so `npm start` builds one for Electron
 * under .cache/electron-native and names it here; a packaged desk ships it in its resources.
 * Undefined lets better-sqlite3 find its own build.
 */
export function nativeBindingPath(env: NodeJS.ProcessEnv, isPackaged: boolean, resourcesPath: string): string | undefined {
  if (env.ISTIQBAL_NATIVE_BINDING) return env.ISTIQBAL_NATIVE_BINDING;
  const packaged = join(resourcesPath, 'native', 'better_sqlite3.node');
  return isPackaged && existsSync(packaged) ? packaged : undefined;
}
