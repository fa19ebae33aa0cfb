import type { StoreServerView } from '@shared/contract';

/** A PostgreSQL server and database as the settings screen names them, with the password apart. */
export type ServerAddress = StoreServerView;

/**
 * The URL the store opens (`pg` reads it), with the password only in memory. TLS on is libpq's
 * sslmode=require — encrypted, the certificate not checked, as psql does — which `pg` gives only with
 * uselibpqcompat (its own `require` would insist on a certificate a hall's server rarely has); off is
 * a plain connection, as a server on the association's own network usually takes.
 */
export function urlOf(server: ServerAddress, password?: string | null): string {
  const url = new URL('postgres://placeholder');
  url.hostname = server.host.includes(':') && !server.host.startsWith('[') ? `[${server.host}]` : server.host;
  url.port = String(server.port);
  url.pathname = `/${encodeURIComponent(server.database)}`;
  url.username = encodeURIComponent(server.username);
  if (password) url.password = encodeURIComponent(password);
  url.search = server.tls ? 'uselibpqcompat=true&sslmode=require' : 'sslmode=disable';
  return url.toString();
}

/** What a postgres:// URL names, for showing it (never its password). */
export function addressOf(url: string): ServerAddress {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, '$1')) || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username),
    username: decodeURIComponent(u.username),
    tls: sslmode !== null && sslmode !== 'disable' && sslmode !== 'allow' && sslmode !== 'prefer',
  };
}

/** Two addresses of the same server and user (whose kept password one may borrow for the other). */
export function sameLogin(a: ServerAddress, b: ServerAddress): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.username === b.username;
}

export function sameAddress(a: ServerAddress, b: ServerAddress): boolean {
  return sameLogin(a, b) && a.database === b.database && a.tls === b.tls;
}

/** The password a URL carries, if any. */
export function passwordOf(url: string): string | null {
  const p = new URL(url).password;
  return p ? decodeURIComponent(p) : null;
}
