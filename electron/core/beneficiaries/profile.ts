import type { Selectable } from 'kysely';
import type { BeneficiaryProfile, ParsedInputOf } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import type { FamilyRelation, Gender, HousingType, IncomeSource, MaritalStatus } from '@shared/domain/request';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { normalizeArabic } from '@shared/text/normalize-arabic';
import type { HandlerContext } from '../context';
import { selectRequestSummaries, toRequestSummary } from '../requests/request-summaries';
import type { Database } from '../store/schema';
import { assertFreshVersion } from '../requests/move-request';
import { selectVisits, toVisitView } from '../visits/visit-view';
import { toBeneficiaryView } from './beneficiary-view';
import { findDuplicates, refuseDuplicates } from './duplicates';

export async function loadProfile(ctx: HandlerContext, beneficiaryId: number): Promise<BeneficiaryProfile> {
  const b = await ctx.db.selectFrom('beneficiaries').selectAll().where('id', '=', beneficiaryId).executeTakeFirst();
  if (!b) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
  const family = await ctx.db.selectFrom('family_members').selectAll().where('beneficiary_id', '=', beneficiaryId).orderBy('position').execute();
  const visits = await selectVisits(ctx.db).where('v.beneficiary_id', '=', beneficiaryId).orderBy('v.id', 'desc').limit(50).execute();
  const requests = await selectRequestSummaries(ctx.db).where('r.beneficiary_id', '=', beneficiaryId).orderBy('r.id', 'desc').execute();
  const editor = b.updated_by ? await ctx.db.selectFrom('users').select('full_name').where('id', '=', b.updated_by).executeTakeFirst() : undefined;
  const day = businessDay(ctx.now, ctx.timeZone);
  return {
    ...toBeneficiaryView(b),
    latinName: b.latin_name,
    idExpiry: b.id_expiry,
    nationality: b.nationality,
    gender: b.gender as Gender | null,
    birthDate: b.birth_date,
    maritalStatus: b.marital_status as MaritalStatus | null,
    mobile2: b.mobile2,
    city: b.city,
    district: b.district,
    address: b.address,
    monthlyIncome: b.monthly_income,
    incomeSources: JSON.parse(b.income_sources) as IncomeSource[],
    housingType: b.housing_type as HousingType | null,
    rentAmount: b.rent_amount,
    notes: b.notes,
    family: family.map((f) => ({ name: f.name, relation: f.relation as FamilyRelation, idNumber: f.id_number, birthDate: f.birth_date })),
    registeredAt: b.registered_at,
    version: b.version,
    updatedAt: b.updated_at,
    updatedBy: editor?.full_name ?? null,
    visits: visits.map(toVisitView),
    requests: requests.map((r) => toRequestSummary(r, day)),
  };
}

/** Saves the whole file, guarded by its version and by the duplicate rules. */
export async function updateProfile(input: ParsedInputOf<'beneficiaries.update'>, ctx: HandlerContext): Promise<BeneficiaryProfile> {
  const before = await ctx.db.selectFrom('beneficiaries').selectAll().where('id', '=', input.beneficiaryId).executeTakeFirst();
  if (!before) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
  await assertFreshVersion(ctx, before, input.version);
  const p = input.profile;
  const fullName = [p.firstName, p.fatherName, p.grandfatherName, p.familyName].join(' ');
  const nameNorm = normalizeArabic(fullName);
  const hits = await findDuplicates(
    ctx.db,
    { idNumber: p.identity.idNumber, mobiles: [p.mobile, p.mobile2], nameNorm, birthDate: p.birthDate },
    before.id,
  );
  refuseDuplicates(hits, input.confirmDuplicates);

  const row: Partial<Selectable<Database['beneficiaries']>> = {
    first_name: p.firstName,
    father_name: p.fatherName,
    grandfather_name: p.grandfatherName,
    family_name: p.familyName,
    full_name: fullName,
    name_norm: nameNorm,
    latin_name: p.latinName,
    id_type: p.identity.idType,
    id_number: p.identity.idNumber,
    id_expiry: p.idExpiry,
    nationality: p.nationality,
    gender: p.gender,
    birth_date: p.birthDate,
    marital_status: p.maritalStatus,
    mobile: p.mobile,
    mobile2: p.mobile2,
    city: p.city,
    district: p.district,
    address: p.address,
    monthly_income: p.monthlyIncome,
    income_sources: JSON.stringify(p.incomeSources),
    housing_type: p.housingType,
    rent_amount: p.housingType === 'rented' ? p.rentAmount : null,
    notes: p.notes,
  };
  await ctx.db
    .updateTable('beneficiaries')
    .set({ ...row, version: before.version + 1, updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .execute();
  // The family as it was, in the file's own shape, so the audit trail shows who was added, removed or corrected.
  const familyBefore = (
    await ctx.db.selectFrom('family_members').select(['name', 'relation', 'id_number', 'birth_date']).where('beneficiary_id', '=', before.id).orderBy('position').execute()
  ).map((f) => ({ name: f.name, relation: f.relation, idNumber: f.id_number, birthDate: f.birth_date }));
  await ctx.db.deleteFrom('family_members').where('beneficiary_id', '=', before.id).execute();
  for (const [position, f] of p.family.entries()) {
    await ctx.db
      .insertInto('family_members')
      .values({ beneficiary_id: before.id, position, name: f.name, relation: f.relation, id_number: f.idNumber, birth_date: f.birthDate })
      .execute();
  }
  const after = await loadProfile(ctx, before.id);
  ctx.audit({ entity: 'beneficiary', entityId: before.id, before: { ...before, family: familyBefore }, after: { ...after, visits: undefined, requests: undefined } });
  return after;
}
