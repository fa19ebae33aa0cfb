export const ROLES = ['receptionist', 'researcher', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work the walk-in queue at a desk. */
export const DESK_ROLES: readonly Role[] = ['receptionist', 'supervisor', 'admin'];
export const STAFF_ROLES: readonly Role[] = ROLES;
