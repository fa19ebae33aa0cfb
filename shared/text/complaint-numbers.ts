import { toAsciiDigits } from './digits';
import { stripInvisible } from './invisible';
import { parseRequestNumber } from './reference-numbers';

/** The letter every acknowledgement number starts with («ش» of شكوى): never taken for a request number. */
export const COMPLAINT_NUMBER_LETTER = 'ش';

const DASH = '[-\u2010-\u2015\u2212\uFE63\uFF0D\u0640]';
const COMPLAINT_NUMBER = new RegExp(`^${COMPLAINT_NUMBER_LETTER}\\s*${DASH}?\\s*(1[3-5]\\d\\d)\\s*${DASH}\\s*(\\d{1,7})$`);

/** «ش-1448-00012»: the Hijri year of the day it was received and its sequence in that year. */
export function complaintNumber(hijriYear: number, sequence: number): string {
  return `${COMPLAINT_NUMBER_LETTER}-${hijriYear}-${String(sequence).padStart(5, '0')}`;
}

/**
 * An acknowledgement number as stored, from however it was typed or read out: Arabic-Indic digits,
 * another dash, spaces, no leading zeros («ش ١٤٤٨-١٢»). Null when the text is not one.
 */
export function parseComplaintNumber(text: string): string | null {
  const m = COMPLAINT_NUMBER.exec(toAsciiDigits(stripInvisible(text)).trim());
  if (!m) return null;
  const seq = Number(m[2]);
  return seq > 0 ? complaintNumber(Number(m[1]), seq) : null;
}

/**
 * An acknowledgement number typed without its letter («١٤٤٨-١٢», as a complainant reads it out over
 * the phone) is also the shape of a request number: where the text can only be a complaint's (its
 * register's number filter) or is looked up as both (the desk's search box), this reads either form.
 */
export function parseComplaintNumberLoosely(text: string): string | null {
  const withLetter = parseComplaintNumber(text);
  if (withLetter) return withLetter;
  const asRequest = parseRequestNumber(text);
  return asRequest ? `${COMPLAINT_NUMBER_LETTER}-${asRequest}` : null;
}
