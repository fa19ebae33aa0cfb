import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ServerAddress } from './server-address';

/**
 * PostgreSQL's own password file (libpq's `.pgpass`): the loopback shell keeps the server's password
 * here, outside the data folder, readable by this user only (0600) — the file psql and pg_dump read
 * too. PGPASSFILE names another; else ~/.pgpass, or %APPDATA%\postgresql\pgpass.conf on Windows.
 */
export function defaultPasswordFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PGPASSFILE) return env.PGPASSFILE;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'postgresql', 'pgpass.conf');
  return join(homedir(), '.pgpass');
}

type Entry = [host: string, port: string, database: string, username: string, password: string];

/** One line's fields: `:` separates them, `\:` and `\\` are a colon and a backslash inside one. */
function parseLine(line: string): Entry | null {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return null;
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) field += line[++i];
    else if (c === ':' && fields.length < 4) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.length === 5 ? (fields as Entry) : null;
}

const escape = (value: string) => value.replace(/[\\:]/g, '\\$&');

function keyOf(server: ServerAddress): string[] {
  return [server.host, String(server.port), server.database, server.username];
}

/** The password the file gives this server, database and user, as libpq reads it: the first line that matches (`*` matches anything). */
export function readPgpass(file: string, server: ServerAddress): string | null {
  if (!existsSync(file)) return null;
  const key = keyOf(server);
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const entry = parseLine(line);
    if (entry && key.every((k, i) => entry[i] === '*' || entry[i] === k)) return entry[4];
  }
  return null;
}

/**
 * Puts this server's line first (libpq takes the first match, so an older wildcard line cannot shadow
 * it), replacing a line for the same server, database and user; every other line is kept as it was.
 * Written under a temporary name and renamed, user-only; the folder's own mode is left alone (it is
 * the user's home, not the data folder).
 */
export function writePgpass(file: string, server: ServerAddress, password: string): void {
  const key = keyOf(server);
  const kept = otherLines(file, key);
  replaceFile(file, [[...key, password].map(escape).join(':'), ...kept]);
}

/** Removes this server's line (the one writePgpass wrote), if it is there. */
export function removePgpass(file: string, server: ServerAddress): void {
  if (!existsSync(file)) return;
  const key = keyOf(server);
  const kept = otherLines(file, key);
  replaceFile(file, kept);
}

function otherLines(file: string, key: string[]): string[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.filter((line) => {
    const entry = parseLine(line);
    return !entry || !key.every((k, i) => entry[i] === k);
  });
}

function replaceFile(file: string, lines: string[]): void {
  if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.part`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600, flag: 'wx' });
  if (process.platform !== 'win32') chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
