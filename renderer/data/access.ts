import { contract, type OperationName } from '@shared/contract';
import type { Role } from '@shared/domain/roles';

/**
 * Whether the contract lets this role call an operation: the screens offer an action only to those
 * the core will accept it from (the core checks again; this only keeps dead buttons off the screen).
 */
export function mayCall(role: Role, operation: OperationName): boolean {
  const access = contract[operation].access;
  return access === 'public' || access === 'signed-in' || access.includes(role);
}
