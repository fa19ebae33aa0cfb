export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'locked',
  'forbidden',
  'not_found',
  'conflict',
  'duplicate',
  'confirm',
  'busy',
  /** The store's server cannot be reached (restart, cable out): the call did not complete. */
  'unavailable',
  'unknown_operation',
  'internal',
  'network',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

/** An existing file that looks like the person being saved (the receptionist decides). */
export interface DuplicateHint {
  beneficiaryId: number;
  fullName: string;
  fileNumber: string | null;
  reason: 'id' | 'mobile' | 'name_birth';
}

/**
 * With code 'confirm': the core refused because the receptionist may not mean it (calling while
 * serving someone, a second ticket the same day). Sending the same input with `flag: true` goes ahead.
 */
export interface ConfirmHint {
  flag: string;
  /** The visit the refusal is about (the one being served, the ticket already issued today). */
  visitId: number;
  ticket: string;
  state: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** Arabic, ready to show. */
  message: string;
  issues?: ErrorIssue[];
  /** With code 'duplicate': the files that look like this one. */
  duplicates?: DuplicateHint[];
  /** With code 'confirm': how to go ahead anyway. */
  confirm?: ConfirmHint;
  /** A sign-in or unlock refused for now (repeated wrong passwords): the seconds until the next try is checked. */
  retryAfterSeconds?: number;
}

/** What every call returns, over IPC and over HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** The one error class. Handlers throw it; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly duplicates?: DuplicateHint[],
    readonly confirm?: ConfirmHint,
  ) {
    super(message);
    this.name = 'AppError';
  }
  retryAfterSeconds?: number;
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.duplicates ? { duplicates: this.duplicates } : {}),
      ...(this.confirm ? { confirm: this.confirm } : {}),
      ...(this.retryAfterSeconds ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}
