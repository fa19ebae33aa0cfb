// better-sqlite3 built for Electron's ABI, once per Electron version, beside (not instead of) the
// Node-ABI build in node_modules that tests and the loopback shell use (docs/machine-notes.md "Electron's runtime and better-sqlite3").
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PREBUILD_TIMEOUT_MS = 60_000;
const SOURCE_BUILD_TIMEOUT_MS = 15 * 60_000;

/**
 * Path of better_sqlite3.node for Electron `version`, or null when it can be neither downloaded nor built.
 * `target` (packaging, scripts/packaging/before-pack.mjs) names another platform or architecture than this
 * machine's: only better-sqlite3's prebuilt binary for it can be fetched, since node-gyp builds for this one.
 */
export function ensureElectronNative(root, version, target = { platform: process.platform, arch: process.arch }) {
  const cross = target.platform !== process.platform || target.arch !== process.arch;
  const dir = join(root, '.cache', 'electron-native', cross ? `${version}-${target.platform}-${target.arch}` : version, 'better-sqlite3');
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.log(`يُبنى better-sqlite3 لـ Electron ${version} (مرة واحدة) / building better-sqlite3 for Electron ${version} (once)…`);
  const source = join(root, 'node_modules', 'better-sqlite3');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (path) => path !== join(source, 'build') });

  // An npmrc `nodedir` (set on machines that build Node addons offline) would make node-gyp compile
  // against Node's headers while labelling the result for Electron.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
  const electronFlags = ['--runtime=electron', `--target=${version}`];
  const steps = [
    [join(root, 'node_modules', 'prebuild-install', 'bin.js'), [...electronFlags, `--platform=${target.platform}`, `--arch=${target.arch}`], PREBUILD_TIMEOUT_MS],
    ...(cross ? [] : [[nodeGyp(), ['rebuild', '--release', ...electronFlags, '--dist-url=https://electronjs.org/headers'], SOURCE_BUILD_TIMEOUT_MS]]),
  ];
  const log = [];
  for (const [script, args, timeout] of steps) {
    if (!script || !existsSync(script)) continue;
    const run = spawnSync(process.execPath, [script, ...args], { cwd: dir, env, timeout, encoding: 'utf8' });
    log.push(`$ ${script} ${args.join(' ')}`, run.stdout ?? '', run.stderr ?? '', `exit ${run.status ?? run.signal}`);
    if (run.status === 0 && existsSync(binding)) return binding;
  }
  writeFileSync(join(dir, '..', 'build.log'), log.join('\n'));
  console.log(`تعذّر بناء better-sqlite3 لـ Electron / no Electron build of better-sqlite3 (see ${join(dir, '..', 'build.log')})`);
  return null;
}

/** npm sets npm_config_node_gyp for scripts; otherwise the node-gyp bundled with npm beside this Node. */
function nodeGyp() {
  const bin = dirname(process.execPath);
  return [
    process.env.npm_config_node_gyp,
    join(bin, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(bin, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].find((p) => p && existsSync(p));
}
