import { existsSync } from 'node:fs';

/**
 * The real file for a path inside a packaged desk's app.asar that electron-builder also unpacked beside it
 * (asarUnpack in electron-builder.yml, into app.asar.unpacked): what a worker thread imports as an ES module
 * (pdf.js) is loaded from there, not through Electron's archive reader. Any other path is returned as given.
 */
export function outsideAsar(path: string): string {
  const unpacked = path.replace(/\.asar(?=[\\/])/, '.asar.unpacked');
  return unpacked !== path && existsSync(unpacked) ? unpacked : path;
}
