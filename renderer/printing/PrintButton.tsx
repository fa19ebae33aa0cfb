import { Button, type ButtonProps } from '@mantine/core';
import type { InputOf } from '@shared/contract';
import { usePrintPdf, type PdfOperation } from './usePrintPdf';

/** A button that prints one document; busy while it is being made, so a double click prints once. */
export function PrintButton<K extends PdfOperation>({
  operation,
  input,
  label,
  testId,
  ...button
}: { operation: K; input: InputOf<K>; label: string; testId?: string } & ButtonProps) {
  const { print, isPending } = usePrintPdf(operation);
  return (
    <Button variant="default" {...button} loading={isPending} onClick={() => !isPending && void print(input)} data-testid={testId}>
      {label}
    </Button>
  );
}
