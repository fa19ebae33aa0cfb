import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

/**
 * A plain POSIX tar (ustar, with pax records for long or non-ASCII names): one backup is one file
 * any archiver opens, written and read here with nothing but node's file handles. Only regular
 * files: a backup holds no links, devices or folders of its own (folders come from the paths).
 */

const BLOCK = 512;
const CHUNK = 1 << 20;
const ZEROS = Buffer.alloc(BLOCK * 2);

export interface TarEntryWritten {
  path: string;
  size: number;
  sha256: string;
}

export interface TarEntryHeader {
  path: string;
  size: number;
  /** Where the entry's bytes start in the archive. */
  offset: number;
}

/** Appends entries to a new archive; every entry's SHA-256 is computed from the bytes as written. */
export class TarWriter {
  private position = 0;

  private constructor(private readonly out: FileHandle) {}

  /** Creates `file` (it must not exist: a backup never overwrites anything), readable by this user only. */
  static async create(file: string): Promise<TarWriter> {
    return new TarWriter(await open(file, 'wx', 0o600));
  }

  get bytesWritten(): number {
    return this.position;
  }

  /**
   * Copies `source` into the archive under `path`, exactly `size` bytes (its size when listed): a
   * file that grew or shrank meanwhile fails the backup rather than archiving something else.
   */
  async addFile(path: string, source: string, size: number, mtime: Date, onBytes?: (n: number) => void): Promise<TarEntryWritten> {
    await this.header(path, size, mtime);
    const hash = createHash('sha256');
    const input = await open(source, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 1)));
      let done = 0;
      while (done < size) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, size - done), done);
        if (bytesRead === 0) throw new Error(`${source} is shorter than when it was listed`);
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await this.write(chunk);
        done += bytesRead;
        onBytes?.(bytesRead);
      }
      const probe = await input.read(Buffer.alloc(1), 0, 1, size);
      if (probe.bytesRead !== 0) throw new Error(`${source} grew while it was archived`);
    } finally {
      await input.close();
    }
    await this.pad(size);
    return { path, size, sha256: hash.digest('hex') };
  }

  async addBuffer(path: string, bytes: Buffer, mtime: Date): Promise<TarEntryWritten> {
    await this.header(path, bytes.length, mtime);
    await this.write(bytes);
    await this.pad(bytes.length);
    return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Ends the archive, flushes it to the disk and closes it. */
  async finish(): Promise<void> {
    await this.write(ZEROS);
    await this.out.sync();
    await this.out.close();
  }

  /** Closes without finishing (the caller removes the partial file). */
  async abandon(): Promise<void> {
    await this.out.close().catch(() => undefined);
  }

  private async header(path: string, size: number, mtime: Date): Promise<void> {
    checkEntryPath(path);
    const ascii = /^[\x20-\x7e]*$/.test(path);
    const records: string[] = [];
    if (!ascii || Buffer.byteLength(path) > 100) records.push(paxRecord('path', path));
    if (size > 0o77777777777) records.push(paxRecord('size', String(size)));
    if (records.length > 0) {
      const body = Buffer.from(records.join(''), 'utf8');
      await this.write(ustarHeader('PaxHeader', body.length, mtime, 'x'));
      await this.write(body);
      await this.pad(body.length);
    }
    const fallbackName = ascii && path.length <= 100 ? path : path.replace(/[^\x20-\x7e]/g, '_').slice(-100);
    await this.write(ustarHeader(fallbackName, Math.min(size, 0o77777777777), mtime, '0'));
  }

  private async pad(size: number): Promise<void> {
    const rest = size % BLOCK;
    if (rest !== 0) await this.write(ZEROS.subarray(0, BLOCK - rest));
  }

  private async write(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.out.write(bytes, done, bytes.length - done, this.position);
      done += bytesWritten;
      this.position += bytesWritten;
    }
  }
}

/** A pax record is "<length> key=value\n", the length counting its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restBytes = Buffer.byteLength(rest);
  let length = restBytes + String(restBytes).length;
  if (String(length).length !== String(restBytes).length) length = restBytes + String(length).length;
  return `${length}${rest}`;
}

function ustarHeader(name: string, size: number, mtime: Date, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.max(0, Math.floor(mtime.getTime() / 1000)), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'ascii');
  return h;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`;
}

/**
 * An entry path a backup may hold: relative, forward slashes, no `.`/`..` parts, no control
 * characters. Checked when writing and again when reading, so a crafted archive cannot write
 * outside the folder it is unpacked into.
 */
export function checkEntryPath(path: string): void {
  const parts = path.split('/');
  const bad =
    path.length === 0 ||
    path.length > 1000 ||
    path.startsWith('/') ||
    path.includes('\\') ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a path in an archive may not hold
    /[\u0000-\u001f\u007f]/.test(path) ||
    /^[a-zA-Z]:/.test(path) ||
    parts.some((p) => p === '' || p === '.' || p === '..');
  if (bad) throw new TarFormatError(`unsafe entry path: ${JSON.stringify(path)}`);
}

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

/**
 * The entries of an archive, in order, by reading only their headers (the bytes are skipped): to
 * find the manifest at the end of a backup without reading the backup.
 */
export async function listTar(file: string): Promise<TarEntryHeader[]> {
  const input = await open(file, 'r');
  try {
    const entries: TarEntryHeader[] = [];
    for await (const entry of walk(input)) entries.push(entry);
    return entries;
  } finally {
    await input.close();
  }
}

/**
 * The last entry of an archive written by TarWriter, found from the end (its header is the last
 * valid one before the end marker): the manifest of a backup of 80,000 scans without walking 80,000
 * headers. Null when the archive does not end that way; `maxSize` bounds how far back it looks.
 */
export async function findLastEntry(file: string, maxSize: number): Promise<TarEntryHeader | null> {
  const input = await open(file, 'r');
  try {
    const { size } = await input.stat();
    const end = size - BLOCK * 2;
    if (end < BLOCK || size % BLOCK !== 0) return null;
    const header = Buffer.alloc(BLOCK);
    // Blocks from the end marker backwards, as far as an entry of maxSize reaches (and its pax header).
    const floor = Math.max(0, end - BLOCK * (Math.ceil(maxSize / BLOCK) + 8));
    for (let at = end - BLOCK; at >= floor; at -= BLOCK) {
      await readExactly(input, header, at);
      if (!header.subarray(257, 262).equals(Buffer.from('ustar')) || String.fromCharCode(header[156]!) !== '0') continue;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
      let entrySize: number;
      try {
        if (parseOctal(header.subarray(148, 156)) !== sum) continue;
        entrySize = parseOctal(header.subarray(124, 136));
      } catch {
        continue;
      }
      if (at + BLOCK + Math.ceil(entrySize / BLOCK) * BLOCK !== end) continue;
      const name = cString(header.subarray(0, 100));
      const prefix = cString(header.subarray(345, 500));
      return { path: prefix ? `${prefix}/${name}` : name, size: entrySize, offset: at + BLOCK };
    }
    return null;
  } finally {
    await input.close();
  }
}

/** Reads an entry's bytes whole (for small entries: the manifest). */
export async function readTarEntry(file: string, entry: TarEntryHeader): Promise<Buffer> {
  const input = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(entry.size);
    let done = 0;
    while (done < entry.size) {
      const { bytesRead } = await input.read(buffer, done, entry.size - done, entry.offset + done);
      if (bytesRead === 0) throw new TarFormatError('archive ends inside an entry');
      done += bytesRead;
    }
    return buffer;
  } finally {
    await input.close();
  }
}

/**
 * Every entry in order with its bytes, chunk by chunk: `onEntry` returns a sink that gets the
 * chunks (or null to skip the entry's bytes unread); the sink's `end` is awaited before the next entry.
 */
export async function readTar(
  file: string,
  onEntry: (entry: TarEntryHeader) => Promise<TarSink | null> | TarSink | null,
  onBytes?: (n: number) => void,
): Promise<void> {
  const input = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for await (const entry of walk(input)) {
      const sink = await onEntry(entry);
      if (!sink) continue;
      let done = 0;
      while (done < entry.size) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, entry.size - done), entry.offset + done);
        if (bytesRead === 0) throw new TarFormatError('archive ends inside an entry');
        await sink.write(buffer.subarray(0, bytesRead));
        done += bytesRead;
        onBytes?.(bytesRead);
      }
      await sink.end();
    }
  } finally {
    await input.close();
  }
}

export interface TarSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

async function* walk(input: FileHandle): AsyncGenerator<TarEntryHeader> {
  const { size: archiveSize } = await input.stat();
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  let pax: Record<string, string> = {};
  for (;;) {
    if (position + BLOCK > archiveSize) throw new TarFormatError('archive ends without its end marker');
    await readExactly(input, header, position);
    if (header.every((b) => b === 0)) return;
    if (!header.subarray(257, 262).equals(Buffer.from('ustar'))) throw new TarFormatError('not a ustar header');
    const stored = parseOctal(header.subarray(148, 156));
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    if (stored !== sum) throw new TarFormatError('header checksum mismatch');
    const type = String.fromCharCode(header[156]!);
    let size = parseOctal(header.subarray(124, 136));
    const offset = position + BLOCK;
    position = offset + Math.ceil(size / BLOCK) * BLOCK;
    if (position > archiveSize) throw new TarFormatError('archive ends inside an entry');
    if (type === 'x') {
      const body = Buffer.alloc(size);
      await readExactly(input, body, offset);
      pax = parsePax(body.toString('utf8'));
      continue;
    }
    if (type !== '0' && type !== '\u0000') throw new TarFormatError(`entry of type ${JSON.stringify(type)} in a backup`);
    const prefix = cString(header.subarray(345, 500));
    const name = cString(header.subarray(0, 100));
    const path = pax.path ?? (prefix ? `${prefix}/${name}` : name);
    if (pax.size !== undefined) {
      size = Number(pax.size);
      position = offset + Math.ceil(size / BLOCK) * BLOCK;
      if (!Number.isSafeInteger(size) || position > archiveSize) throw new TarFormatError('bad pax size');
    }
    pax = {};
    checkEntryPath(path);
    yield { path, size, offset };
  }
}

async function readExactly(input: FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await input.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new TarFormatError('archive ends too early');
    done += bytesRead;
  }
}

function parseOctal(field: Buffer): number {
  const text = cString(field).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError('bad number in a header');
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = /^(\d+) ([^=]+)=/.exec(rest);
    if (!m) throw new TarFormatError('bad pax record');
    const length = Number(m[1]);
    const record = Buffer.from(rest, 'utf8').subarray(0, length).toString('utf8');
    if (!record.endsWith('\n')) throw new TarFormatError('bad pax record');
    out[m[2]!] = record.slice(m[0].length, -1);
    rest = rest.slice(record.length);
  }
  return out;
}
