import { z } from 'zod';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';
import type { DeskView, SettingsView } from './views';
import { cleanString } from '../text/invisible';
import { absolutePath } from './backups';
import { VISIT_REASONS } from '../domain/visit';
import { isOrdered, MAX_TARGET_MINUTES } from '../domain/wait-targets';

const minutes = z.number().int().min(1).max(MAX_TARGET_MINUTES);

/** One reason's bands (S1): the order is checked here so the API refuses what the screen would. */
const waitTarget = z
  .object({ warningMinutes: minutes, targetMinutes: minutes, criticalMinutes: minutes })
  .refine(isOrdered, { message: ar.messages.waitTargetOrder, path: ['targetMinutes'] });

export const settingsOperations = {
  'settings.get': query<SettingsView>()({ input: emptyInput, access: 'public' }),
  'settings.update': mutation<SettingsView>()({
    input: z.object({
      associationName: cleanString().trim().min(3).max(120).optional(),
      lockAfterMinutes: z.number().int().min(1).max(240).optional(),
      /** A week at most: a window left signed in longer asks for the password again from the start. */
      sessionExpiryHours: z.number().int().min(1).max(168).optional(),
      committeePeriodDays: z.number().int().min(1).max(180).optional(),
      associationBranch: cleanString().trim().max(120).nullable().optional(),
      associationLicence: cleanString().trim().max(200).nullable().optional(),
      associationAddress: cleanString().trim().max(300).nullable().optional(),
      associationPhone: cleanString().trim().max(40).nullable().optional(),
      associationWebsite: cleanString().trim().max(120).nullable().optional(),
      associationLogoBase64: z.string().max(700_000, ar.messages.logoTooLarge).nullable().optional(),
      backupFolder: absolutePath().nullable().optional(),
      /** The reasons given are replaced whole; the others keep theirs. */
      waitTargets: z.partialRecord(z.enum(VISIT_REASONS), waitTarget).optional(),
    }),
    access: ['admin'],
    invalidates: ['settings.', 'auth.'],
  }),
  'settings.desks': query<DeskView[]>()({ input: emptyInput, access: 'public' }),
  /** A new desk with its own ticket prefix (A-001, B-001 …). */
  'settings.createDesk': mutation<DeskView>()({
    input: z.object({
      name: cleanString().trim().min(1, { message: ar.messages.required, abort: true }).min(3, ar.messages.nameTooShort).max(60),
      ticketPrefix: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{1,3}$/, ar.messages.ticketPrefixFormat),
    }),
    access: ['admin'],
    invalidates: ['settings.'],
  }),
  /** A cheap change counter: the renderer polls it and refreshes what changed elsewhere (other desks). */
  /** Polled each second by every screen on SQLite, device screens too (their one way to follow the hall there). */
  'settings.revision': query<{ revision: number }>()({ input: emptyInput, access: 'signed-in', devices: ['display', 'kiosk'] }),
} as const;
