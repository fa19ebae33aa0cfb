import { Alert, List } from '@mantine/core';
import { describeIssue } from '@shared/contract/field-names';
import { ar } from '@shared/labels/ar';
import type { CallError } from '../transport/call';

/**
 * An error from the core, in Arabic, with each field problem listed by its field's name. `fields`
 * are the paths the form already shows beside their inputs: those are not repeated here, and an
 * error whose every problem sits beside its field shows no alert at all.
 */
export function ErrorAlert({ error, fields = [] }: { error: CallError | Error | null | undefined; fields?: readonly string[] }) {
  if (!error) return null;
  const all = ('issues' in error && error.issues) || [];
  const beside = (path: (string | number)[]) => {
    const key = path.join('.');
    return fields.some((f) => key === f || key.startsWith(`${f}.`));
  };
  const rest = all.filter((i) => !beside(i.path));
  if (all.length > 0 && rest.length === 0) return null;
  const someBeside = rest.length < all.length;
  const listed = someBeside || rest.length > 1 ? rest : [];
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert">
      {someBeside ? ar.errors.validation : error.message}
      {listed.length > 0 && (
        <List size="sm" mt={4}>
          {listed.map((i, n) => (
            <List.Item key={n}>{describeIssue(i)}</List.Item>
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
