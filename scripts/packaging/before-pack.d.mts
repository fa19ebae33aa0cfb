/** electron-builder's name of a platform in file patterns (`${os}`). */
export const OS_KEYS: Record<'win32' | 'linux' | 'darwin', string>;
/** electron-builder's Arch enumeration, by value. */
export const ARCH_NAMES: string[];
/** Where the hook leaves the Electron build of better-sqlite3 for one platform and architecture. */
export function stagedBindingPath(projectRoot: string, os: string, arch: string): string;
export default function beforePack(context: { electronPlatformName: string; arch: number; packager?: { config?: { electronVersion?: string } } }): Promise<void>;
