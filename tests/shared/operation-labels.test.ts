import { expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { isArabicText } from '../helpers/fixtures';

/** The audit screen names every operation in Arabic: one label per operation of the contract, none for one it does not have. */
it('one Arabic label per operation of the contract, and no label for an operation that does not exist', () => {
  expect(Object.keys(ar.operations).sort()).toEqual(Object.keys(contract).sort());
  for (const [name, label] of Object.entries(ar.operations)) {
    expect(/[A-Za-z]/.test(label), `${name}: ${label}`).toBe(false);
    expect(isArabicText(label) || /^[\u0600-\u06FF ]+$/.test(label), `${name}: ${label}`).toBe(true);
  }
  expect(new Set(Object.values(ar.operations)).size, 'two operations share a label').toBe(Object.keys(ar.operations).length);
});
