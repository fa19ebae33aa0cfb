import { z } from 'zod';
import { ar } from '../labels/ar';

/**
 * The largest files the contract takes, in one place: the operations' input limits and the
 * loopback shell's body limit are derived from these, so raising one cannot leave the other behind
 * (a 10 MB scan once passed the contract and was cut off by a 1 MB body limit).
 */

/** A scan attached to a request (PDF, PNG or JPEG). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The association's own PDF on the reference shelf (T1–T4). */
export const REFERENCE_PDF_MAX_BYTES = 20 * 1024 * 1024;

/** Characters of the (padded) base64 text of `bytes` bytes: files travel as base64 in JSON. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/**
 * What surrounds the largest file in one `/api/call` body: the operation's name, the other fields
 * (a file name of 200 characters is 1.2 KB even with every letter escaped), JSON punctuation.
 */
const ENVELOPE_BYTES = 64 * 1024;

/** The largest `/api/call` body the contract can accept; anything larger is refused before parsing. */
export const MAX_CALL_BODY_BYTES = Math.max(base64Length(ATTACHMENT_MAX_BYTES), base64Length(REFERENCE_PDF_MAX_BYTES)) + ENVELOPE_BYTES;

/** Whole megabytes, for messages. */
export const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** The last character before "==" carries 2 bits of data and 4 of padding, before "=" 4 and 2: padding bits are zero. */
const LAST_BEFORE_TWO_PADS = 'AQgw';
const LAST_BEFORE_ONE_PAD = 'AEIMQUYcgkosw048';
const OUTSIDE_ALPHABET = /[^A-Za-z0-9+/=]/;

/**
 * Base64 as the standard writes it and nothing looser: the plain alphabet, no spaces or line breaks,
 * a length in fours, padding only at the end and unused bits zero — so the text is the one encoding of
 * its bytes (re-encoding them gives it back). Lenient decoders accept "JVBERi0" or "JVB ERi0x" and
 * make up or drop bytes; a file must arrive exactly as it was sent. (One search for a stray character:
 * a 14 MB text is checked in milliseconds.)
 */
export function isCanonicalBase64(text: string): boolean {
  const n = text.length;
  if (n % 4 !== 0 || OUTSIDE_ALPHABET.test(text)) return false;
  const pad = text.indexOf('=');
  if (pad === -1) return true;
  if (pad === n - 2) return text[n - 1] === '=' && LAST_BEFORE_TWO_PADS.includes(text[n - 3]!);
  if (pad === n - 1) return LAST_BEFORE_ONE_PAD.includes(text[n - 2]!);
  return false;
}

/** A file of at most `maxBytes` bytes as base64 in an operation's input. */
export const base64File = (maxBytes: number, tooLarge: string) =>
  z
    .string()
    .min(1, ar.messages.fileEncoding)
    .max(base64Length(maxBytes), tooLarge)
    .refine(isCanonicalBase64, ar.messages.fileEncoding);
