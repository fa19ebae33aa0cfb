import { Alert, List } from '@mantine/core';
import type { CallError } from '../transport/call';

/** An error from the core, in Arabic, with each field problem listed. */
export function ErrorAlert({ error }: { error: CallError | Error | null | undefined }) {
  if (!error) return null;
  const issues = 'issues' in error && error.issues && error.issues.length > 1 ? error.issues : [];
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      {error.message}
      {issues.length > 0 && (
        <List size="sm" mt={4}>
          {issues.map((i, n) => (
            <List.Item key={n}>{i.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The message for one form field, from a validation error's issues. */
export function fieldError(error: CallError | null | undefined, ...path: (string | number)[]): string | undefined {
  const issue = error?.issues?.find((i) => i.path.join('.') === path.join('.'));
  return issue?.message;
}
