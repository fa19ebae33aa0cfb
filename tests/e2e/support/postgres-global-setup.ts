import { startTestCluster } from '../../helpers/postgres/cluster';
import { E2E_PG_ENV } from './postgres-desks';

/**
 * The PostgreSQL server of the end-to-end run, for the specs with several desks on one database:
 * ISTIQBAL_TEST_PG when the environment names one, else an embedded cluster started here and stopped
 * by the returned teardown, whatever the specs did. The workers find its administrator URL in
 * E2E_PG_ENV (set before they start).
 */
export default async function postgresForTheRun(): Promise<() => Promise<void>> {
  const external = process.env.ISTIQBAL_TEST_PG;
  if (external) {
    process.env[E2E_PG_ENV] = external;
    return async () => undefined;
  }
  const cluster = await startTestCluster();
  process.env[E2E_PG_ENV] = cluster.url;
  return () => cluster.stop();
}
