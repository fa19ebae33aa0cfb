import type { SafeStorage } from 'electron';
import type { PasswordSeal } from '../core/store/connection/password-keeper';

/**
 * A saved PostgreSQL server's password sealed by the system's keychain through Electron's safeStorage
 * (DPAPI on Windows, the Keychain on macOS, the Secret Service or KWallet on Linux). Undefined where it
 * cannot protect anything — no encryption available, or Linux without a keyring, where Chromium falls
 * back to a fixed key ("basic_text") — and the core keeps the password in the user's PostgreSQL
 * password file instead (0600, outside the data folder). Needs the app to be ready.
 */
export function passwordSealOf(
  storage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  platform: NodeJS.Platform = process.platform,
): PasswordSeal | undefined {
  if (!storage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    seal: (password) => storage.encryptString(password).toString('base64'),
    open: (sealed) => storage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
