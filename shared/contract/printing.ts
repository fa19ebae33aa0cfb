import { z } from 'zod';
import { emptyInput, mutation, query } from './define';
import { ar } from '../labels/ar';
import { id } from './fields';
import { cleanString } from '../text/invisible';
import { base64File, REFERENCE_PDF_MAX_BYTES } from './uploads';

/** A generated PDF, ready to show, print or save. */
export interface PdfView {
  fileName: string;
  /** The document's title in Arabic (the print preview's window title). */
  title: string;
  pdfBase64: string;
}

export const REFERENCE_SHELF = ['T1', 'T2', 'T3', 'T4'] as const;
export type ReferenceShelfItem = (typeof REFERENCE_SHELF)[number];

export interface ReferencePdfView {
  shelf: ReferenceShelfItem;
  title: string;
  /** The shipped placeholder until an administrator replaces it with the association's own PDF. */
  isPlaceholder: boolean;
  updatedAt: string | null;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DESK = ['receptionist', 'supervisor', 'admin'] as const;

/**
 * Printed documents (T4, S4, S5): generated in the core with pdfkit and the bundled Arabic font.
 * Printing a declaration records a printing of its text version (never a new version).
 * The operations keep their `documents.` prefix although the domain is called "printing" everywhere
 * else: the names are the public HTTP API, and "document" now means a request's supporting papers
 * (docs/architecture.md#words).
 */
export const printingOperations = {
  /** The 80 mm queue ticket of a visit. */
  'documents.ticket': query<PdfView>()({ input: z.object({ visitId: id }), access: DESK }),
  /** Whether the ticket came out of the printer: a failed one shows as not printed, with a reprint action. */
  'documents.ticketPrinted': mutation<null>()({
    input: z.object({ visitId: id, printed: z.boolean(), failure: cleanString().max(300).optional() }),
    access: DESK,
    invalidates: ['visits.'],
  }),
  /** نموذج طلب دعم مستفيد: pre-filled from a request, or blank (no requestId) for filling by hand. */
  'documents.requestForm': query<PdfView>()({ input: z.object({ requestId: id.optional() }), access: 'signed-in' }),
  /** الإقرار (S4) for the request's applicant, current text version; records the printing. */
  'documents.declaration': mutation<PdfView>()({ input: z.object({ requestId: id }), access: DESK, invalidates: ['requests.'] }),
  /** إيصال استلام طلب (S5): number with QR code, submission and expected answer dates. */
  'documents.receipt': query<PdfView>()({ input: z.object({ requestId: id }), access: 'signed-in' }),
  /** P8: the acknowledgement slip of a complaint or suggestion, with its number large and its due date. */
  'documents.complaintSlip': query<PdfView>()({ input: z.object({ complaintId: id }), access: 'signed-in' }),
  /** السجل اليومي: a day's visits (one desk or all), IDs masked unless a supervisor asks for them in full. */
  'documents.dailyRegister': query<PdfView>()({
    input: z.object({ day: day.optional(), deskId: id.optional(), showFullIds: z.boolean().default(false) }),
    access: ['supervisor', 'admin'],
  }),
  /** The reference shelf (T1–T4): bylaws, social-research guide, support-policy guide, blank request form. */
  'documents.referenceShelf': query<ReferencePdfView[]>()({ input: emptyInput, access: 'signed-in' }),
  'documents.reference': query<PdfView>()({ input: z.object({ shelf: z.enum(REFERENCE_SHELF) }), access: 'signed-in' }),
  'documents.replaceReference': mutation<ReferencePdfView>()({
    input: z.object({ shelf: z.enum(REFERENCE_SHELF), pdfBase64: base64File(REFERENCE_PDF_MAX_BYTES, ar.printing.pdfTooLarge) }),
    access: ['admin'],
    invalidates: ['documents.'],
  }),
} as const;
