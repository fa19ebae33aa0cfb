import type { App } from 'electron';
import type { StartWithSystem } from '../core/computer/shell-facts';

/**
 * The name of the value under HKCU\…\CurrentVersion\Run that starts the desk at sign-in; the uninstaller
 * removes it by this name (resources/installer/installer.nsh).
 */
export const LOGIN_ITEM_NAME = 'Istiqbal';

/**
 * "Start with Windows" for the desk PC: Windows' own per-user record, which Electron reads and writes. Only a
 * packaged desk on Windows offers it: an unpackaged run would register electron.exe, and Electron keeps no such
 * record on Linux. No arguments are registered: the desk starts on its default data folder, as from its shortcut.
 */
export function startWithSystem(
  app: Pick<App, 'isPackaged' | 'getLoginItemSettings' | 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
  executable: string,
): StartWithSystem | undefined {
  if (platform !== 'win32' || !app.isPackaged) return undefined;
  const item = { path: executable, args: [] as string[] };
  return {
    // executableWillLaunchAtLogin: false too when the user switched it off in Task Manager's start-up list.
    enabled: () => app.getLoginItemSettings(item).executableWillLaunchAtLogin,
    set: (enabled) => app.setLoginItemSettings({ ...item, openAtLogin: enabled, name: LOGIN_ITEM_NAME }),
  };
}
