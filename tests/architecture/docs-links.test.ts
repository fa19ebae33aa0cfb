/**
 * Pointers into the repository's own documentation hold: every `docs/<page>.md#anchor`, every
 * `docs/<page>.md "Heading"` and `README "Heading"` written in a comment, a test or a README names a
 * heading that exists, and every link between the docs/ pages lands on one. A renamed heading fails
 * here, naming the file that still points at the old one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child-process';

const SKIP = new Set(['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'resources', 'screenshots']);
const TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|md|json|yml|yaml)$/;

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith('.') || name === 'package-lock.json') return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return textFiles(full);
    return TEXT.test(name) ? [full] : [];
  });
}

/** The headings of a Markdown file, outside fenced code (a `# comment` in a shell example is no heading). */
function headings(markdown: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (letters of any script, digits, `-` and `_` kept), each space a hyphen; repeats get -1, -2… */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const h of headings(markdown)) {
    const base = slug(h);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

const plain = (s: string) => s.replace(/`/g, '').toLowerCase();
const read = (repoPath: string) => readFileSync(join(REPO_ROOT, repoPath), 'utf8');
const repoPath = (file: string) => relative(REPO_ROOT, file).split(sep).join('/');

interface Pointer {
  file: string;
  page: string;
  anchor?: string;
  heading?: string;
}

function pointersIn(file: string, text: string): Pointer[] {
  const found: Pointer[] = [];
  for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)#([^\s)'"`,;:*]+)/g)) found.push({ file, page: `docs/${m[1]!}`, anchor: decodeURIComponent(m[2]!).replace(/[.]+$/, '') });
  for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)(?:'s)? "([^"\n]+)"/g)) found.push({ file, page: `docs/${m[1]!}`, heading: m[2]! });
  for (const m of text.matchAll(/\bREADME(?:'s)? "([^"\n]+)"/g)) found.push({ file, page: 'README.md', heading: m[1]! });
  if (file.startsWith('docs/') && file.endsWith('.md')) {
    // Links between the pages (and within one): `](page.md#anchor)` and `](#anchor)`.
    for (const m of text.matchAll(/\]\(([\w-]+\.md)?#([^)\s]+)\)/g)) found.push({ file, page: m[1] ? `docs/${m[1]}` : file, anchor: decodeURIComponent(m[2]!) });
  }
  return found;
}

function broken(pointers: Pointer[]): string[] {
  const pages = new Map<string, { anchors: Set<string>; headings: string[] } | null>();
  const page = (p: string) => {
    if (!pages.has(p)) pages.set(p, existsSync(join(REPO_ROOT, p)) ? { anchors: anchorsOf(read(p)), headings: headings(read(p)).map(plain) } : null);
    return pages.get(p)!;
  };
  return pointers.flatMap((x) => {
    const target = page(x.page);
    const named = x.anchor !== undefined ? `${x.page}#${x.anchor}` : `${x.page} "${x.heading}"`;
    if (!target) return [`${x.file}: ${named} — no such page`];
    if (x.anchor !== undefined) return target.anchors.has(x.anchor) ? [] : [`${x.file}: ${named} — no such heading`];
    return target.headings.some((h) => h.includes(plain(x.heading!))) ? [] : [`${x.file}: ${named} — no heading says so`];
  });
}

/**
 * What once sent a reader outside the repository: a tracker's issue numbers, the documents beside it
 * (a relative path up into a shared folder, the old design, tech-notes and style files). Spelt in pieces
 * so this file does not match itself.
 */
const OUTSIDE = [
  { what: 'an issue number (point into docs/ instead)', re: new RegExp('\\b' + 'issue' + ' #?[0-9]+', 'i') },
  { what: 'a path up into a shared folder outside the repository (shared/ is @shared/…)', re: new RegExp('\\.\\./' + 'shared\\b') },
  { what: 'a document outside the repository (docs/ holds them now)', re: new RegExp('\\b(' + ['DESIGN', 'TECH-NOTES', 'STYLE'].join('|') + ')\\.md\\b') },
];

function outsidePointers(files: string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => OUTSIDE.filter((o) => o.re.test(line)).map((o) => `${repoPath(f)}:${i + 1}: ${o.what}: ${line.trim().slice(0, 120)}`)),
  );
}

describe('pointers into docs/ and the README', () => {
  it('nothing points outside the repository: no issue numbers, no path up into a shared folder beside it, no design or tech-notes file outside docs/', () => {
    const samples = ['// (iss' + 'ue 9): a desk', "import { ar } from '../../" + "shared/labels/ar';", ' * see DESIGN' + '.md "PDF"'];
    expect(samples.map((line) => OUTSIDE.filter((o) => o.re.test(line)).length)).toEqual([1, 1, 1]);
    expect(OUTSIDE.some((o) => o.re.test("import { ar } from '@shared/labels/ar'; // the ticket issued at 8"))).toBe(false);
    expect(outsidePointers(textFiles(REPO_ROOT))).toEqual([]);
  });

  it('the anchor rule and the scanner work as GitHub and as a reader would (so the check below can fail)', () => {
    expect(slug('Around the desk: watching and reporting')).toBe('around-the-desk-watching-and-reporting');
    expect(slug('Adding a migration (both stores)')).toBe('adding-a-migration-both-stores');
    expect(slug('Files (FileStore)')).toBe('files-filestore');
    expect(slug('سياسة تنظيم العلاقة مع المستفيدين')).toBe('سياسة-تنظيم-العلاقة-مع-المستفيدين');
    expect([...anchorsOf('# A\n```sh\n# not a heading\n```\n## B\n## B\n')]).toEqual(['a', 'b', 'b-1']);
    const sample = pointersIn('x.ts', ' * see docs/design.md#a-visit), docs/architecture.md "Security" and README "Installing".');
    expect(sample).toEqual([
      { file: 'x.ts', page: 'docs/design.md', anchor: 'a-visit' },
      { file: 'x.ts', page: 'docs/architecture.md', heading: 'Security' },
      { file: 'x.ts', page: 'README.md', heading: 'Installing' },
    ]);
    expect(broken([{ file: 'x.ts', page: 'docs/design.md', anchor: 'a-vist' }])).toEqual(['x.ts: docs/design.md#a-vist — no such heading']);
    expect(broken([{ file: 'x.ts', page: 'README.md', heading: 'Instaling' }])).toHaveLength(1);
    expect(broken([{ file: 'x.ts', page: 'docs/nothing.md', anchor: 'a' }])).toHaveLength(1);
  });

  it('every docs/…#anchor, docs/… "Heading" and README "Heading" in the repository names a heading that exists', () => {
    // This file's own samples (a misspelt anchor among them) are not pointers.
    const own = fileURLToPath(import.meta.url);
    const pointers = textFiles(REPO_ROOT)
      .filter((f) => f !== own)
      .flatMap((f) => pointersIn(repoPath(f), readFileSync(f, 'utf8')));
    // The repository points into its docs in well over a hundred places; a scanner that found none would prove nothing.
    expect(pointers.filter((p) => p.anchor !== undefined).length).toBeGreaterThan(50);
    expect(pointers.filter((p) => p.heading !== undefined).length).toBeGreaterThan(20);
    expect(broken(pointers)).toEqual([]);
  });
});
