import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { contract, type InputOf, type OperationName, type OutputOf } from '@shared/contract';
import { call, type CallError } from '../transport/call';

/**
 * react-query driven by the contract: the query key is the operation name and its input, and which
 * cached answers a mutation makes stale is declared once, in the contract (`invalidates`).
 */
export const opKey = <K extends OperationName>(operation: K, input?: InputOf<K>) => [operation, input ?? {}] as const;

export function useOp<K extends OperationName>(
  operation: K,
  input: InputOf<K>,
  options: Omit<UseQueryOptions<OutputOf<K>, CallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<K>, CallError>({
    queryKey: opKey(operation, input),
    queryFn: () => call(operation, input),
    ...options,
  });
}

/** Asks for an operation's answer now, into the cache; a screen mounting meanwhile waits for the same answer. */
export function prefetchOp<K extends OperationName>(client: QueryClient, operation: K, input: InputOf<K>): Promise<void> {
  return client.prefetchQuery({ queryKey: opKey(operation, input), queryFn: () => call(operation, input), staleTime: 0 });
}

export function invalidateFor(client: QueryClient, operation: OperationName): Promise<void> {
  const stale = contract[operation].invalidates ?? [];
  return client.invalidateQueries({
    predicate: (q) => {
      const name = String(q.queryKey[0]);
      return stale.some((s) => (s.endsWith('.') ? name.startsWith(s) : name === s));
    },
  });
}

export function useOpMutation<K extends OperationName>(
  operation: K,
  options: Omit<UseMutationOptions<OutputOf<K>, CallError, InputOf<K>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<OutputOf<K>, CallError, InputOf<K>>({
    mutationFn: (input) => call(operation, input),
    ...options,
    onSuccess: async (...args) => {
      await invalidateFor(client, operation);
      await options.onSuccess?.(...args);
    },
  });
}
