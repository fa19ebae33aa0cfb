import { describe, expect, it } from 'vitest';
import { dayStartIso } from '@shared/dates/zone';
import { localClock, monthsOf, periodScope } from '../../../electron/core/reports/period-scope';

/** A report's period against the store's UTC instants, at the association's clock (docs/architecture.md#dates). */
describe('the period at the association\'s clock', () => {
  it('a day in Riyadh starts at 21:00 UTC the day before; the period ends at the midnight after its last day', () => {
    expect(dayStartIso('2024-03-10', 'Asia/Riyadh')).toBe('2024-03-09T21:00:00.000Z');
    const scope = periodScope('2024-03-01', '2024-03-31', new Date('2024-04-10T07:00:00Z'), 'Asia/Riyadh');
    expect(scope).toMatchObject({ startIso: '2024-02-29T21:00:00.000Z', endIso: '2024-03-31T21:00:00.000Z', asOf: '2024-03-31', asOfEndIso: '2024-03-31T21:00:00.000Z' });
  });

  it('a period not over yet counts its open requests at the end of today', () => {
    const scope = periodScope('2024-03-01', '2024-12-31', new Date('2024-04-10T22:30:00Z'), 'Asia/Riyadh');
    // 22:30 UTC on the 10th is 01:30 on the 11th in Riyadh.
    expect(scope).toMatchObject({ asOf: '2024-04-11', asOfEndIso: '2024-04-11T21:00:00.000Z' });
  });

  it('in a zone whose clocks change, each instant gets the hour and day of its own side of the change', () => {
    // Berlin moved from +1 to +2 at 01:00 UTC on 31 March 2024.
    const clock = localClock('Europe/Berlin');
    expect(clock.hourAt(Date.parse('2024-03-31T00:30:00Z'))).toBe(1);
    expect(clock.hourAt(Date.parse('2024-03-31T01:30:00Z'))).toBe(3);
    expect(clock.hourAt(Date.parse('2024-03-30T12:00:00Z'))).toBe(13);
    expect(clock.dayOf('2024-03-31T22:30:00Z')).toBe('2024-04-01');
    expect(dayStartIso('2024-03-31', 'Europe/Berlin')).toBe('2024-03-30T23:00:00.000Z');
    expect(dayStartIso('2024-04-01', 'Europe/Berlin')).toBe('2024-03-31T22:00:00.000Z');
  });

  it('a period read a month at a time covers each of its days once', () => {
    expect(monthsOf({ from: '2024-01-15', to: '2024-03-10' })).toEqual([
      ['2024-01-15', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
      ['2024-03-01', '2024-03-10'],
    ]);
    expect(monthsOf({ from: '2024-03-11', to: '2024-03-11' })).toEqual([['2024-03-11', '2024-03-11']]);
  });
});
