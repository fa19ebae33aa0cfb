import type { LoginItemSettings, Settings } from 'electron';
import { expect, it } from 'vitest';
import { LOGIN_ITEM_NAME, startWithSystem } from '../../electron/main/start-with-system';

/** Electron's app, as far as login items go: Windows' per-user Run record, kept in memory here. */
function fakeApp(isPackaged: boolean) {
  const written: Settings[] = [];
  let on = false;
  return {
    written,
    app: {
      isPackaged,
      getLoginItemSettings: () => ({ openAtLogin: on, executableWillLaunchAtLogin: on }) as LoginItemSettings,
      setLoginItemSettings: (settings: Settings) => {
        written.push(settings);
        on = settings.openAtLogin === true;
      },
    },
  };
}

it('start with Windows: a packaged desk on Windows registers its own executable, without arguments, under the name the uninstaller removes', () => {
  const { app, written } = fakeApp(true);
  const control = startWithSystem(app, 'win32', 'C:\\Users\\desk\\AppData\\Local\\Programs\\istiqbal\\Istiqbal.exe')!;
  expect(control.enabled()).toBe(false);
  control.set(true);
  expect(control.enabled()).toBe(true);
  expect(written).toEqual([{ path: 'C:\\Users\\desk\\AppData\\Local\\Programs\\istiqbal\\Istiqbal.exe', args: [], openAtLogin: true, name: LOGIN_ITEM_NAME }]);
  expect(LOGIN_ITEM_NAME).toBe('Istiqbal');
});

it('start with Windows is offered by the packaged desk on Windows only: not on Linux, not from the sources', () => {
  expect(startWithSystem(fakeApp(true).app, 'linux', '/opt/istiqbal/istiqbal')).toBeUndefined();
  expect(startWithSystem(fakeApp(false).app, 'win32', 'C:\\electron\\electron.exe')).toBeUndefined();
});
