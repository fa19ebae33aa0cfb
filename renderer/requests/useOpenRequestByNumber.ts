import { notifications } from '@mantine/notifications';
import { ar, fill } from '../../shared/labels/ar';
import { toAsciiDigits } from '../../shared/text/digits';
import { usePages } from '../app/pages';
import { call } from '../transport/call';
import { notifyError } from '../ui/notify';

/** "1448-00042": the Hijri year and a sequence, as the receipt prints it and its QR code holds it. */
const REQUEST_NUMBER = /^\d{4}-\d{5,}$/;

/**
 * The receipt's QR code read by a barcode scanner: the scanner types the request number into a
 * search box followed by Enter, and the request opens. `open` answers false for any other text,
 * which the box then treats as its own.
 */
export function useOpenRequestByNumber() {
  const pages = usePages();
  return (text: string): boolean => {
    const number = toAsciiDigits(text.trim());
    if (!REQUEST_NUMBER.test(number)) return false;
    call('requests.list', { number, limit: 1 })
      .then(([found]) => {
        if (found) pages.open({ kind: 'request', requestId: found.id });
        else notifications.show({ message: fill(ar.printing.noRequestWithNumber, { number }), color: 'orange' });
      })
      .catch(notifyError);
    return true;
  };
}
