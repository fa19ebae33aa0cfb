import { z } from 'zod';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';
import { id, password, staffFullName, username } from './fields';
import type { SessionView } from './views';

export const authOperations = {
  /** Whether the store needs its first administrator, and who is signed in on this window. */
  'auth.session': query<SessionView>()({ input: emptyInput, access: 'public', whileLocked: true }),
  /** First run: creates the administrator (only while there is no user at all). */
  'auth.setup': mutation<SessionView>()({
    input: z.object({ username, fullName: staffFullName, password, deskId: id }),
    access: 'public',
    invalidates: ['auth.'],
  }),
  /** After an administrator's reset the session is signed in, but may only change its password. */
  'auth.signIn': mutation<SessionView>()({
    input: z.object({ username, password: z.string().min(1, ar.messages.required), deskId: id }),
    access: 'public',
    invalidates: ['auth.'],
  }),
  'auth.signOut': mutation<SessionView>()({ input: emptyInput, access: 'public', invalidates: ['auth.'], whileLocked: true }),
  /** Locks the window now (the screen stays as it is underneath). */
  'auth.lock': mutation<SessionView>()({ input: emptyInput, access: 'signed-in', invalidates: ['auth.'], beforeNewPassword: true }),
  /** The renderer reports that the user is typing or clicking, so the session does not lock under them. */
  'auth.touch': query<null>()({ input: emptyInput, access: 'signed-in', beforeNewPassword: true }),
  'auth.unlock': mutation<SessionView>()({
    input: z.object({ password: z.string().min(1, ar.messages.required) }),
    access: 'signed-in',
    invalidates: ['auth.'],
    whileLocked: true,
    beforeNewPassword: true,
  }),
  /**
   * Anyone's own password, proven by the current one (after a reset: the temporary one). Other
   * sessions of the same account are signed out; this one stays signed in.
   */
  'auth.changePassword': mutation<SessionView>()({
    input: z.object({ currentPassword: z.string().min(1, ar.messages.required), newPassword: password }),
    access: 'signed-in',
    invalidates: ['auth.', 'users.'],
    beforeNewPassword: true,
  }),
} as const;
