import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../../../electron/core/store/postgres/open-postgres-store';
import { startTestCluster, type TestCluster } from './cluster';
import { adminQuery, testDatabaseName, withDatabase } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server's administrator URL (its `postgres` database). */
    pgAdminUrl: string;
    /** A database with every migration applied: each test core gets a copy (CREATE DATABASE … TEMPLATE). */
    pgTemplate: string;
  }
}

/**
 * The core-postgres project's server, once per run: ISTIQBAL_TEST_PG when the environment names one,
 * else an embedded cluster. The returned teardown runs whatever the tests did, and stops the cluster.
 */
export default async function setup(project: TestProject) {
  const external = process.env.ISTIQBAL_TEST_PG;
  const cluster: TestCluster | null = external ? null : await startTestCluster();
  const adminUrl = external ?? cluster!.url;
  const template = testDatabaseName('istiqbal_template');
  try {
    await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
    const store = await openPostgresStore({ url: withDatabase(adminUrl, template), poolSize: 1 });
    await store.close();
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    if (cluster) await cluster.stop();
    else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  };
}
