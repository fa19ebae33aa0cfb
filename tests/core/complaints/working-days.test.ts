import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '@shared/dates/working-days';
import { parseComplaintNumber } from '@shared/text/complaint-numbers';

// 2025-03-06 is a Thursday, 03-07 Friday, 03-08 Saturday, 03-09 Sunday.
describe('P8: the due date counts Saudi working days (Sunday to Thursday)', () => {
  it('Friday and Saturday are the weekend', () => {
    expect(['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'].map(isWorkingDay)).toEqual([true, false, false, true]);
  });

  it('five working days from a Sunday end on the next Sunday', () => {
    // Sunday + 5 working days: Mon, Tue, Wed, Thu, (Fri, Sat skipped) Sun.
    expect(addWorkingDays('2025-03-09', 5)).toBe('2025-03-16');
  });

  it('from a Thursday the weekend is skipped: five working days end the next Thursday', () => {
    expect(addWorkingDays('2025-03-06', 5)).toBe('2025-03-13');
    expect(addWorkingDays('2025-03-06', 1)).toBe('2025-03-09');
  });

  it('a complaint received on a Friday or a Saturday counts from Sunday', () => {
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-09');
    expect(addWorkingDays('2025-03-08', 5)).toBe('2025-03-13');
  });

  it('across a month and a year end', () => {
    expect(addWorkingDays('2024-12-26', 5)).toBe('2025-01-02');
  });

  it('zero days is the day itself', () => {
    expect(addWorkingDays('2025-03-07', 0)).toBe('2025-03-07');
  });
});

describe('P8: an acknowledgement number is found however it is typed or read out', () => {
  it.each([
    ['ش-1446-00012', 'ش-1446-00012'],
    ['ش ١٤٤٦-١٢', 'ش-1446-00012'],
    ['ش-1446—12', 'ش-1446-00012'],
    ['ش1446-7', 'ش-1446-00007'],
  ])('%s is %s', (typed, stored) => expect(parseComplaintNumber(typed)).toBe(stored));

  it('a request number or a mobile is no acknowledgement number', () => {
    expect(parseComplaintNumber('1446-00012')).toBeNull();
    expect(parseComplaintNumber('0501-234567')).toBeNull();
    expect(parseComplaintNumber('ش-1446-0')).toBeNull();
  });
});
