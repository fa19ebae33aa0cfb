import { toAsciiDigits } from '../text/digits';

export type NationalIdProblem = 'length' | 'start' | 'check';

/**
 * Saudi national ID (starts with 1) and iqama (starts with 2): 10 digits whose last is a Luhn
 * check digit (S2: the employee checks the data's validity).
 */
export function checkNationalId(raw: string, kind: 'national_id' | 'iqama' | 'any' = 'any'): NationalIdProblem | null {
  const id = toAsciiDigits(raw).replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(id)) return 'length';
  const first = id[0];
  if (kind === 'national_id' ? first !== '1' : kind === 'iqama' ? first !== '2' : first !== '1' && first !== '2') {
    return 'start';
  }
  return luhnSum(id) % 10 === 0 ? null : 'check';
}

/** The Luhn sum of a 10-digit ID: digits at even positions doubled (digit-summed), the others as they are. */
function luhnSum(id: string): number {
  let sum = 0;
  for (let i = 0; i < id.length; i++) {
    let d = Number(id[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** The ID whose first nine digits are `body`, completed with its check digit. */
export function withCheckDigit(body: string): string {
  const check = (10 - (luhnSum(body + '0') % 10)) % 10;
  return body + check;
}

export function cleanIdNumber(raw: string): string {
  return toAsciiDigits(raw).replace(/[\s-]/g, '').toUpperCase();
}

/** Looks like a national ID / iqama (used by search to try an exact lookup first). */
export function looksLikeNationalId(raw: string): boolean {
  return /^[12]\d{9}$/.test(cleanIdNumber(raw));
}
