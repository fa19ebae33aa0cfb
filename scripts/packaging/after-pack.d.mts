import type { FuseConfig } from '@electron/fuses';

/** What of electron-builder's afterPack context the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The fuses of a packaged desk. */
export function electronFuses(): FuseConfig;
/** The packaged executable, named as electron-builder names it. */
export function packagedExecutable(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
