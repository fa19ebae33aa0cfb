import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AboutView } from '@shared/contract';
import { parseDeskArgs } from '../../electron/main/args';
import { nativeBindingPath } from '../../electron/main/native-binding';

// menu.ts builds a native menu; Menu and dialog are replaced in this file only.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() }, dialog: { showMessageBox: vi.fn() } }));
const { aboutBox, menuTemplate } = await import('../../electron/main/menu');

const ABOUT: AboutView = { version: '0.1.0', dataDir: '/d', store: { engine: 'sqlite', file: '/d/istiqbal.sqlite3' }, shell: 'desktop' };

describe('menu', () => {
  const roles = (development: boolean) =>
    JSON.stringify(menuTemplate({ development, about: ABOUT }), (k, v) => (k === 'click' ? undefined : v));

  it('is in Arabic: ملف / عرض / مساعدة, with quit, reload and zoom', () => {
    const labels = menuTemplate({ development: false, about: ABOUT }).map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['ملف', 'عرض', 'مساعدة']));
    for (const role of ['"quit"', '"reload"', '"zoomIn"', '"zoomOut"']) expect(roles(false)).toContain(role);
  });

  it('offers dev tools in a development run (npm run dev) only, never in npm start', () => {
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('«حول البرنامج» under مساعدة shows the version, the data folder and the store: the PostgreSQL server and database, never its password', () => {
    const help = menuTemplate({ development: false, about: ABOUT }).find((m) => m.label === 'مساعدة')!;
    expect((help.submenu as { label: string }[]).map((i) => i.label)).toEqual(['حول البرنامج']);
    const sqlite = aboutBox(ABOUT);
    expect(sqlite.title).toBe('حول البرنامج');
    for (const shown of ['الإصدار: \u20660.1.0', 'مجلد البيانات: \u2066/d\u2069', '/d/istiqbal.sqlite3', 'تطبيق سطح المكتب']) expect(sqlite.detail).toContain(shown);
    const postgres = aboutBox({ ...ABOUT, store: { engine: 'postgres', host: 'db.hall', port: 5433, database: 'istiqbal' } });
    expect(postgres.detail).toContain('db.hall:5433');
    expect(postgres.detail).toContain('اسم قاعدة البيانات: \u2066istiqbal\u2069');
  });
});

describe('arguments and the native binding', () => {
  it('reads --data-dir and --demo, ignoring other flags and positionals', () => {
    expect(parseDeskArgs(['.', '--data-dir', '/tmp/desk', '--demo', '--no-sandbox'])).toEqual({ dataDir: '/tmp/desk', demo: true });
    expect(parseDeskArgs([])).toEqual({ dataDir: undefined, demo: false });
  });

  it('reads --store, the PostgreSQL database a hall of desks shares', () => {
    expect(parseDeskArgs(['.', '--store', 'postgres://desk@db.local:5432/istiqbal']).store).toBe('postgres://desk@db.local:5432/istiqbal');
    expect(parseDeskArgs(['.']).store).toBeUndefined();
  });

  it('takes the Electron-ABI build named by ISTIQBAL_NATIVE_BINDING, else lets better-sqlite3 find its own', () => {
    expect(nativeBindingPath({ ISTIQBAL_NATIVE_BINDING: '/c/better_sqlite3.node' }, false, '/res')).toBe('/c/better_sqlite3.node');
    expect(nativeBindingPath({}, false, '/res')).toBeUndefined();
  });

  it('a packaged desk always loads the Electron build it ships in its resources, whatever the environment names', () => {
    expect(nativeBindingPath({}, true, '/opt/Istiqbal/resources')).toBe(join('/opt/Istiqbal/resources', 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ ISTIQBAL_NATIVE_BINDING: '/tmp/other.node' }, true, '/opt/Istiqbal/resources')).toBe(
      join('/opt/Istiqbal/resources', 'native', 'better_sqlite3.node'),
    );
  });
});
