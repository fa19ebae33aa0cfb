import { useRef, useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { CallError } from '../transport/call';
import { useOpMutation } from './operations';

type Options<K extends OperationName> = {
  onSuccess?: (value: OutputOf<K>) => void;
  /** Any refusal other than a question to confirm. */
  onError?: (error: CallError) => void;
};

/**
 * A mutation a key or a click may fire twice, whose refusal may be a question (code 'confirm', S1):
 * - one at a time: `run` does nothing while an earlier call is still in flight (a double F4 or double
 *   click calls one visitor), guarded by a ref because the mutation's own pending state arrives a task late;
 * - a 'confirm' refusal is kept as `asked`; `confirm()` resends the same input with the flag the core named.
 */
export function useConfirmableMutation<K extends OperationName>(operation: K, options: Options<K> = {}) {
  const inFlight = useRef(false);
  const [asked, setAsked] = useState<{ error: CallError; input: InputOf<K> } | null>(null);
  const mutation = useOpMutation(operation, {
    onSuccess: (value) => options.onSuccess?.(value),
    onError: (error, input) => {
      if (error.code === 'confirm' && error.confirm) setAsked({ error, input });
      else options.onError?.(error);
    },
    // After onSuccess, which waits for the refreshed queries: the screen already shows the result.
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const run = (input: InputOf<K>): boolean => {
    if (inFlight.current) return false;
    inFlight.current = true;
    mutation.mutate(input);
    return true;
  };
  return {
    run,
    pending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
    /** The question the core asked, while it waits for an answer. */
    asked: asked?.error ?? null,
    confirm: () => {
      if (!asked) return;
      setAsked(null);
      run({ ...asked.input, [asked.error.confirm!.flag]: true } as InputOf<K>);
    },
    dismiss: () => setAsked(null),
  };
}
