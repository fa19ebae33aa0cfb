import { z } from 'zod';

/**
 * Characters that draw nothing but change what a string is (P2): zero-width space / non-joiner /
 * joiner, the bidi marks LRM, RLM and ALM, the embedding, override and isolate controls, the word
 * joiner and invisible operators, the BOM, the soft hyphen and the Mongolian vowel separator. Pasted
 * from a phone or a PDF they split "محمد" into two words that look like one, so three copies of one
 * person passed as three people. Nothing a receptionist types needs them: Arabic joins by itself.
 */
export const INVISIBLE_CHARACTERS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text without its invisible characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '');
}

/**
 * Every name and free-text input of the contract starts here: a string cleaned of invisible
 * characters before trim, min and max look at it (so "  \u200B " is empty, and a length counts
 * what is seen).
 */
export const cleanString = () => z.string().overwrite(stripInvisible);
