import { describe, expect, it } from 'vitest';
import { nationalIdFor } from '../../electron/core/demo/arabic-names';
import { checkNationalId, cleanIdNumber, looksLikeNationalId, withCheckDigit } from '@shared/validation/national-id';

const toArabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('Saudi national ID / iqama check digit (S2: identity data validated at the desk)', () => {
  it('accepts hand-checked valid numbers', () => {
    // 1010101010: doubled odd positions 1,1,1,1,1 → 2×5 = 10, others 0 → 10 ≡ 0 (mod 10).
    expect(checkNationalId('1010101010')).toBeNull();
    // 2000000006: 2 doubled → 4, plus the check digit 6 → 10.
    expect(checkNationalId('2000000006')).toBeNull();
    expect(checkNationalId('2000000006', 'iqama')).toBeNull();
    // 1234567897: positions 1,3,5,7,9 doubled → 2+6+(10→1)+(14→5)+(18→9) = 23; 2+4+6+8 = 20; 43 + 7 = 50.
    expect(checkNationalId('1234567897')).toBeNull();
    expect(withCheckDigit('123456789')).toBe('1234567897');
    expect(withCheckDigit('200000000')).toBe('2000000006');
  });

  it('accepts generated national IDs and iqamas across many serials', () => {
    for (let serial = 0; serial < 500; serial += 7) {
      expect(checkNationalId(nationalIdFor(serial, 1), 'national_id'), nationalIdFor(serial, 1)).toBeNull();
      expect(checkNationalId(nationalIdFor(serial, 2), 'iqama'), nationalIdFor(serial, 2)).toBeNull();
    }
  });

  it('refuses every wrong check digit', () => {
    for (const valid of ['1010101010', '2000000006', nationalIdFor(1234567), nationalIdFor(98765, 2)]) {
      const body = valid.slice(0, 9);
      for (let d = 0; d <= 9; d++) {
        const candidate = body + d;
        if (candidate === valid) continue;
        expect(checkNationalId(candidate), candidate).toBe('check');
      }
    }
  });

  it('refuses a mistyped digit in the middle (a typical slip at the desk)', () => {
    const valid = nationalIdFor(4242);
    const slipped = valid.slice(0, 4) + ((Number(valid[4]) + 1) % 10) + valid.slice(5);
    expect(checkNationalId(slipped)).toBe('check');
  });

  it('refuses wrong lengths and non-digits', () => {
    expect(checkNationalId('101010101')).toBe('length');
    expect(checkNationalId('10101010100')).toBe('length');
    expect(checkNationalId('')).toBe('length');
    expect(checkNationalId('10101O1010')).toBe('length');
  });

  it('refuses a number starting with 3 (neither citizen nor resident)', () => {
    // 3000000004 has a correct Luhn sum (6 + 4) but no Saudi ID starts with 3.
    expect(checkNationalId('3000000004')).toBe('start');
    expect(checkNationalId('0000000000')).toBe('start');
  });

  it('refuses an iqama typed as a national ID and the other way round', () => {
    expect(checkNationalId('2000000006', 'national_id')).toBe('start');
    expect(checkNationalId('1010101010', 'iqama')).toBe('start');
  });

  it('reads Arabic-Indic digits, spaces and dashes', () => {
    expect(checkNationalId('١٠١٠١٠١٠١٠')).toBeNull();
    expect(checkNationalId(toArabicIndic(nationalIdFor(777)))).toBeNull();
    expect(checkNationalId('١٠١٠١٠١٠١١')).toBe('check');
    expect(checkNationalId('1010 101 010')).toBeNull();
    expect(checkNationalId('1010-101-010')).toBeNull();
    expect(cleanIdNumber(' ١٠١٠-١٠١٠١٠ ')).toBe('1010101010');
    expect(looksLikeNationalId('٢٠٠٠٠٠٠٠٠٦')).toBe(true);
    expect(looksLikeNationalId('0501234567')).toBe(false);
  });
});
