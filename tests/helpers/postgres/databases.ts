import pg from 'pg';

/** The name of the database a postgres:// URL points at. */
export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The same server and user, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** A database name the tests made: letters, digits and underscores only, so it is quoted as is. */
export function testDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  await adminRows(adminUrl, statement);
}

/** The first column of each row a statement returns, run as the server's administrator. */
export async function adminRows(adminUrl: string, statement: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query({ text: statement, rowMode: 'array' });
    return result.rows.map((r: unknown[]) => String(r[0]));
  } finally {
    await client.end();
  }
}
