/**
 * The layers of the architecture (README "How the code is laid out"), held by a check rather than by memory:
 * shared/ imports only zod and itself; electron/core is plain Node (no electron, no React, no shell);
 * renderer/ never reaches Node or the main-process side, only shared/ and its own files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child-process';

/** Every module specifier in a source text: static imports and re-exports (type-only too), import(), require(). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"\n]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const p of patterns) for (const m of code.matchAll(p)) found.push(m[1]!);
  return found;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(m|c)?(ts|tsx|js|jsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Where a relative specifier lands, as a repo-relative path with forward slashes. */
function target(file: string, spec: string): string {
  return relative(REPO_ROOT, resolve(dirname(file), spec)).split(sep).join('/');
}

/** `@shared/…` is shared/ (the alias of the tsconfigs' paths, electron.vite.config.ts and vitest.config.mts). */
const SHARED_ALIAS = /^@shared(\/|$)/;

/** Where a specifier of ours lands (relative or `@shared/…`), repo-relative; null for a package or a built-in. */
function ownTarget(file: string, spec: string): string | null {
  if (SHARED_ALIAS.test(spec)) return spec.replace(SHARED_ALIAS, 'shared$1');
  return spec.startsWith('.') ? target(file, spec) : null;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!);
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

interface Violation {
  file: string;
  spec: string;
  why: string;
}

function check(room: string, rule: (spec: string, resolved: string | null) => string | null): Violation[] {
  const out: Violation[] = [];
  for (const file of sourceFiles(join(REPO_ROOT, room))) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const resolved = ownTarget(file, spec);
      const why = rule(spec, resolved);
      if (why) out.push({ file: relative(REPO_ROOT, file), spec, why });
    }
  }
  return out;
}

const report = (v: Violation[]) => v.map((x) => `${x.file}: '${x.spec}' — ${x.why}`).join('\n');

describe('the import scanner', () => {
  it('finds every kind of import (so the rules below can fail)', () => {
    const sample = [
      "import { z } from 'zod';",
      "import type { Foo } from '../x/foo';",
      "import {\n  a,\n  b,\n} from 'node:fs';",
      "import * as path from 'path';",
      "import Default, { named } from 'electron';",
      "export { thing } from './thing';",
      "export * from '../../renderer/app';",
      "import '@fontsource/ibm-plex-sans-arabic';",
      "const lazy = await import('react');",
      "const old = require('better-sqlite3');",
      "// import { commented } from 'ignored-line-comment';",
      "/* import { blocked } from 'ignored-block-comment'; */",
      "const text = 'this is not an import from a string';",
    ].join('\n');
    expect(importsOf(sample).sort()).toEqual(
      ['zod', '../x/foo', 'node:fs', 'path', 'electron', './thing', '../../renderer/app', '@fontsource/ibm-plex-sans-arabic', 'react', 'better-sqlite3'].sort(),
    );
    expect(ownTarget(join(REPO_ROOT, 'renderer/app/App.tsx'), '@shared/labels/ar')).toBe('shared/labels/ar');
    expect(ownTarget(join(REPO_ROOT, 'renderer/app/App.tsx'), '../ui/save-file')).toBe('renderer/ui/save-file');
    expect(ownTarget(join(REPO_ROOT, 'renderer/app/App.tsx'), '@sharedthing/x')).toBeNull();
    expect(isBuiltin('fs/promises')).toBe(true);
    expect(isBuiltin('zod')).toBe(false);
  });
});

describe('layering', () => {
  it('outside shared/, shared/ is reached only as `@shared/…`, never by a relative path (which would read like a pointer to documents outside the repository)', () => {
    const v: Violation[] = [];
    for (const room of ['electron', 'renderer', 'tests', 'bench', 'scripts']) {
      v.push(...check(room, (spec, resolved) => (spec.startsWith('.') && resolved !== null && /^shared(\/|$)/.test(resolved) ? 'a relative path into shared/ (write @shared/…)' : null)));
    }
    expect(v, report(v)).toEqual([]);
  });

  it('shared/ imports only zod and other shared/ files', () => {
    expect(sourceFiles(join(REPO_ROOT, 'shared')).length).toBeGreaterThan(10);
    const v = check('shared', (spec, resolved) => {
      if (resolved !== null) return resolved.startsWith('shared/') ? null : 'leaves shared/';
      return packageOf(spec) === 'zod' ? null : 'shared/ may import only zod';
    });
    expect(v, report(v)).toEqual([]);
  });

  it('electron/core is plain Node: no electron, no React, no shell, no renderer', () => {
    expect(sourceFiles(join(REPO_ROOT, 'electron/core')).length).toBeGreaterThan(10);
    const v = check('electron/core', (spec, resolved) => {
      if (resolved !== null) {
        if (/^electron\/(main|preload|loopback)(\/|$)/.test(resolved)) return 'a shell imported by the core';
        if (/^renderer(\/|$)/.test(resolved)) return 'the renderer imported by the core';
        if (!resolved.startsWith('electron/core/') && !resolved.startsWith('shared/')) return 'outside electron/core and shared';
        return null;
      }
      const pkg = packageOf(spec);
      if (pkg === 'electron' || pkg.startsWith('@electron')) return 'electron in the core';
      if (pkg === 'react' || pkg === 'react-dom' || pkg.startsWith('@mantine') || pkg.startsWith('@tanstack')) return 'UI code in the core';
      return null;
    });
    expect(v, report(v)).toEqual([]);
  });

  it("the core's domain code speaks to the store through Kysely's builder and the Store interface: raw SQL and drivers only under electron/core/store/", () => {
    const domain = sourceFiles(join(REPO_ROOT, 'electron/core')).filter((f) => !relative(REPO_ROOT, f).split(sep).join('/').startsWith('electron/core/store/'));
    expect(domain.length).toBeGreaterThan(10);
    const v: Violation[] = [];
    for (const file of domain) {
      const code = readFileSync(file, 'utf8');
      for (const spec of importsOf(code)) {
        // backup/ is the SQLite file's own backup (SQLite's online backup API), opened beside the store.
        if (['better-sqlite3', 'pg'].includes(packageOf(spec)) && !file.includes(`${sep}backup${sep}`)) v.push({ file: relative(REPO_ROOT, file), spec, why: 'a database driver outside store/' });
      }
      // `sql` from kysely (a value import: `import type` of kysely's types is fine).
      if (/import\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*'kysely'/.test(code)) v.push({ file: relative(REPO_ROOT, file), spec: 'kysely', why: 'raw sql outside store/ (use the builder, or store/portable.ts)' });
    }
    expect(v, report(v)).toEqual([]);
  });

  it('electron/loopback is the browser desk\'s shell in plain Node: the core and shared/, never Electron, the desktop shell or the renderer', () => {
    expect(sourceFiles(join(REPO_ROOT, 'electron/loopback')).length).toBeGreaterThan(0);
    const v = check('electron/loopback', (spec, resolved) => {
      if (resolved !== null) {
        if (/^electron\/(main|preload)(\/|$)/.test(resolved)) return 'the desktop shell imported by the loopback shell';
        if (/^renderer(\/|$)/.test(resolved)) return 'the renderer imported by the loopback shell';
        if (!/^electron\/(core|loopback)\//.test(resolved) && !resolved.startsWith('shared/')) return 'outside the core, shared/ and the loopback shell';
        return null;
      }
      const pkg = packageOf(spec);
      if (pkg === 'electron' || pkg.startsWith('@electron')) return 'electron in the loopback shell (it runs in plain Node)';
      if (pkg === 'react' || pkg === 'react-dom' || pkg.startsWith('@mantine') || pkg.startsWith('@tanstack')) return 'UI code in the loopback shell';
      return null;
    });
    expect(v, report(v)).toEqual([]);
  });

  it('electron/preload is the bridge only: electron\'s contextBridge and ipcRenderer and shared/, never the core, a shell, the renderer or Node', () => {
    expect(sourceFiles(join(REPO_ROOT, 'electron/preload')).length).toBeGreaterThan(0);
    const v = check('electron/preload', (spec, resolved) => {
      if (resolved !== null) return resolved.startsWith('shared/') || resolved.startsWith('electron/preload/') ? null : 'outside shared/ and the preload';
      if (isBuiltin(spec)) return 'a Node module in the sandboxed preload';
      return packageOf(spec) === 'electron' ? null : 'a package in the sandboxed preload (it may load only electron)';
    });
    expect(v, report(v)).toEqual([]);
  });

  it('renderer/ never imports electron/, Node built-ins or the store; only shared/ and its own files', () => {
    const files = sourceFiles(join(REPO_ROOT, 'renderer'));
    if (files.length === 0) return; // nothing to hold yet
    const v = check('renderer', (spec, resolved) => {
      if (resolved !== null) {
        if (resolved.startsWith('renderer/') || resolved.startsWith('shared/')) return null;
        return resolved.startsWith('electron/') ? 'the main-process side imported by the renderer' : 'outside renderer/ and shared/';
      }
      if (isBuiltin(spec)) return 'a Node module in the renderer';
      const pkg = packageOf(spec);
      if (['electron', 'better-sqlite3', 'kysely'].includes(pkg)) return `${pkg} in the renderer`;
      return null;
    });
    expect(v, report(v)).toEqual([]);
  });
});
