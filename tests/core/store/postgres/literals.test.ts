import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalsOf } from '../../../../electron/core/store/postgres/literals';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * The values a change sends with BEGIN or with its commit are written into the statement's text
 * (EXECUTE's arguments): whatever a receptionist typed must reach the server exactly as typed, quotes,
 * backslashes and all, whatever the server's standard_conforming_strings.
 */
const TEXTS = [
  'سالم علي الحربي',
  "O'Brien — ام 'عبدالله'",
  'C:\\scans\\ملف 1',
  "\\'",
  "''\\\\''",
  '{"note":"قال: \\"نعم\\"","path":"a\\\\b"}',
  'سطر\nسطر آخر\tوعلامة',
  '',
];

let t: TestCore;
let client: pg.Client;
beforeAll(async () => {
  t = await openTestCore();
  client = new pg.Client({ connectionString: t.storeArg });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await t.cleanup();
});

describe('values written into a statement as literals', () => {
  it("are pg's own escapeLiteral, letter for letter", () => {
    expect(literalsOf(TEXTS)).toEqual(TEXTS.map((s) => pg.escapeLiteral(s)));
    expect(literalsOf([null, undefined, 7, -1.5, true, 10n])).toEqual(['NULL', 'NULL', "'7'", "'-1.5'", "'true'", "'10'"]);
    expect(literalsOf([new Date()])).toBeNull();
    expect(literalsOf([Number.NaN])).toBeNull();
  });

  it.each(['on', 'off'])('reach the server as typed (standard_conforming_strings %s)', async (setting) => {
    await client.query(`SET standard_conforming_strings = ${setting}`);
    const literals = literalsOf(TEXTS)!;
    const { rows } = await client.query<Record<string, string>>(`SELECT ${literals.map((l, i) => `${l}::text AS v${i}`).join(', ')}`);
    expect(TEXTS.map((_, i) => rows[0]![`v${i}`])).toEqual(TEXTS);
  });
});
