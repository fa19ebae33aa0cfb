import type { BeneficiaryView } from '@shared/contract';
import type { IdType } from '@shared/domain/identity';
import type { Selectable } from 'kysely';
import type { Database } from '../store/schema';

/** The columns a BeneficiaryView is made of: a list of hits reads these, not the whole file. */
export const BENEFICIARY_VIEW_COLUMNS = [
  'id',
  'full_name',
  'first_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'id_type',
  'id_number',
  'mobile',
  'file_number',
] as const;

type Row = Pick<Selectable<Database['beneficiaries']>, (typeof BENEFICIARY_VIEW_COLUMNS)[number]>;

export function toBeneficiaryView(r: Row): BeneficiaryView {
  return {
    id: r.id,
    fullName: r.full_name,
    firstName: r.first_name,
    fatherName: r.father_name,
    grandfatherName: r.grandfather_name,
    familyName: r.family_name,
    idType: r.id_type as IdType,
    idNumber: r.id_number,
    mobile: r.mobile,
    fileNumber: r.file_number,
  };
}
