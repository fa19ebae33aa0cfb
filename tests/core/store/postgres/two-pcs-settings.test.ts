import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_FACTS_FILE } from '../../../../electron/core/settings/desk-facts';
import { SAVED_STORE_FILE } from '../../../../electron/core/store/connection/saved-store';
import { signedInAs, type SignedIn } from '../../../helpers/sessions';
import { makeTempDir, openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * Two reception PCs on one PostgreSQL database, each with its own data folder, as a hall has
 * them. What belongs to the association (its name, the desks and their prefixes, the letterhead) is
 * shared; what belongs to a PC (where its backups go, the server it opens at start) is not, and one PC
 * saving its own never changes the other's.
 */
let pcA: TestCore;
let pcB: TestCore;
let adminA: SignedIn;
let adminB: SignedIn;
// Each PC's own backup disk (a USB stick, in life).
const usbA = join(makeTempDir('istiqbal-usb-a-'), 'istiqbal');
const usbB = join(makeTempDir('istiqbal-usb-b-'), 'نسخ المكتب ب');

beforeAll(async () => {
  pcA = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  adminA = await signedInAs(pcA, 'admin');
  pcB = await openTestCore({ sameStoreAs: pcA, now: pcA.clock });
  adminB = await signedInAs(pcB, 'admin', { deskId: 2 });
});
afterAll(async () => {
  await pcB?.cleanup();
  await pcA?.cleanup();
  for (const usb of [usbA, usbB]) rmSync(dirname(usb), { recursive: true, force: true });
});

describe('two PCs on one PostgreSQL database', () => {
  it('they are two data folders on one database: a file opened at one is found at the other', async () => {
    expect(pcA.dataDir).not.toBe(pcB.dataDir);
    expect(pcA.storeArg).toBe(pcB.storeArg);
    await adminA.ok('beneficiaries.register', {
      firstName: 'خالد',
      fatherName: 'ناصر',
      grandfatherName: 'فهد',
      familyName: 'العنزي',
      identity: { idType: 'national_id', idNumber: '1000000008' },
      mobile: '0501234567',
    });
    expect((await adminB.ok('beneficiaries.search', { text: '1000000008' })).length).toBe(1);
  });

  it('each PC\'s backup folder is its own: B saving its folder after A leaves A\'s as A saved it', async () => {
    await adminA.ok('settings.update', { backupFolder: usbA });
    await adminB.ok('settings.update', { backupFolder: usbB });
    expect((await adminA.ok('settings.get', {})).backupFolder).toBe(usbA);
    expect((await adminB.ok('settings.get', {})).backupFolder).toBe(usbB);
    expect(JSON.parse(readFileSync(join(pcA.dataDir, DESK_FACTS_FILE), 'utf8')).backupFolder).toBe(usbA);
    expect(JSON.parse(readFileSync(join(pcB.dataDir, DESK_FACTS_FILE), 'utf8')).backupFolder).toBe(usbB);
    expect(await pcA.db.selectFrom('settings').select('key').where('key', '=', 'backupFolder').execute()).toEqual([]);
  });

  it('what is the association\'s is shared: a name and a desk saved at B are what A reads, A\'s folder untouched by B\'s save', async () => {
    await adminB.ok('settings.update', { associationName: 'جمعية البر بحي النسيم', backupFolder: join(usbB, 'الثانية') });
    await adminB.ok('settings.createDesk', { name: 'مكتب الاستقبال الثالث', ticketPrefix: 'N' });
    const atA = await adminA.ok('settings.get', {});
    expect(atA.associationName).toBe('جمعية البر بحي النسيم');
    expect(atA.backupFolder).toBe(usbA);
    expect((await adminA.ok('settings.desks', {})).map((d) => d.ticketPrefix)).toContain('N');
  });

  it('the server a PC opens at start is its own: a choice saved at A is not B\'s', async () => {
    const server = new URL(pcA.storeArg);
    const view = await adminA.ok('store.saveConnection', {
      host: server.hostname,
      port: Number(server.port),
      database: decodeURIComponent(server.pathname.slice(1)),
      username: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
      tls: false,
    });
    expect(view.saved).toMatchObject({ database: decodeURIComponent(server.pathname.slice(1)) });
    expect(existsSync(join(pcA.dataDir, SAVED_STORE_FILE))).toBe(true);
    expect(existsSync(join(pcB.dataDir, SAVED_STORE_FILE))).toBe(false);
    expect((await adminB.ok('store.connection', {})).saved).toBeNull();
  });
});
