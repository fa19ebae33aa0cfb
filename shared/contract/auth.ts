import { z } from 'zod';
import { emptyInput, mutation, query } from './define';
import { id, password, username } from './fields';
import type { SessionView } from './views';
import { cleanString } from '../text/invisible';

export const authOperations = {
  /** Whether the store needs its first administrator, and who is signed in on this window. */
  'auth.session': query<SessionView>()({ input: emptyInput, access: 'public' }),
  /** First run: creates the administrator (only while there is no user at all). */
  'auth.setup': mutation<SessionView>()({
    input: z.object({ username, fullName: cleanString().trim().min(3), password, deskId: id }),
    access: 'public',
    invalidates: ['auth.'],
  }),
  'auth.signIn': mutation<SessionView>()({
    input: z.object({ username, password: z.string().min(1), deskId: id }),
    access: 'public',
    invalidates: ['auth.'],
  }),
  'auth.signOut': mutation<SessionView>()({ input: emptyInput, access: 'public', invalidates: ['auth.'] }),
  /** Locks the window now (the screen stays as it is underneath). */
  'auth.lock': mutation<SessionView>()({ input: emptyInput, access: 'signed-in', invalidates: ['auth.'] }),
  /** The renderer reports that the user is typing or clicking, so the session does not lock under them. */
  'auth.touch': query<null>()({ input: emptyInput, access: 'signed-in' }),
  'auth.unlock': mutation<SessionView>()({
    input: z.object({ password: z.string().min(1) }),
    access: 'signed-in',
    invalidates: ['auth.'],
  }),
} as const;
