import { notifications } from '@mantine/notifications';
import { ar, fill } from '@shared/labels/ar';
import { parseRequestNumber } from '@shared/text/reference-numbers';
import { usePages } from '../app/pages';
import { call } from '../transport/call';
import { notifyError } from '../ui/notify';

/**
 * The receipt's QR code read by a barcode scanner: the scanner types the request number into a
 * search box followed by Enter, and the request opens. `open` answers false for any other text,
 * which the box then treats as its own.
 */
export function useOpenRequestByNumber() {
  const pages = usePages();
  return (text: string): boolean => {
    // "1448-00042" as the receipt prints it and its QR code holds it, or typed in any digits (P2).
    const number = parseRequestNumber(text);
    if (!number) return false;
    call('requests.list', { number, limit: 1 })
      .then(([found]) => {
        if (found) pages.open({ kind: 'request', requestId: found.id });
        else notifications.show({ message: fill(ar.printing.noRequestWithNumber, { number }), color: 'orange' });
      })
      .catch(notifyError);
    return true;
  };
}
