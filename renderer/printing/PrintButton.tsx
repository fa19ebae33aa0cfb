import { Button, type ButtonProps } from '@mantine/core';
import type { InputOf } from '@shared/contract';
import { usePrintDocument, type PdfOperation } from './usePrintDocument';

/** A button that prints one document; busy while it is being made, so a double click prints once. */
export function PrintButton<K extends PdfOperation>({
  operation,
  input,
  label,
  testId,
  ...button
}: { operation: K; input: InputOf<K>; label: string; testId?: string } & ButtonProps) {
  const { print, isPending } = usePrintDocument(operation);
  return (
    <Button variant="default" {...button} loading={isPending} onClick={() => !isPending && void print(input)} data-testid={testId}>
      {label}
    </Button>
  );
}
