import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader } from '../../../electron/core/store/open-reader';
import type { Reader, ReaderSpec } from '../../../electron/core/store/reader';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The job worker's connection of its own (store/reader.ts), on either store: it reads what the desks
 * committed, streams a long read row by row, and cannot write — SQLite's file opened read-only,
 * PostgreSQL's transactions read-only on the server — whatever a job might try.
 */
let t: TestCore;
let reader: Reader;
let registered: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  const desk = await signedInAs(t, 'receptionist');
  registered = (await desk.ok('beneficiaries.register', beneficiaryInput(71))).id;
  const spec: ReaderSpec = t.store.kind === 'postgres' ? { engine: 'postgres', url: t.storeArg } : { engine: 'sqlite', file: t.storeFile };
  reader = openReader(spec);
});
afterAll(async () => {
  await reader.close();
  await t.cleanup();
});

describe('the job worker\'s reader', () => {
  it('reads what the desks committed, values as the store reads them', async () => {
    const row = await reader.db.selectFrom('beneficiaries').select(['id', 'id_number']).where('id', '=', registered).executeTakeFirstOrThrow();
    expect(row).toEqual({ id: registered, id_number: beneficiaryInput(71).identity.idNumber });
    const users = await reader.db.selectFrom('users').select(['username', 'active']).orderBy('id').execute();
    expect(users).toEqual(await t.db.selectFrom('users').select(['username', 'active']).orderBy('id').execute());
    expect(users.every((u) => u.active === 1)).toBe(true);
  });

  it('streams a long read row by row, the same rows as one read', async () => {
    const streamed: string[] = [];
    for await (const row of reader.db.selectFrom('audit').select('operation').orderBy('id').stream(2)) streamed.push(row.operation);
    expect(streamed.length).toBeGreaterThan(2);
    expect(streamed).toEqual((await t.db.selectFrom('audit').select('operation').orderBy('id').execute()).map((r) => r.operation));
  });

  it('cannot write: the database refuses it, and nothing is written', async () => {
    await expect(reader.db.insertInto('settings').values({ key: 'jobWrote', value: '1' }).execute()).rejects.toThrow(/read-?only/i);
    expect(await t.db.selectFrom('settings').select('key').where('key', '=', 'jobWrote').execute()).toEqual([]);
  });
});
