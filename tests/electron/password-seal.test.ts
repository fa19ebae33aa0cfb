import { describe, expect, it } from 'vitest';
import { passwordSealOf } from '../../electron/main/password-seal';

/**
 * The desktop shell seals a saved server's password with Electron's safeStorage, and hands the
 * core the pair; where safeStorage protects nothing the core gets none (and uses the password file).
 * The storage here stands in for Electron's: a reversible scrambling, so what is sealed is visibly not the password.
 */
const storage = (available: boolean, backend?: string) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
  decryptString: (bytes: Buffer) => [...bytes.toString().replace(/^sealed:/, '')].reverse().join(''),
  getSelectedStorageBackend: () => backend as never,
});

describe('the desktop shell\'s password seal', () => {
  it('seals to base64 that does not hold the password, and opens it again', () => {
    const seal = passwordSealOf(storage(true, 'gnome_libsecret'), 'linux')!;
    const sealed = seal.seal('kalimat-sirr');
    expect(sealed).not.toContain('kalimat-sirr');
    expect(Buffer.from(sealed, 'base64').toString()).not.toContain('kalimat-sirr');
    expect(seal.open(sealed)).toBe('kalimat-sirr');
    expect(passwordSealOf(storage(true), 'win32')).toBeDefined();
  });

  it('none where the system has no encryption, or on Linux without a keyring (Chromium\'s fixed-key «basic_text»)', () => {
    expect(passwordSealOf(storage(false), 'win32')).toBeUndefined();
    expect(passwordSealOf(storage(true, 'basic_text'), 'linux')).toBeUndefined();
  });
});
