import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { outsideAsar } from '../../electron/core/outside-asar';

const resources = mkdtempSync(join(tmpdir(), 'istiqbal-asar-'));
afterAll(() => rmSync(resources, { recursive: true, force: true }));

it('a file of app.asar that the package also unpacked is read from app.asar.unpacked; any other path as given', () => {
  const inside = join(resources, 'app.asar', 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs');
  const unpacked = join(resources, 'app.asar.unpacked', 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs');
  expect(outsideAsar(inside)).toBe(inside);
  mkdirSync(join(unpacked, '..'), { recursive: true });
  writeFileSync(unpacked, 'export {};');
  expect(outsideAsar(inside)).toBe(unpacked);
  expect(outsideAsar(join(resources, 'app.asar', 'package.json'))).toBe(join(resources, 'app.asar', 'package.json'));
  expect(outsideAsar('/repo/node_modules/pdfjs-dist/legacy/build/pdf.mjs')).toBe('/repo/node_modules/pdfjs-dist/legacy/build/pdf.mjs');
});
