import { COMPLAINT_NUMBER_LETTER, parseComplaintNumber } from '@shared/text/complaint-numbers';
import { usePages } from '../app/pages';
import { mayCall } from '../data/access';
import { useOp } from '../data/operations';
import { call } from '../transport/call';

/**
 * P8: an acknowledgement number typed in the desk's search box opens its complaint, for those who
 * follow complaints up (the log is theirs). Anyone else gets what the search finds: the
 * complainant, their hit naming the complaint. `open` takes the number with its letter; `orElse`
 * is for a request number no request has (the same digits without the letter).
 */
export function useOpenComplaintByNumber() {
  const pages = usePages();
  const role = useOp('auth.session', {}).data?.user?.role;
  const follows = role !== undefined && mayCall(role, 'complaints.list');
  return {
    follows,
    open(text: string): boolean {
      const number = follows ? parseComplaintNumber(text) : null;
      if (!number) return false;
      pages.open({ kind: 'complaint', number });
      return true;
    },
    async orElse(requestNumber: string): Promise<boolean> {
      const number = `${COMPLAINT_NUMBER_LETTER}-${requestNumber}`;
      const page = await call('complaints.list', { number, limit: 1 });
      if (page.rows.length === 0) return false;
      pages.open({ kind: 'complaint', number });
      return true;
    },
  };
}
