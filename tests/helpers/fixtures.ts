import { randomUUID } from 'node:crypto';
import type { InputOf } from '@shared/contract';
import { mobileFor, nationalIdFor } from '../../electron/core/demo/arabic-names';

export { nationalIdFor, mobileFor };

/** The minimum the desk types to open a file (four-part name, national ID with a valid check digit, mobile). */
export function beneficiaryInput(
  serial: number,
  name: [string, string, string, string] = ['محمد', 'عبدالله', 'سعد', 'القحطاني'],
  overrides: Partial<InputOf<'beneficiaries.register'>> = {},
): InputOf<'beneficiaries.register'> {
  const [firstName, fatherName, grandfatherName, familyName] = name;
  return {
    firstName,
    fatherName,
    grandfatherName,
    familyName,
    identity: { idType: 'national_id', idNumber: nationalIdFor(serial) },
    mobile: mobileFor(serial),
    ...overrides,
  };
}

/** A visitor without a file, for a pure inquiry (S1). */
export function walkInInput(name = 'سالم علي الحربي', overrides: Partial<InputOf<'visits.checkIn'>> = {}): InputOf<'visits.checkIn'> {
  return { visitorName: name, visitorMobile: '0551234567', reason: 'inquiry', ...overrides };
}

export const newClientKey = (): string => randomUUID();

/** Written in Arabic (at least a few Arabic words): every message a user reads must be. */
export function isArabicText(s: string | undefined): boolean {
  return !!s && (s.match(/[\u0621-\u064A]{2,}/g) ?? []).length >= 2;
}
