import { z } from 'zod';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';
import { id } from './fields';
import type { DeclarationView, DocumentTypeView, ServiceTypeView } from './views';
import { cleanString } from '../text/invisible';

const name = cleanString().trim().min(1, { message: ar.messages.required, abort: true }).min(3, ar.messages.nameTooShort).max(120);

/** Service types and the documents each requires (S2); the declaration's versioned text (S4). */
export const catalogueOperations = {
  'catalogue.services': query<ServiceTypeView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: 'signed-in' }),
  'catalogue.documentTypes': query<DocumentTypeView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: 'signed-in' }),
  'catalogue.saveService': mutation<ServiceTypeView>()({
    input: z.object({ serviceTypeId: id.optional(), name, active: z.boolean().default(true), requiredDocumentTypeIds: z.array(id).max(40) }),
    access: ['admin'],
    invalidates: ['catalogue.', 'requests.'],
  }),
  'catalogue.saveDocumentType': mutation<DocumentTypeView>()({
    input: z.object({ documentTypeId: id.optional(), name, hasExpiry: z.boolean(), active: z.boolean().default(true) }),
    access: ['admin'],
    invalidates: ['catalogue.', 'requests.'],
  }),
  'catalogue.declaration': query<DeclarationView>()({ input: emptyInput, access: 'signed-in' }),
  /** A new text is a new version; signatures keep the version they were made on. */
  'catalogue.publishDeclaration': mutation<DeclarationView>()({
    input: z.object({ text: cleanString().trim().min(20, ar.messages.declarationTooShort).max(5000) }),
    access: ['admin'],
    invalidates: ['catalogue.'],
  }),
} as const;
