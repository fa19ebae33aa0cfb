// electron-builder's afterPack hook (electron-builder.yml): Electron's fuses, flipped in the packaged
// executable after its files are in place and before it is signed. They switch off, in the binary itself,
// what would let anyone who can start the program run other code in it or read it.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses of a packaged desk. */
export function electronFuses() {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn Istiqbal.exe into a plain Node.js that runs any script.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS (--require of any file) and --inspect / --inspect-brk (a debugger on the main process).
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Cookies encrypted at rest with a key from the operating system's keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // app.asar checked against the hash electron-builder embeds in the executable (Windows, macOS), and the
    // app loaded only from app.asar: an app/ folder or a changed archive beside the program is not run.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}

/** The packaged executable, named as electron-builder names it (executableName in electron-builder.yml). */
export function packagedExecutable({ appOutDir, electronPlatformName, packager }) {
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName);
  throw new Error(`no installer is made for ${electronPlatformName}`);
}

export default async function afterPack(context) {
  const executable = packagedExecutable(context);
  await flipFuses(executable, electronFuses());
  console.log(`  • Electron fuses set in ${executable}`);
}
