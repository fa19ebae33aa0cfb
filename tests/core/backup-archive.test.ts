import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLastEntry, listTar, readTar, readTarEntry, TarFormatError, TarWriter } from '../../electron/core/backup/tar';
import { makeTempDir } from '../helpers/test-core';

/** One backup is one plain tar file (docs/architecture.md#backups), written and read back by our own code. */
describe('the backup archive (POSIX tar)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every byte and name — long and Arabic names too — and hashes what it wrote', async () => {
    dir = makeTempDir('istiqbal-tar-');
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    big.write('%PDF-1.7 تجربة', 0);
    writeFileSync(join(dir, 'big.bin'), big);
    const file = join(dir, 'a.tar');
    const writer = await TarWriter.create(file);
    const longName = `printed/${'سجل-يومي-'.repeat(12)}.pdf`;
    const written = [
      await writer.addFile('attachments/12/scan.pdf', join(dir, 'big.bin'), big.length, new Date()),
      await writer.addBuffer(longName, Buffer.from('نص عربي'), new Date()),
      await writer.addBuffer('empty.txt', Buffer.alloc(0), new Date()),
    ];
    await writer.finish();

    expect(written[0]!.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    const entries = await listTar(file);
    expect(entries.map((e) => [e.path, e.size])).toEqual([
      ['attachments/12/scan.pdf', big.length],
      [longName, Buffer.byteLength('نص عربي')],
      ['empty.txt', 0],
    ]);
    expect((await readTarEntry(file, entries[1]!)).toString()).toBe('نص عربي');
    const chunks: Buffer[] = [];
    await readTar(file, (e) => (e.path === 'attachments/12/scan.pdf' ? { write: (c) => void chunks.push(Buffer.from(c)), end: () => undefined } : null));
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
  });

  it('never overwrites a file, and refuses entry paths that leave the folder', async () => {
    dir = makeTempDir('istiqbal-tar-');
    const file = join(dir, 'a.tar');
    writeFileSync(file, 'already here');
    await expect(TarWriter.create(file)).rejects.toThrow(/EEXIST/);
    const writer = await TarWriter.create(join(dir, 'b.tar'));
    for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a\\b', 'C:/x', 'a/\u0000b', '']) {
      await expect(writer.addBuffer(bad, Buffer.from('x'), new Date())).rejects.toThrow(TarFormatError);
    }
    await writer.abandon();
  });

  it('the last entry (a backup\'s manifest) is found from the end of the archive, without walking it', async () => {
    dir = makeTempDir('istiqbal-tar-');
    const file = join(dir, 'a.tar');
    const writer = await TarWriter.create(file);
    for (let i = 0; i < 50; i++) await writer.addBuffer(`attachments/${i}/scan.pdf`, Buffer.alloc(700 + i, i), new Date());
    await writer.addBuffer('manifest.json', Buffer.from('{"the":"manifest"}'), new Date());
    await writer.finish();
    const last = await findLastEntry(file, 1024);
    expect(last).toEqual((await listTar(file)).at(-1));
    expect((await readTarEntry(file, last!)).toString()).toBe('{"the":"manifest"}');
    // Cut short: no entry ends at the end marker any more.
    truncateSync(file, statSync(file).size - 512);
    expect(await findLastEntry(file, 1024)).toBeNull();
  });

  it('a cut-off archive is refused, not read as a shorter one', async () => {
    dir = makeTempDir('istiqbal-tar-');
    const file = join(dir, 'a.tar');
    const writer = await TarWriter.create(file);
    await writer.addBuffer('one.txt', Buffer.alloc(5000, 1), new Date());
    await writer.addBuffer('two.txt', Buffer.alloc(5000, 2), new Date());
    await writer.finish();
    const whole = readFileSync(file);
    for (const cut of [100, 512 + 3000, whole.length - 1024]) {
      writeFileSync(file, whole.subarray(0, cut));
      await expect(listTar(file)).rejects.toThrow(TarFormatError);
    }
  });
});
