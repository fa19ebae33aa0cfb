import { describe, expect, it } from 'vitest';
import { formatMobile, normalizeMobile } from '@shared/validation/mobile';

const E164 = '+966501234567';

describe('Saudi mobile normalisation (P2: any common spelling finds the same person)', () => {
  it.each([
    ['0501234567', 'local with leading 0'],
    ['501234567', 'without the 0'],
    ['+966501234567', 'international'],
    ['00966501234567', 'international with 00'],
    ['966501234567', 'country code without +'],
    ['050 123 4567', 'spaces'],
    ['050-123-4567', 'dashes'],
    ['+966 50 123 4567', 'international with spaces'],
    ['(050) 123-4567', 'brackets'],
    ['٠٥٠١٢٣٤٥٦٧', 'Arabic-Indic digits'],
    ['+٩٦٦٥٠١٢٣٤٥٦٧', 'Arabic-Indic international'],
    ['۰۵۰۱۲۳۴۵۶۷', 'Persian digits'],
    ['\u200f0501234567\u200e', 'with direction marks pasted from an RTL field'],
  ])('%s (%s) → +966501234567', (raw) => {
    expect(normalizeMobile(raw)).toBe(E164);
  });

  it.each([
    ['0112345678', 'Riyadh landline'],
    ['0126543210', 'Jeddah landline'],
    ['+201001234567', 'Egyptian mobile'],
    ['+971501234567', 'UAE mobile'],
    ['00971501234567', 'UAE mobile with 00'],
    ['05012345', 'too short'],
    ['050123456', 'one digit short'],
    ['05012345678', 'one digit too many'],
    ['0401234567', 'not a 5x mobile'],
    ['', 'empty'],
    ['abc', 'letters'],
    ['+9660501234567', 'country code and trunk 0 together'],
  ])('%s (%s) → null', (raw) => {
    expect(normalizeMobile(raw)).toBeNull();
  });

  it('shows a stored number the way people write it', () => {
    expect(formatMobile(E164)).toBe('050 123 4567');
    expect(formatMobile(normalizeMobile('٠٥٥٩٨٧٦٥٤٣')!)).toBe('055 987 6543');
  });
});
