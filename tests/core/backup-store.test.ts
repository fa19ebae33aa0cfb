import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupStore } from '../../electron/core/backup/backup-store';
import { createCore, type Core } from '../../electron/core/core';
import { TEST_PASSWORD_COST } from '../helpers/test-core';

describe('backup of the store while a desk works', () => {
  let core: Core | undefined;
  let dir: string;
  afterEach(async () => {
    await core?.close();
    core = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every confirmed check-in into a file that passes integrity_check', async () => {
    dir = mkdtempSync(join(tmpdir(), 'istq-backup-'));
    core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir: join(dir, 'data') });
    const desk = core;
    const session = desk.createSession();
    const call = async (op: string, input: unknown) => {
      const r = await desk.dispatch(op, input, session);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    await call('auth.setup', { username: 'admin', fullName: 'مدير النظام', password: 'secret-123', deskId: 1 });
    for (let i = 0; i < 5; i++) await call('visits.checkIn', { visitorName: `زائر رقم ${i}`, reason: 'inquiry' });

    // The desk stays open (WAL not checkpointed) while the copy is taken.
    const file = await backupStore(join(dir, 'data'), join(dir, 'copy.sqlite3'));
    const copy = new BetterSqlite3(file, { readonly: true });
    const tickets = copy.prepare('SELECT ticket FROM visits ORDER BY id').all() as { ticket: string }[];
    copy.close();
    expect(tickets.map((t) => t.ticket)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005']);
  });

  it('refuses a folder with no store, in words that say so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'istq-backup-'));
    await expect(backupStore(join(dir, 'nothing-here'))).rejects.toThrow(/no store/);
  });
});
