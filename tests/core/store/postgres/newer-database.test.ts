import { expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { openPostgresStore } from '../../../../electron/core/store/postgres/open-postgres-store';
import { startFailure } from '../../../../electron/core/store/postgres/probe-server';
import { adminRows } from '../../../helpers/postgres/databases';
import { isArabicText } from '../../../helpers/fixtures';
import { emptyTestDatabase } from '../../../helpers/test-core';

/**
 * A hall updated desk by desk: a desk of the older version, started on a database a newer version has
 * already brought up to date, must say so in Arabic and touch nothing, not fail with the migrator's English.
 */
it('a desk not yet updated refuses a database a newer version brought up to date: said in Arabic at its start, nothing touched', async () => {
  const url = await emptyTestDatabase();
  await (await openPostgresStore({ url })).close();
  await adminRows(url, `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-of-a-newer-version', '2030-01-01T00:00:00.000Z')`);
  const applied = await adminRows(url, 'SELECT count(*) FROM kysely_migration');

  const refused = await openPostgresStore({ url }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(AppError);
  expect(refused).toMatchObject({ code: 'conflict', message: ar.storeConnection.foundNewer });
  const said = startFailure(refused, url);
  expect(said).toContain(ar.storeConnection.foundNewer);
  expect(isArabicText(said.replace(/[\x21-\x7e]+/g, ''))).toBe(true);
  expect(await adminRows(url, 'SELECT count(*) FROM kysely_migration')).toEqual(applied);
});
