import { describe, expect, it } from 'vitest';
import { DEV_ENV, runMode, type RunFacts } from '../../electron/main/run-mode';

/**
 * The Electron shell (docs/architecture.md#security): `npm start` — an unpackaged run — once honoured DevTools,
 * ELECTRON_RENDERER_URL and any Chromium switch. Only an explicit development run (`npm run dev`,
 * which sets ISTIQBAL_DEV=1) does now; every other run takes the desk's own options and nothing else.
 */
const npmStart = (args: string[], extra: Partial<RunFacts> = {}): RunFacts => ({
  isPackaged: false,
  env: {},
  args: ['/opt/istiqbal', ...args],
  nodeFlags: [],
  uid: 1000,
  ...extra,
});

describe('a locked-down run (npm start, electron ., a packaged desk)', () => {
  it('takes the desk\'s own options', () => {
    expect(runMode(npmStart(['--data-dir', '/tmp/desk', '--demo']))).toEqual({ development: false, refused: [] });
    expect(runMode(npmStart(['--data-dir=/tmp/desk']))).toEqual({ development: false, refused: [] });
    expect(runMode(npmStart(['--store', 'postgres://desk@db.local:5432/istiqbal', '--data-dir', '/tmp/desk']))).toEqual({ development: false, refused: [] });
    expect(runMode({ ...npmStart([]), isPackaged: true, args: ['--data-dir', 'D:\\desk'] })).toEqual({ development: false, refused: [] });
  });

  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-pipe'],
    ['--inspect=9229'],
    ['--disable-web-security'],
    ['--js-flags=--allow-natives-syntax'],
    ['--proxy-server=http://evil.example:8080'],
    ['--no-sandbox'],
    ['--auto-open-devtools-for-tabs'],
    ['https://evil.example/'],
  ])('refuses %s', (arg) => {
    expect(runMode(npmStart(['--data-dir', '/tmp/desk', arg])).refused).toEqual([arg]);
    expect(runMode({ ...npmStart([]), isPackaged: true, args: [arg] }).refused).toEqual([arg]);
  });

  it('refuses Node\'s own flags (--inspect before the app\'s path)', () => {
    expect(runMode(npmStart([], { nodeFlags: ['--inspect-brk=9229'] })).refused).toEqual(['--inspect-brk=9229']);
  });

  it('takes --no-sandbox only as root, where Chromium will not start without it', () => {
    expect(runMode(npmStart(['--no-sandbox'], { uid: 0 })).refused).toEqual([]);
  });

  it('ignores ELECTRON_RENDERER_URL: the built renderer only', () => {
    const mode = runMode(npmStart([], { env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } }));
    expect(mode).toEqual({ development: false, refused: [] });
  });

  it(`is locked down in a packaged desk even with ${DEV_ENV}=1`, () => {
    const mode = runMode({ ...npmStart([]), isPackaged: true, args: ['--remote-debugging-port=9222'], env: { [DEV_ENV]: '1', ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(mode).toEqual({ development: false, refused: ['--remote-debugging-port=9222'] });
  });
});

describe('a development run (npm run dev)', () => {
  const dev = (env: NodeJS.ProcessEnv, args: string[] = []) => runMode(npmStart(args, { env: { [DEV_ENV]: '1', ...env } }));

  it('honours the renderer dev server, DevTools and any switch', () => {
    expect(dev({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, ['--remote-debugging-port=9222', '--inspect'])).toEqual({
      development: true,
      devServerUrl: 'http://localhost:5173/',
      refused: [],
    });
  });

  it('takes a dev server on this machine only', () => {
    expect(dev({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }).devServerUrl).toBe('http://127.0.0.1:5173/');
    expect(dev({ ELECTRON_RENDERER_URL: 'https://evil.example/' }).devServerUrl).toBeUndefined();
    expect(dev({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }).devServerUrl).toBeUndefined();
    expect(dev({}).devServerUrl).toBeUndefined();
  });

  it(`is only ever ${DEV_ENV}=1, never merely an unpackaged run`, () => {
    expect(runMode(npmStart([], { env: { [DEV_ENV]: 'true' } })).development).toBe(false);
    expect(runMode(npmStart([], { env: { NODE_ENV: 'development' } })).development).toBe(false);
  });
});
