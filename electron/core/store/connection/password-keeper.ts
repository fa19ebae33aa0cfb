import type { ServerAddress } from './server-address';
import { readPgpass, removePgpass, writePgpass } from './pgpass';

/**
 * Electron's safeStorage (the system's keychain: DPAPI on Windows, the Keychain on macOS, the Secret
 * Service on Linux), handed in by the desktop shell: the core never imports electron.
 */
export interface PasswordSeal {
  /** The password encrypted for this user on this PC, as base64. */
  seal(password: string): string;
  open(sealed: string): string;
}

/** How the saved choice (a file in the data folder) finds its password: never the password itself. */
export type KeptPassword = { keptIn: 'seal'; sealed: string } | { keptIn: 'password-file'; file: string } | { keptIn: 'none' };

/**
 * Keeps a PostgreSQL password out of plain text in the data folder: sealed with safeStorage in the
 * desktop shell (the sealed bytes go in the saved choice), else — the loopback shell, or a Linux
 * desktop without a keyring — in the user's PostgreSQL password file (0600, outside the data folder).
 */
export class PasswordKeeper {
  constructor(private readonly options: { seal?: PasswordSeal; passwordFile: string }) {}

  keep(server: ServerAddress, password: string | null): KeptPassword {
    if (!password) return { keptIn: 'none' };
    if (this.options.seal) return { keptIn: 'seal', sealed: this.options.seal.seal(password) };
    writePgpass(this.options.passwordFile, server, password);
    return { keptIn: 'password-file', file: this.options.passwordFile };
  }

  /** The kept password; null when there is none or it can no longer be read (another user, a new keyring). */
  recall(server: ServerAddress, kept: KeptPassword): string | null {
    try {
      if (kept.keptIn === 'seal') return this.options.seal ? this.options.seal.open(kept.sealed) : null;
      if (kept.keptIn === 'password-file') return readPgpass(kept.file, server);
    } catch {
      return null;
    }
    return null;
  }

  /** Removes what keep() wrote outside the saved choice (the password file's line). */
  forget(server: ServerAddress, kept: KeptPassword): void {
    if (kept.keptIn === 'password-file') removePgpass(kept.file, server);
  }
}
