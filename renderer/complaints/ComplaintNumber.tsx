import { Text, type TextProps } from '@mantine/core';

/**
 * An acknowledgement number as it is read: «ش» first (on the right), then the year and the sequence
 * in their own left-to-right order (an isolate: the page's bidi would otherwise show them swapped).
 * Never broken across two lines.
 */
export function ComplaintNumber({ number, ...text }: { number: string } & TextProps) {
  const dash = number.indexOf('-');
  return (
    <Text span dir="rtl" className="tabular" style={{ unicodeBidi: 'isolate', whiteSpace: 'nowrap' }} data-complaint-number={number} {...text}>
      {number.slice(0, dash + 1)}
      <bdi dir="ltr">{number.slice(dash + 1)}</bdi>
    </Text>
  );
}
