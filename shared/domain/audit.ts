/** What an audit row records: a change, a read of personal data in full, or a call the core refused. */
export const AUDIT_KINDS = ['change', 'read', 'refused'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Why the core refused a call for its session or role: the session's user was signed out behind it
 * (account stopped, password changed or reset), the session is locked, the role may not call the
 * operation, or a temporary password has still to be changed; or a sign-in or unlock refused for its
 * credentials (a wrong password, a try too early, a locked or stopped account — the row says which).
 */
export const REFUSAL_REASONS = ['unauthenticated', 'locked', 'forbidden', 'password_must_change', 'credentials'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
