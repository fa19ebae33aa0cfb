import type { BeneficiaryView } from '../../../shared/contract';
import type { IdType } from '../../../shared/domain/identity';
import type { Selectable } from 'kysely';
import type { Database } from '../store/schema';

type Row = Selectable<Database['beneficiaries']>;

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
