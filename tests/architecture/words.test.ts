/**
 * One meaning per word (docs/architecture.md#words), held by a check: the PDFs the desk prints live
 * in folders and files named printing, never documents (a document is a request's supporting paper);
 * opening a beneficiary's file is enrolment, never register (the daily register) nor registration (S6).
 * Operation names keep their old spelling: they are the public HTTP API.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child-process';

const CODE_ROOTS = ['electron', 'renderer', 'shared', 'tests', 'scripts', 'bench'];

/** Every path under the code folders, repo-relative with forward slashes. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const full = join(dir, name);
    const own = relative(REPO_ROOT, full).split(sep).join('/');
    return statSync(full).isDirectory() ? [`${own}/`, ...walk(full)] : [own];
  });
}

const paths = CODE_ROOTS.flatMap((root) => walk(join(REPO_ROOT, root)));
const sources = paths.filter((p) => /\.(m|c)?(ts|tsx|js|jsx)$/.test(p) && p !== 'tests/architecture/words.test.ts');

describe('one meaning per word', () => {
  it('printing: no folder is called documents, and the printing contract and labels are printing.ts and printing-ar.ts', () => {
    expect(paths.filter((p) => /(^|\/)documents\/$/.test(p))).toEqual([]);
    expect(
      paths.filter((p) => /^(shared\/contract\/documents\.ts|shared\/labels\/documents-ar\.ts|scripts\/documents-samples\.ts)$/.test(p)),
    ).toEqual([]);
    expect(paths).toContain('electron/core/printing/');
    expect(paths).toContain('shared/contract/printing.ts');
    expect(paths).toContain('shared/labels/printing-ar.ts');
  });

  it('printing and enrol: the names that once said document for a printout, or register for opening a file, are gone from the code', () => {
    const old =
      /\b(documentsAr|documentOperations|documentHandlers|usePrintDocument|registerDocumentFonts|DocumentOptions|ReferenceDocumentView|RegisterBeneficiary\w*|registerNew|onRegister(ed)?|noRegisterButton)\b/;
    const found = sources.flatMap((p) =>
      readFileSync(join(REPO_ROOT, p), 'utf8')
        .split('\n')
        .flatMap((line, i) => (old.test(line) ? [`${p}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(sources.length).toBeGreaterThan(300);
    expect(found).toEqual([]);
  });
});
