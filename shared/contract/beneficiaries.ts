import { z } from 'zod';
import { mutation, query } from './define';
import { id, identity, mobile, namePart } from './fields';
import type { BeneficiaryHit, BeneficiaryView } from './views';

export const beneficiaryOperations = {
  /** One box, three ways (P2): ID / iqama, mobile in any spelling, or Arabic name fragments in any order. */
  'beneficiaries.search': query<BeneficiaryHit[]>()({
    input: z.object({ text: z.string().max(120), limit: z.number().int().min(1).max(50).default(20) }),
    access: 'signed-in',
  }),
  'beneficiaries.get': query<BeneficiaryView>()({ input: z.object({ beneficiaryId: id }), access: 'signed-in' }),
  /** The minimum to open a file at the desk: four-part name, identity document, mobile. */
  'beneficiaries.register': mutation<BeneficiaryView>()({
    input: z.object({
      firstName: namePart,
      fatherName: namePart,
      grandfatherName: namePart,
      familyName: namePart,
      identity,
      mobile,
    }),
    access: ['receptionist', 'supervisor', 'admin'],
    invalidates: ['beneficiaries.'],
  }),
} as const;

