import { emptyInput, mutation } from './define';

export const demoOperations = {
  /**
   * Fills a store where nothing has been recorded yet (no beneficiary, visit or request) with
   * realistic demo data, for training. `npm start -- --demo` does the same on a brand-new data folder.
   */
  'demo.seed': mutation<{ users: number; beneficiaries: number; visits: number; requests: number }>()({
    input: emptyInput,
    access: ['admin'],
    invalidates: ['visits.', 'beneficiaries.', 'requests.', 'users.', 'auth.', 'settings.revision'],
  }),
} as const;
