// electron-builder's beforePack hook (electron-builder.yml), once per platform and architecture packaged.
// better-sqlite3 is a native module: the desk needs it built for Electron's ABI, while node_modules keep the
// build for Node's that `npm test`, the loopback shell and the scripts load. electron-builder's own rebuild
// (npmRebuild) would compile over node_modules in place, so it is switched off and this hook fetches (or, for
// this machine, builds) the Electron build beside node_modules with scripts/electron-native.mjs — the one
// `npm start` uses — and stages it where extraResources picks it up: resources/native/better_sqlite3.node in
// the package, which electron/main/native-binding.ts hands to the core.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from '../electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** electron-builder's name of a platform in file patterns (`${os}`): win, linux, mac. */
export const OS_KEYS = { win32: 'win', linux: 'linux', darwin: 'mac' };
/** electron-builder's Arch enumeration, by value, as `${arch}` expands it. */
export const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** Where the hook leaves the Electron build for one platform and architecture (`${os}-${arch}` in electron-builder.yml). */
export function stagedBindingPath(projectRoot, os, arch) {
  return join(projectRoot, '.cache', 'packaging', 'native', `${os}-${arch}`, 'better_sqlite3.node');
}

function electronVersion(context) {
  return context.packager?.config?.electronVersion ?? JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch];
  const version = electronVersion(context);
  const binding = ensureElectronNative(root, version, { platform, arch });
  if (!binding) {
    throw new Error(`better-sqlite3 for Electron ${version} on ${platform}-${arch} could be neither downloaded nor built (see .cache/electron-native/*/build.log)`);
  }
  const staged = stagedBindingPath(root, OS_KEYS[platform], arch);
  mkdirSync(dirname(staged), { recursive: true });
  copyFileSync(binding, staged);
  console.log(`  • better-sqlite3 for Electron ${version} (${platform}-${arch}) → ${staged}`);
}
