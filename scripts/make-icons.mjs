// `node scripts/make-icons.mjs`: the application's icons, drawn from resources/icon/icon.svg — the PNGs
// that the Linux packages and the window use and the .ico of the Windows installer and executable.
// Run it again after changing the SVG and commit what it writes; packaging only reads the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icon');
const svg = readFileSync(join(dir, 'icon.svg'));

/** The SVG drawn as a square PNG of `size` pixels. */
function png(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/**
 * An .ico whose images are PNGs (Windows Vista and later read them), one per size Windows asks for:
 * the header, one 16-byte directory entry per image, then the images. A width or height of 256 is
 * written as 0, as the format requires.
 */
function ico(sizes) {
  const images = sizes.map((size) => ({ size, data: png(size) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

for (const size of [512, 256]) writeFileSync(join(dir, `${size}x${size}.png`), png(size));
writeFileSync(join(dir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
console.log(`icons written to ${dir}`);
