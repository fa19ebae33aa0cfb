import { z } from 'zod';
import { FAMILY_RELATIONS, GENDERS, HOUSING_TYPES, INCOME_SOURCES, MARITAL_STATUSES } from '../domain/request';
import { ar } from '../labels/ar';
import { mutation, query } from './define';
import { amount, id, identity, mobile, namePart, optionalBirthDate, optionalIsoDate, optionalMobile, optionalText, version } from './fields';
import type { BeneficiaryProfile, BeneficiarySearchHit, BeneficiaryView } from './views';
import { cleanString } from '../text/invisible';

const fourPartName = { firstName: namePart, fatherName: namePart, grandfatherName: namePart, familyName: namePart };

export const familyMember = z.object({
  name: cleanString().trim().min(1, { message: ar.messages.required, abort: true }).min(2, ar.messages.nameTooShort).max(120),
  relation: z.enum(FAMILY_RELATIONS),
  idNumber: optionalText(20),
  birthDate: optionalBirthDate,
});

/** The whole file (the desk's minimum plus everything the research needs). */
export const beneficiaryProfileInput = z
  .object({
    ...fourPartName,
    latinName: optionalText(120),
    identity,
    idExpiry: optionalIsoDate,
    nationality: optionalText(40),
    gender: z.enum(GENDERS).nullable().optional().transform((v) => v ?? null),
    birthDate: optionalBirthDate,
    maritalStatus: z.enum(MARITAL_STATUSES).nullable().optional().transform((v) => v ?? null),
    mobile,
    mobile2: optionalMobile,
    city: optionalText(60),
    district: optionalText(60),
    address: optionalText(300),
    monthlyIncome: amount.nullable().optional().transform((v) => v ?? null),
    incomeSources: z.array(z.enum(INCOME_SOURCES)).max(INCOME_SOURCES.length).default([]),
    housingType: z.enum(HOUSING_TYPES).nullable().optional().transform((v) => v ?? null),
    rentAmount: amount.nullable().optional().transform((v) => v ?? null),
    notes: optionalText(2000),
    family: z.array(familyMember).max(30).default([]),
  });

/** The desk's minimum is the file's own fields, so enrolment and the file apply the same rules. */
const deskMinimum = beneficiaryProfileInput.pick({
  firstName: true,
  fatherName: true,
  grandfatherName: true,
  familyName: true,
  identity: true,
  mobile: true,
  birthDate: true,
});

export const beneficiaryOperations = {
  /** One box, three ways (P2): ID / iqama, mobile in any spelling, or Arabic name fragments in any order. */
  'beneficiaries.search': query<BeneficiarySearchHit[]>()({
    input: z.object({ text: cleanString().max(120), limit: z.number().int().min(1).max(50).default(20) }),
    access: 'signed-in',
  }),
  'beneficiaries.get': query<BeneficiaryView>()({ input: z.object({ beneficiaryId: id }), access: 'signed-in' }),
  /** The file with family, visits, requests and their states. */
  'beneficiaries.profile': query<BeneficiaryProfile>()({ input: z.object({ beneficiaryId: id }), access: 'signed-in' }),
  /**
   * The minimum to open a file at the desk (enrolment): four-part name, identity document, mobile. A mobile or a
   * name + birth date that another file already has is answered 'duplicate' with links, unless confirmed.
   * Named `register` before the words were settled (docs/architecture.md#words); kept as the HTTP API.
   */
  'beneficiaries.register': mutation<BeneficiaryView>()({
    input: deskMinimum.extend({ confirmDuplicates: z.boolean().default(false) }),
    access: ['receptionist', 'supervisor', 'admin'],
    invalidates: ['beneficiaries.'],
  }),
  /** Saves the whole file; refused when someone else saved it since `version` was read. */
  'beneficiaries.update': mutation<BeneficiaryProfile>()({
    input: z.object({
      beneficiaryId: id,
      version,
      profile: beneficiaryProfileInput,
      confirmDuplicates: z.boolean().default(false),
    }),
    access: ['receptionist', 'researcher', 'supervisor', 'admin'],
    invalidates: ['beneficiaries.', 'requests.', 'visits.'],
  }),
} as const;

