import { notifications } from '@mantine/notifications';
import { ar, fill } from '@shared/labels/ar';
import { parseRequestNumber } from '@shared/text/reference-numbers';
import { usePages } from '../app/pages';
import { call } from '../transport/call';
import { notifyError } from '../ui/notify';

/**
 * The receipt's QR code read by a barcode scanner: the scanner types the request number into a
 * search box followed by Enter, and the request opens. `open` answers false for any other text,
 * which the box then treats as its own. `orElse` is asked when no request has the number (the same
 * digits may be a complaint's acknowledgement number read out without its letter); it answers
 * whether it opened something.
 */
export function useOpenRequestByNumber(orElse?: (number: string) => Promise<boolean>) {
  const pages = usePages();
  return (text: string): boolean => {
    // "1448-00042" as the receipt prints it and its QR code holds it, or typed in any digits (P2).
    const number = parseRequestNumber(text);
    if (!number) return false;
    call('requests.list', { number, limit: 1 })
      .then(async ([found]) => {
        if (found) return pages.open({ kind: 'request', requestId: found.id });
        if (orElse && (await orElse(number))) return;
        notifications.show({ message: fill(orElse ? ar.complaints.noRequestOrComplaint : ar.printing.noRequestWithNumber, { number }), color: 'orange' });
      })
      .catch(notifyError);
    return true;
  };
}
