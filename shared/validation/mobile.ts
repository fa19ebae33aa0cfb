import { toAsciiDigits } from '../text/digits';

/**
 * A Saudi mobile in any common spelling — 05XXXXXXXX, 5XXXXXXXX, +9665XXXXXXXX, 009665XXXXXXXX,
 * 9665XXXXXXXX, with spaces, dashes or Arabic-Indic digits — as +9665XXXXXXXX; null if it is not one.
 */
export function normalizeMobile(raw: string): string | null {
  const s = toAsciiDigits(raw).replace(/[\s\-().\u200e\u200f]/g, '');
  const m = /^(?:\+966|00966|966|0)?(5\d{8})$/.exec(s);
  return m ? `+966${m[1]}` : null;
}

/** +9665XXXXXXXX shown the way people write it: 05X XXX XXXX. */
export function formatMobile(e164: string): string {
  const m = /^\+966(5\d)(\d{3})(\d{4})$/.exec(e164);
  return m ? `0${m[1]} ${m[2]} ${m[3]}` : e164;
}
