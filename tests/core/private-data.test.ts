import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/core';
import { beneficiaryInput } from '../helpers/fixtures';
import { loadCatalogue, requestIn } from '../helpers/requests';
import { SAMPLE_PNG, samplePdf } from '../helpers/sample-files';
import { signedInAs } from '../helpers/sessions';
import { makeTempDir, openTestCore, type TestCore } from '../helpers/test-core';

/**
 * Personal data at rest (docs/architecture.md#security): the data folder and everything the desk writes in it are the
 * user's only — folders 0700, files 0600 — so no other account on the machine reads a national ID.
 * A folder an older version left 0755 / 0644 is made so at start. The umask is opened wide in this
 * file, so a mode can only come from the desk setting it, never from a careful umask.
 */
let previousUmask: number;
let root: string;
beforeAll(() => {
  previousUmask = process.umask(0o000);
  root = makeTempDir('istiqbal-private-');
});
afterAll(() => {
  process.umask(previousUmask);
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => lstatSync(path).mode & 0o777;
const octal = (m: number) => `0${m.toString(8)}`;

/** Every folder and file under `dir` (not following links) with its mode, as `path 0700`. */
function modes(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((p) => join(dir, p))
    .filter((p) => !lstatSync(p).isSymbolicLink())
    .map((p) => `${p.slice(dir.length)} ${octal(mode(p))}`)
    .sort();
}

/** What the tree should read: folders 0700, files 0600. */
function userOnly(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((p) => join(dir, p))
    .filter((p) => !lstatSync(p).isSymbolicLink())
    .map((p) => `${p.slice(dir.length)} ${statSync(p).isDirectory() ? '0700' : '0600'}`)
    .sort();
}

/** A scan attached and a reference PDF replaced, through the core as a desk and the administrator would. */
let people = 0;
async function writeScanAndReference(core: TestCore, scan: Buffer, referencePages: number): Promise<void> {
  const desk = await signedInAs(core, 'receptionist');
  const admin = await signedInAs(core, 'admin');
  const catalogue = await loadCatalogue(desk);
  const person = await desk.ok('beneficiaries.register', beneficiaryInput(8_100 + ++people));
  const request = await requestIn('incomplete', { desk, committee: admin }, { beneficiaryId: person.id, serviceTypeId: catalogue.services.food_basket!.id });
  await desk.ok('requests.attach', { requestId: request.id, purpose: 'document', fileName: 'هوية.png', dataBase64: scan.toString('base64') });
  await admin.ok('documents.replaceReference', { shelf: 'T2', pdfBase64: (await samplePdf(referencePages)).toString('base64') });
}

describe('a new data folder', () => {
  let core: TestCore;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(root, 'fresh', 'Istiqbal');
    core = await openTestCore({ dataDir, now: '2025-03-10T06:00:00Z' });
  });
  afterAll(() => core.cleanup());

  it('is made user-only (0700), with the store and its -wal and -shm files 0600', async () => {
    await signedInAs(core, 'admin'); // a write: the -wal file holds it
    expect(octal(mode(dataDir))).toBe('0700');
    for (const file of [STORE_FILE_NAME, `${STORE_FILE_NAME}-wal`, `${STORE_FILE_NAME}-shm`]) {
      expect(existsSync(join(dataDir, file)), file).toBe(true);
      expect(octal(mode(join(dataDir, file))), file).toBe('0600');
    }
  });

  it('a scan attached and a reference PDF replaced later are 0600, in folders 0700', async () => {
    await writeScanAndReference(core, SAMPLE_PNG, 1);
    const tree = modes(dataDir);
    expect(tree.some((line) => /^\/attachments\/\d+\/[0-9a-f]{64}\.png 0600$/.test(line)), tree.join('\n')).toBe(true);
    expect(tree.some((line) => /^\/reference\/T2-[0-9a-f]{16}\.pdf 0600$/.test(line)), tree.join('\n')).toBe(true);
    expect(tree).toEqual(userOnly(dataDir));
    expect(tree.some((line) => line.endsWith('.part 0600')), 'no temporary file left').toBe(false);
  });
});

describe('a data folder an older version left readable by everyone', () => {
  let dataDir: string;
  let outside: string;
  beforeAll(async () => {
    dataDir = join(root, 'older', 'Istiqbal');
    outside = join(root, 'outside.txt');
    const before = await openTestCore({ dataDir, now: '2025-03-10T06:00:00Z' });
    await writeScanAndReference(before, SAMPLE_PNG, 1);
    await before.cleanup();
    // As it was: 0755 folders, 0644 files, a backup and a printed register beside the store.
    mkdirSync(join(dataDir, 'backups'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'backups', 'istiqbal-2025-03-01.sqlite3'), 'a backup', { mode: 0o644 });
    mkdirSync(join(dataDir, 'printed'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'printed', 'register-2025-03-01.pdf'), '%PDF-', { mode: 0o644 });
    loosen(dataDir);
    // A link someone put in the folder: the walk must not change what it points at.
    writeFileSync(outside, 'not ours', { mode: 0o644 });
    symlinkSync(outside, join(dataDir, 'link-to-outside'));
  });

  function loosen(dir: string) {
    chmodSync(dir, 0o755);
    for (const p of readdirSync(dir, { recursive: true }) as string[]) {
      const full = join(dir, p);
      chmodSync(full, statSync(full).isDirectory() ? 0o755 : 0o644);
    }
  }

  it('is made 0700 / 0600 throughout when a shell starts on it, links left alone', async () => {
    expect(octal(mode(join(dataDir, STORE_FILE_NAME)))).toBe('0644');
    const core = await openTestCore({ dataDir, now: '2025-03-11T06:00:00Z' });
    try {
      expect(octal(mode(dataDir))).toBe('0700');
      const tree = modes(dataDir);
      expect(tree).toContain('/backups 0700');
      expect(tree).toContain('/backups/istiqbal-2025-03-01.sqlite3 0600');
      expect(tree).toContain('/printed/register-2025-03-01.pdf 0600');
      expect(tree).toContain(`/${STORE_FILE_NAME} 0600`);
      expect(tree).toEqual(userOnly(dataDir));
      expect(octal(mode(outside)), 'the file outside, behind the link').toBe('0644');

      // And what is written after the start: another scan, a reference PDF replaced again.
      await writeScanAndReference(core, Buffer.concat([SAMPLE_PNG, Buffer.from('a second scan')]), 2);
      expect(modes(dataDir)).toEqual(userOnly(dataDir));
      expect(modes(dataDir).filter((l) => l.startsWith('/reference/T2-')).length).toBe(2);
    } finally {
      await core.cleanup();
    }
  });
});
