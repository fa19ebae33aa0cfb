import { Text, type TextProps } from '@mantine/core';

/**
 * An acknowledgement number as it is read: «ش» first (on the right), then the year and the sequence.
 * Kept right to left and isolated, never broken across two lines.
 */
export function ComplaintNumber({ number, ...text }: { number: string } & TextProps) {
  return (
    <Text span dir="rtl" className="tabular" style={{ unicodeBidi: 'isolate', whiteSpace: 'nowrap' }} data-complaint-number={number} {...text}>
      {number}
    </Text>
  );
}
