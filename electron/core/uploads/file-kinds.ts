import { crc32 } from 'node:zlib';

/** The kinds of file the desk keeps, each known by its first bytes, never by its name. */
export type FileKindName = 'pdf' | 'png' | 'jpeg';

export interface FileKind {
  name: FileKindName;
  mime: string;
  /** The extension a kept file of this kind is named with. */
  ext: string;
  /** Extensions a person may already have given it, kept as they wrote them. */
  extensions: readonly string[];
  magic: readonly number[];
}

export const FILE_KINDS: Record<FileKindName, FileKind> = {
  pdf: { name: 'pdf', mime: 'application/pdf', ext: 'pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  png: { name: 'png', mime: 'image/png', ext: 'png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpeg: { name: 'jpeg', mime: 'image/jpeg', ext: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], magic: [0xff, 0xd8, 0xff] },
};

/** What the first bytes say the file is; null for anything else. */
export function claimedKind(bytes: Uint8Array): FileKind | null {
  return Object.values(FILE_KINDS).find((k) => k.magic.every((b, i) => bytes[i] === b)) ?? null;
}

export function kindOfMime(mime: string): FileKind | null {
  return Object.values(FILE_KINDS).find((k) => k.mime === mime) ?? null;
}

export interface ImageSize {
  width: number;
  height: number;
}

const PNG_COLOUR_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_SIGNATURE_LENGTH = 8;

/**
 * A PNG's size from its header (IHDR: the first chunk, checked against its CRC, with a colour type and
 * depth a decoder knows), after walking the chunk list to IEND with image data on the way: a file cut
 * short or with made-up chunk lengths gives null. The pixels are not decoded.
 */
export function pngSize(bytes: Buffer): ImageSize | null {
  const ihdr = PNG_SIGNATURE_LENGTH;
  if (bytes.length < ihdr + 25 + 12) return null;
  if (bytes.readUInt32BE(ihdr) !== 13 || bytes.toString('latin1', ihdr + 4, ihdr + 8) !== 'IHDR') return null;
  if (crc32(bytes.subarray(ihdr + 4, ihdr + 21)) !== bytes.readUInt32BE(ihdr + 21)) return null;
  const width = bytes.readUInt32BE(ihdr + 8);
  const height = bytes.readUInt32BE(ihdr + 12);
  const [depth, colour, compression, filter, interlace] = bytes.subarray(ihdr + 16, ihdr + 21);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return null;
  if (!PNG_COLOUR_DEPTHS[colour!]?.includes(depth!) || compression !== 0 || filter !== 0 || interlace! > 1) return null;

  let at = ihdr + 25;
  let imageData = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff || at + 12 + length > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return null;
    if (type === 'IDAT') imageData = true;
    if (type === 'IEND') return imageData ? { width, height } : null;
    at += 12 + length;
  }
  return null;
}

/** SOF markers: baseline, progressive, lossless … — not DHT (C4), JPG (C8) or DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * A JPEG's size from its frame header (SOF), walking the segments from the start of the image to the
 * start of the scan: every segment's length must fit, the frame must come before the scan and
 * describe 1–4 components at 8, 12 or 16 bits. The scan itself is not decoded.
 */
export function jpegSize(bytes: Buffer): ImageSize | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  let size: ImageSize | null = null;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at += 1; // fill bytes
    const marker = bytes[at];
    if (marker === undefined || marker === 0x00) return null;
    at += 1;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd8 || marker === 0xd9) return null; // a second start, or the end before any scan
    if (at + 2 > bytes.length) return null;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return null;
    if (marker === 0xda) return size; // the scan: its frame must already be known
    if (isStartOfFrame(marker)) {
      if (size || length < 8) return null;
      const precision = bytes[at + 2]!;
      const height = bytes.readUInt16BE(at + 3);
      const width = bytes.readUInt16BE(at + 5);
      const components = bytes[at + 7]!;
      if (![8, 12, 16].includes(precision) || width === 0 || height === 0) return null;
      if (components < 1 || components > 4 || length !== 8 + 3 * components) return null;
      size = { width, height };
    }
    at += length;
  }
  return null;
}
