import type { OperationName } from '@shared/contract';
import { REFERENCE_PDF_MAX_BYTES } from '@shared/contract/uploads';
import { ATTACHMENT_MAX_BYTES } from '@shared/contract/requests';
import { ar } from '@shared/labels/ar';
import { inspectUpload, type CheckedFile, type UploadRule } from './inspect-upload';

/** The operations that take a file, and what each takes. */
const UPLOADS: Partial<Record<OperationName, UploadRule>> = {
  'requests.attach': {
    field: 'dataBase64',
    kinds: ['pdf', 'png', 'jpeg'],
    maxBytes: ATTACHMENT_MAX_BYTES,
    tooLarge: ar.messages.attachmentTooLarge,
    wrongKind: ar.messages.attachmentType,
  },
  'documents.replaceReference': {
    field: 'pdfBase64',
    kinds: ['pdf'],
    maxBytes: REFERENCE_PDF_MAX_BYTES,
    tooLarge: ar.printing.pdfTooLarge,
    wrongKind: ar.messages.referenceNotPdf,
  },
};

const checked = new WeakMap<object, CheckedFile>();

/** Whether the operation takes a file (checked before its transaction: checkUploadIn). */
export function takesUpload(operation: string): boolean {
  return UPLOADS[operation as OperationName] !== undefined;
}

/**
 * Run by the dispatcher on a validated input before the operation's transaction: opening a PDF takes
 * up to seconds, and the write lock (BEGIN IMMEDIATE) must not be held meanwhile — every other desk's
 * write would wait for it. A refusal ends the call there, with nothing written.
 */
export async function checkUploadIn(operation: string, input: unknown): Promise<void> {
  const rule = UPLOADS[operation as OperationName];
  if (!rule || typeof input !== 'object' || input === null) return;
  checked.set(input, await inspectUpload(String((input as Record<string, unknown>)[rule.field]), rule));
}

/** The file the dispatcher checked in this input, for the operation's handler. */
export function checkedUpload(input: object): CheckedFile {
  const file = checked.get(input);
  if (!file) throw new Error('an upload reached its handler without being checked');
  return file;
}
