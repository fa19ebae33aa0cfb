import { toAsciiDigits } from './digits';
import { stripInvisible } from './invisible';

// Hyphen, dashes, minus signs and the Arabic tatweel people type between the parts.
const DASH = '[-\u2010-\u2015\u2212\uFE63\uFF0D\u0640]';

const REQUEST_NUMBER = new RegExp(`^(1[3-5]\\d\\d)\\s*${DASH}\\s*(\\d{1,7})$`);
const FILE_NUMBER = new RegExp(`^[Ffف]\\s*${DASH}?\\s*(\\d{1,9})$`);

/**
 * A request number as it is stored ("1448-00042": the Hijri year, a dash, five digits at least),
 * from however it was typed or scanned: Arabic-Indic or Persian digits, another dash, spaces, the
 * sequence without its leading zeros ("١٤٤٨-٤٢"). Null when the text is not one: the year must be a
 * Hijri year (1300–1599), so a mobile written "0501-234567" is never taken for a request.
 */
export function parseRequestNumber(text: string): string | null {
  const m = REQUEST_NUMBER.exec(toAsciiDigits(stripInvisible(text)).trim());
  if (!m) return null;
  const seq = Number(m[2]);
  return seq > 0 ? `${m[1]}-${String(seq).padStart(5, '0')}` : null;
}

/** A file number as it is stored ("F-1001", S6) from "F-1001", "f1001", «ف-١٠٠١»; null when the text is not one. */
export function parseFileNumber(text: string): string | null {
  const m = FILE_NUMBER.exec(toAsciiDigits(stripInvisible(text)).trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? `F-${n}` : null;
}
