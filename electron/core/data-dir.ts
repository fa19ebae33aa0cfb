import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Istiqbal';

/**
 * The app's data folder, the same one Electron's `app.getPath('userData')` names for this app, so
 * both shells open the same store: ~/.config/Istiqbal on Linux, %APPDATA%\Istiqbal on Windows,
 * ~/Library/Application Support/Istiqbal on macOS.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}
