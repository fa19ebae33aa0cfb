import { z } from 'zod';
import { emptyInput, mutation, query } from './define';
import { id, password, role, username } from './fields';
import type { UserView } from './views';
import { cleanString } from '../text/invisible';

export const userOperations = {
  'users.list': query<UserView[]>()({ input: emptyInput, access: ['admin', 'supervisor'] }),
  /** Researchers the desk can refer a visitor to (S3). */
  'users.researchers': query<UserView[]>()({ input: emptyInput, access: 'signed-in' }),
  'users.create': mutation<UserView>()({
    input: z.object({ username, fullName: cleanString().trim().min(3), role, password }),
    access: ['admin'],
    invalidates: ['users.'],
  }),
  'users.setActive': mutation<UserView>()({
    input: z.object({ userId: id, active: z.boolean() }),
    access: ['admin'],
    invalidates: ['users.'],
  }),
} as const;
