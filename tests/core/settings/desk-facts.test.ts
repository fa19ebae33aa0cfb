import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_FACTS_FILE } from '../../../electron/core/settings/desk-facts';
import { signedInAs } from '../../helpers/sessions';
import { makeTempDir, openTestCore, TEST_STORE, type TestCore } from '../../helpers/test-core';

/**
 * A setting that is a fact of one PC (where its backups go) is kept in that PC's data folder,
 * never in the store, on either store — on PostgreSQL the settings table is every desk's.
 */
const cores: TestCore[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0).reverse()) await c.cleanup();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** A backup disk of this PC's own, outside its data folder (a USB stick, in life). */
function usbStick(): string {
  const dir = makeTempDir('istiqbal-usb-');
  folders.push(dir);
  return join(dir, 'istiqbal');
}

async function settingsRows(t: TestCore) {
  return t.db.selectFrom('settings').select(['key', 'value']).where('key', '=', 'backupFolder').execute();
}

describe('per-PC settings', () => {
  it('the backup folder an administrator chooses is written to the data folder (user-only), read back by settings.get, audited, and never a row of the store', async () => {
    const t = await openTestCore();
    cores.push(t);
    const admin = await signedInAs(t, 'admin');
    const folder = usbStick();
    const after = await admin.ok('settings.update', { backupFolder: folder, associationName: 'جمعية البر بالقاعة' });
    expect(after).toMatchObject({ backupFolder: folder, associationName: 'جمعية البر بالقاعة' });
    expect((await admin.ok('settings.get', {})).backupFolder).toBe(folder);

    const file = join(t.dataDir, DESK_FACTS_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ backupFolder: folder });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await settingsRows(t)).toEqual([]);
    // The shared setting went to the store as before.
    expect(await t.db.selectFrom('settings').select('value').where('key', '=', 'associationName').executeTakeFirst()).toEqual({ value: JSON.stringify('جمعية البر بالقاعة') });

    const audit = await t.db.selectFrom('audit').selectAll().where('operation', '=', 'settings.update').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!).backupFolder).toBeNull();
    expect(JSON.parse(audit.after!).backupFolder).toBe(folder);
  });

  it('a refused update leaves the data folder\'s file as it was', async () => {
    const t = await openTestCore();
    cores.push(t);
    const admin = await signedInAs(t, 'admin');
    const env = await admin.call('settings.update', { backupFolder: usbStick(), lockAfterMinutes: 0 });
    expect(!env.ok && env.error.code).toBe('validation');
    expect(existsSync(join(t.dataDir, DESK_FACTS_FILE))).toBe(false);
    expect((await admin.ok('settings.get', {})).backupFolder).toBeNull();
  });

  it(
    TEST_STORE === 'sqlite'
      ? 'an earlier version kept the backup folder as a row of the SQLite store: at the next start it becomes the data folder\'s, and the row goes'
      : 'a backup folder row in a PostgreSQL store (brought from one desk\'s SQLite store) is no PC\'s fact: never read, left alone',
    async () => {
      const first = await openTestCore();
      cores.push(first);
      await signedInAs(first, 'admin');
      await first.store.write((trx) => trx.insertInto('settings').values({ key: 'backupFolder', value: JSON.stringify('/media/old-usb') }).execute());
      // The desk starts again on the same data folder (another process of the same PC).
      const next = await openTestCore({ dataDir: first.dataDir });
      cores.push(next);
      const admin = await signedInAs(next, 'admin');
      if (TEST_STORE === 'sqlite') {
        expect((await admin.ok('settings.get', {})).backupFolder).toBe('/media/old-usb');
        expect(JSON.parse(readFileSync(join(next.dataDir, DESK_FACTS_FILE), 'utf8'))).toEqual({ backupFolder: '/media/old-usb' });
        expect(await settingsRows(next)).toEqual([]);
      } else {
        expect((await admin.ok('settings.get', {})).backupFolder).toBeNull();
        expect(existsSync(join(next.dataDir, DESK_FACTS_FILE))).toBe(false);
        expect(await settingsRows(next)).toHaveLength(1);
      }
    },
  );
});
