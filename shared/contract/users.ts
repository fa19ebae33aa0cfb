import { z } from 'zod';
import { emptyInput, mutation, query } from './define';
import { id, password, role, staffFullName, username } from './fields';
import type { StaffView, UserView } from './views';

export const userOperations = {
  'users.list': query<StaffView[]>()({ input: emptyInput, access: ['admin', 'supervisor'] }),
  /** Researchers the desk can refer a visitor to (S3). */
  'users.researchers': query<UserView[]>()({ input: emptyInput, access: 'signed-in' }),
  'users.create': mutation<UserView>()({
    input: z.object({ username, fullName: staffFullName, role, password }),
    access: ['admin'],
    invalidates: ['users.'],
  }),
  /** Refused for the last active administrator (the store would be left without anyone to manage it). */
  'users.setActive': mutation<UserView>()({
    input: z.object({ userId: id, active: z.boolean() }),
    access: ['admin'],
    invalidates: ['users.'],
  }),
  /** The name and role of an account; demoting the last active administrator is refused. */
  'users.update': mutation<UserView>()({
    input: z.object({ userId: id, fullName: staffFullName, role }),
    access: ['admin'],
    invalidates: ['users.', 'auth.'],
  }),
  /**
   * A temporary password the administrator hands over: the account's open sessions end, and its next
   * sign-in may only choose a new password (auth.changePassword).
   */
  'users.resetPassword': mutation<UserView>()({
    input: z.object({ userId: id, temporaryPassword: password }),
    access: ['admin'],
    invalidates: ['users.'],
  }),
  /**
   * Lifts the lock that repeated wrong passwords put on an account's sign-in (and the waits before it):
   * the next try is checked at once.
   */
  'users.unlockSignIn': mutation<StaffView>()({
    input: z.object({ userId: id }),
    access: ['admin'],
    invalidates: ['users.'],
  }),
} as const;
