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
