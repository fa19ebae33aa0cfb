import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { toAsciiDigits } from '@shared/text/digits';
import type { RuntimeFlags } from '../context';

const LIST = join('resources', 'passwords', 'common-passwords.txt');

function moduleDir(): string {
  // __dirname in the CommonJS main-process bundle; import.meta.url under vitest and tsx.
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/** resources/passwords/common-passwords.txt, found by walking up from this module (sources or out/main). */
function defaultListFile(): string {
  let dir = moduleDir();
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, LIST);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error(`${LIST} not found above ${moduleDir()}`);
}

/** Read once per process: about 12,000 lines. */
const lists = new Map<string, Set<string>>();
function commonPasswords(file: string): Set<string> {
  let list = lists.get(file);
  if (!list) {
    list = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
    lists.set(file, list);
  }
  return list;
}

/** How a password is compared with the list and the username: case and digit script do not make it another password. */
function comparable(password: string): string {
  return toAsciiDigits(password.normalize('NFC')).trim().toLowerCase();
}

/**
 * The rules a new password obeys beyond its length (the contract's `password` field checks that):
 * it is not, nor contains, the account's username, and it is not one of the commonest passwords.
 * Refuses with the rule's Arabic message on `field`.
 */
export function checkNewPassword(password: string, username: string, field: string, runtime: Pick<RuntimeFlags, 'commonPasswordsFile'>): void {
  const plain = comparable(password);
  const message = plain.includes(username.toLowerCase())
    ? ar.messages.passwordHasUsername
    : commonPasswords(runtime.commonPasswordsFile ?? defaultListFile()).has(plain)
      ? ar.messages.passwordCommon
      : null;
  if (message) throw new AppError('validation', message, [{ path: [field], message }]);
}
