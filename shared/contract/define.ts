import { z } from 'zod';
import type { DeviceKind } from '../domain/devices';
import type { Role } from '../domain/roles';
import { issueMessage } from './issue-messages';

// Every message zod gives is ours (zod's Arabic locale says "يفترض لـ string أن يكون >= 3 حرف");
// the schemas give their own where a field deserves a sentence of its own.
z.config({ customError: issueMessage });

/** Who may call an operation: anyone (before sign-in), any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  kind: 'query' | 'mutation';
  input: I;
  access: Access;
  /**
   * Device screens (a hall display, a kiosk) that may call it too. A device session may call nothing
   * else, not even a public operation: it can never sign in, nor reach what a desk's staff can.
   */
  devices?: readonly DeviceKind[];
  /** For mutations: the operations (or `domain.` prefixes) whose cached answers this makes stale. */
  invalidates?: readonly string[];
  /** Type-only: what the operation returns. */
  readonly output?: O;
}

export function query<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; devices?: readonly DeviceKind[] }): OperationDef<I, O> => ({ kind: 'query', ...def });
}

export function mutation<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; devices?: readonly DeviceKind[]; invalidates: readonly string[] }): OperationDef<I, O> => ({
    kind: 'mutation',
    ...def,
  });
}

type AnyMap = Record<string, OperationDef>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the per-domain maps into one contract, refusing a name declared twice or not of the form `area.verb`. */
export function defineContract<const M extends AnyMap[]>(...maps: M): UnionToIntersection<M[number]> {
  const all: AnyMap = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (name in all) throw new Error(`operation declared twice: ${name}`);
      if (!/^[a-z]+\.[a-zA-Z]+$/.test(name)) throw new Error(`operation name must be area.verb: ${name}`);
      all[name] = def;
    }
  }
  return all as UnionToIntersection<M[number]>;
}

export const emptyInput = z.object({}).strict();
