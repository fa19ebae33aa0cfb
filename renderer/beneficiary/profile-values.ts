import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { BeneficiaryProfile } from '@shared/contract';
import { beneficiaryProfileInput } from '@shared/contract/beneficiaries';
import { formatMobile } from '@shared/validation/mobile';

export const profileSchema = beneficiaryProfileInput;
/** The file as the form holds it: what the clerk typed, validated by the contract's own schema. */
export type ProfileValues = z.input<typeof profileSchema>;
export type ProfileForm = UseFormReturn<ProfileValues, unknown, z.output<typeof profileSchema>>;

export function toProfileValues(p: BeneficiaryProfile): ProfileValues {
  return {
    firstName: p.firstName,
    fatherName: p.fatherName,
    grandfatherName: p.grandfatherName,
    familyName: p.familyName,
    latinName: p.latinName ?? '',
    identity: { idType: p.idType, idNumber: p.idNumber },
    idExpiry: p.idExpiry,
    nationality: p.nationality ?? '',
    gender: p.gender,
    birthDate: p.birthDate,
    maritalStatus: p.maritalStatus,
    mobile: p.mobile ? formatMobile(p.mobile) : '',
    mobile2: p.mobile2 ? formatMobile(p.mobile2) : '',
    city: p.city ?? '',
    district: p.district ?? '',
    address: p.address ?? '',
    monthlyIncome: p.monthlyIncome,
    incomeSources: p.incomeSources,
    housingType: p.housingType,
    rentAmount: p.rentAmount,
    notes: p.notes ?? '',
    family: p.family.map((m) => ({ name: m.name, relation: m.relation, idNumber: m.idNumber ?? '', birthDate: m.birthDate })),
  };
}
