import { join } from 'node:path';

/**
 * better-sqlite3's native module built for Electron's ABI: node_modules keep the Node-ABI build for
 * tests and the loopback shell, so `npm start` builds one for Electron under .cache/electron-native
 * and names it here; a packaged desk always loads the one it ships in its resources
 * (scripts/packaging/before-pack.mjs, electron-builder.yml) — the package holds no other.
 * Undefined lets better-sqlite3 find its own build.
 */
export function nativeBindingPath(env: NodeJS.ProcessEnv, isPackaged: boolean, resourcesPath: string): string | undefined {
  if (isPackaged) return join(resourcesPath, 'native', 'better_sqlite3.node');
  return env.ISTIQBAL_NATIVE_BINDING || undefined;
}
