import { emptyInput, mutation } from './define';

export const demoOperations = {
  /** Fills a store with no visits yet with realistic demo data (first-run choice, or `npm start -- --demo`). */
  'demo.seed': mutation<{ users: number; beneficiaries: number; visits: number }>()({
    input: emptyInput,
    access: ['admin'],
    invalidates: ['visits.', 'beneficiaries.', 'users.', 'auth.', 'settings.revision'],
  }),
} as const;
