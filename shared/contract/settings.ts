import { z } from 'zod';
import { emptyInput, mutation, query } from './define';
import type { DeskView, SettingsView } from './views';

export const settingsOperations = {
  'settings.get': query<SettingsView>()({ input: emptyInput, access: 'public' }),
  'settings.update': mutation<SettingsView>()({
    input: z.object({
      associationName: z.string().trim().min(3).max(120).optional(),
      lockAfterMinutes: z.number().int().min(1).max(240).optional(),
    }),
    access: ['admin'],
    invalidates: ['settings.', 'auth.'],
  }),
  'settings.desks': query<DeskView[]>()({ input: emptyInput, access: 'public' }),
  /** A cheap change counter: the renderer polls it and refreshes what changed elsewhere (other desks). */
  'settings.revision': query<{ revision: number }>()({ input: emptyInput, access: 'signed-in' }),
} as const;
