import { createHash } from 'node:crypto';
import { isCanonicalBase64 } from '@shared/contract/uploads';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { claimedKind, jpegSize, pngSize, type FileKind, type FileKindName, type ImageSize } from './file-kinds';
import { checkPdf, PDF_CHECK_BUDGET, type PdfCheckBudget, type PdfVerdict } from './pdf-check';

/** What an operation takes as a file, and how it says no. */
export interface UploadRule {
  /** The input field holding the base64, named in the refusal's issue. */
  field: string;
  kinds: readonly FileKindName[];
  maxBytes: number;
  tooLarge: string;
  /** Bytes that are none of `kinds`. */
  wrongKind: string;
}

export interface CheckedFile {
  bytes: Buffer;
  kind: FileKind;
  sha256: string;
}

/** More pixels than any scan of a document needs (an A4 page at 600 dpi is 35 million): a file made to exhaust a viewer. */
export const MAX_IMAGE_PIXELS = 120_000_000;

const PDF_REFUSALS: Record<Exclude<PdfVerdict, { ok: true }>['reason'], string> = {
  damaged: ar.messages.pdfDamaged,
  encrypted: ar.messages.pdfEncrypted,
  'no-pages': ar.messages.pdfNoPages,
  'too-complex': ar.messages.pdfTooComplex,
};

/**
 * A file is taken only as what it is: strict base64, within its size, one of the accepted kinds by its
 * first bytes, and then opened as that kind — a PDF in pdf.js, a PNG or JPEG by its header — so a file
 * that merely starts like one («%PDF-<html>…») is refused. Each refusal says why, in Arabic.
 */
export async function inspectUpload(base64: string, rule: UploadRule, pdfBudget: PdfCheckBudget = PDF_CHECK_BUDGET): Promise<CheckedFile> {
  const refuse = (message: string) => new AppError('validation', message, [{ path: [rule.field], message }]);
  const bytes = decodeCanonicalBase64(base64);
  if (!bytes || bytes.length === 0) throw refuse(ar.messages.fileEncoding);
  if (bytes.length > rule.maxBytes) throw refuse(rule.tooLarge);
  const kind = claimedKind(bytes);
  if (!kind || !rule.kinds.includes(kind.name)) throw refuse(rule.wrongKind);

  if (kind.name === 'pdf') {
    const verdict = await checkPdf(bytes, pdfBudget);
    if (!verdict.ok) throw refuse(PDF_REFUSALS[verdict.reason]);
  } else {
    const size: ImageSize | null = kind.name === 'png' ? pngSize(bytes) : jpegSize(bytes);
    if (!size) throw refuse(kind.name === 'png' ? ar.messages.pngDamaged : ar.messages.jpegDamaged);
    if (size.width * size.height > MAX_IMAGE_PIXELS) throw refuse(ar.messages.imageTooLarge);
  }
  return { bytes, kind, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The bytes of canonical base64 (shared/contract/uploads.ts), and re-encoded to be sure they give the
 * same text back; null for anything a lenient decoder would have guessed at.
 */
export function decodeCanonicalBase64(text: string): Buffer | null {
  if (!isCanonicalBase64(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
