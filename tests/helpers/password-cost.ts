import type { PasswordCost } from '../../electron/core/auth/passwords';

/**
 * scrypt at N=2^10 instead of the production 2^17 (0.4 s a hash): the suite creates and signs in
 * hundreds of accounts. tests/core/auth/password-hashing.test.ts opens cores at the production cost
 * and proves it is the default and that a hash made at a lower one is replaced at the next sign-in.
 * Its own module, without vitest: the child processes of tests/helpers/processes/ import it too.
 */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };
