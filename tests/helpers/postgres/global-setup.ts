import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../../../electron/core/store/postgres/open-postgres-store';
import { startTestCluster, type TestCluster } from './cluster';
import { adminQuery, adminRows, testDatabaseName, withDatabase } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server's administrator URL (its `postgres` database). */
    pgAdminUrl: string;
    /** A database with every migration applied: each test core gets a copy (CREATE DATABASE … TEMPLATE). */
    pgTemplate: string;
    /** The names of this run's test databases start with it (the teardown drops what is left of them). */
    pgDatabasePrefix: string;
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
  const prefix = `istiqbal_t${Date.now().toString(36)}`;
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
  project.provide('pgDatabasePrefix', prefix);
  return async () => {
    if (cluster) return cluster.stop();
    // On the environment's server: this run's databases go (a test file's spare copy, those of a test that failed).
    const left = await adminRows(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%' OR datname = '${template}'`);
    for (const name of left) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
