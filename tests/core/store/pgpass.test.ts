import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPasswordFile, readPgpass, removePgpass, writePgpass } from '../../../electron/core/store/connection/pgpass';

/**
 * The loopback shell keeps a saved server's password in PostgreSQL's own password file
 * (libpq's .pgpass), outside the data folder, user-only — and must leave the user's other lines alone.
 */
let home: string;
let file: string;
const server = { host: 'db.hall.local', port: 5432, database: 'istiqbal', username: 'desk', tls: false };

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'istiqbal-home-'));
  chmodSync(home, 0o755);
  file = join(home, '.pgpass');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('the PostgreSQL password file', () => {
  it('is PGPASSFILE when set, else ~/.pgpass, or %APPDATA%\\postgresql\\pgpass.conf on Windows', () => {
    expect(defaultPasswordFile({ PGPASSFILE: '/srv/keys/pgpass' }, 'linux')).toBe('/srv/keys/pgpass');
    expect(defaultPasswordFile({}, 'linux')).toMatch(/\.pgpass$/);
    expect(defaultPasswordFile({ APPDATA: 'C:\\Users\\desk\\AppData\\Roaming' }, 'win32')).toMatch(/postgresql.pgpass\.conf$/);
  });

  it('a new file: one line, user-only (0600), the folder around it (the user\'s home) left as it was', () => {
    writePgpass(file, server, 'sirr');
    expect(readFileSync(file, 'utf8')).toBe('db.hall.local:5432:istiqbal:desk:sirr\n');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(home).mode & 0o777).toBe(0o755);
    }
    expect(readPgpass(file, server)).toBe('sirr');
  });

  it('the user\'s own lines are kept; ours goes first so an older wildcard line cannot shadow it; saving again replaces ours', () => {
    writeFileSync(file, '# my servers\n*:*:*:desk:old-wildcard\nother.host:5432:sales:bob:b0b\n', { mode: 0o600 });
    expect(readPgpass(file, server)).toBe('old-wildcard');
    writePgpass(file, server, 'first');
    writePgpass(file, server, 'second');
    expect(readFileSync(file, 'utf8')).toBe('db.hall.local:5432:istiqbal:desk:second\n# my servers\n*:*:*:desk:old-wildcard\nother.host:5432:sales:bob:b0b\n');
    expect(readPgpass(file, server)).toBe('second');
    expect(readPgpass(file, { ...server, host: 'other.host', database: 'sales', username: 'bob' })).toBe('b0b');
  });

  it('a colon or a backslash in the password is escaped as libpq reads it, and read back whole', () => {
    writePgpass(file, server, 'a:b\\c:');
    expect(readFileSync(file, 'utf8')).toBe('db.hall.local:5432:istiqbal:desk:a\\:b\\\\c\\:\n');
    expect(readPgpass(file, server)).toBe('a:b\\c:');
  });

  it('forgetting removes our line only', () => {
    writeFileSync(file, 'other.host:5432:sales:bob:b0b\n', { mode: 0o600 });
    writePgpass(file, server, 'sirr');
    removePgpass(file, server);
    expect(readFileSync(file, 'utf8')).toBe('other.host:5432:sales:bob:b0b\n');
    expect(readPgpass(file, server)).toBeNull();
  });
});
