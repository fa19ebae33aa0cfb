import { describe, expect, it, vi } from 'vitest';
import { parseDeskArgs } from '../../electron/main/args';
import { nativeBindingPath } from '../../electron/main/native-binding';

// menu.ts builds a native menu; Menu and dialog are replaced in this file only.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() }, dialog: { showMessageBox: vi.fn() } }));
const { menuTemplate } = await import('../../electron/main/menu');

describe('menu', () => {
  const roles = (development: boolean) =>
    JSON.stringify(menuTemplate({ development, version: '0.1.0', dataDir: '/d' }), (k, v) => (k === 'click' ? undefined : v));

  it('is in Arabic: ملف / عرض / مساعدة, with quit, reload and zoom', () => {
    const labels = menuTemplate({ development: false, version: '0.1.0', dataDir: '/d' }).map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['ملف', 'عرض', 'مساعدة']));
    for (const role of ['"quit"', '"reload"', '"zoomIn"', '"zoomOut"']) expect(roles(false)).toContain(role);
  });

  it('offers dev tools in a development run (npm run dev) only, never in npm start', () => {
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('arguments and the native binding', () => {
  it('reads --data-dir and --demo, ignoring other flags and positionals', () => {
    expect(parseDeskArgs(['.', '--data-dir', '/tmp/desk', '--demo', '--no-sandbox'])).toEqual({ dataDir: '/tmp/desk', demo: true });
    expect(parseDeskArgs([])).toEqual({ dataDir: undefined, demo: false });
  });

  it('reads --store, the PostgreSQL database a hall of desks shares (issue 9)', () => {
    expect(parseDeskArgs(['.', '--store', 'postgres://desk@db.local:5432/istiqbal']).store).toBe('postgres://desk@db.local:5432/istiqbal');
    expect(parseDeskArgs(['.']).store).toBeUndefined();
  });

  it('takes the Electron-ABI build named by ISTIQBAL_NATIVE_BINDING, else lets better-sqlite3 find its own', () => {
    expect(nativeBindingPath({ ISTIQBAL_NATIVE_BINDING: '/c/better_sqlite3.node' }, false, '/res')).toBe('/c/better_sqlite3.node');
    expect(nativeBindingPath({}, false, '/res')).toBeUndefined();
    expect(nativeBindingPath({}, true, '/no/such/resources')).toBeUndefined();
  });
});
