import type { beneficiaryOperations } from '@shared/contract/beneficiaries';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { normalizeArabic } from '@shared/text/normalize-arabic';
import type { HandlersOf } from '../handler-kinds';
import { toBeneficiaryView } from './beneficiary-view';
import { findDuplicates, refuseDuplicates } from './duplicates';
import { loadProfile, updateProfile } from './profile';
import { searchBeneficiaries } from './search';
import { withTodayVisits } from '../visits/today-visit';

export const beneficiaryHandlers: HandlersOf<typeof beneficiaryOperations> = {
  'beneficiaries.search': async (input, ctx) => withTodayVisits(await searchBeneficiaries(input.text, input.limit, ctx), ctx),

  'beneficiaries.get': async (input, ctx) => {
    const row = await ctx.db.selectFrom('beneficiaries').selectAll().where('id', '=', input.beneficiaryId).executeTakeFirst();
    if (!row) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
    return toBeneficiaryView(row);
  },

  // The whole file (identity, family, income, housing): a read an auditor must be able to find.
  'beneficiaries.profile': async (input, ctx) => {
    const profile = await loadProfile(ctx, input.beneficiaryId);
    ctx.audit({ entity: 'beneficiary', entityId: profile.id });
    return profile;
  },

  'beneficiaries.update': updateProfile,

  'beneficiaries.register': async (input, ctx) => {
    const { idType, idNumber } = input.identity;
    const fullName = [input.firstName, input.fatherName, input.grandfatherName, input.familyName].join(' ');
    const hits = await findDuplicates(ctx.db, { idNumber, mobiles: [input.mobile], nameNorm: normalizeArabic(fullName), birthDate: input.birthDate }, null);
    refuseDuplicates(hits, input.confirmDuplicates);
    const now = ctx.now.toISOString();
    const row = await ctx.db
      .insertInto('beneficiaries')
      .values({
        first_name: input.firstName,
        father_name: input.fatherName,
        grandfather_name: input.grandfatherName,
        family_name: input.familyName,
        full_name: fullName,
        name_norm: normalizeArabic(fullName),
        id_type: idType,
        id_number: idNumber,
        mobile: input.mobile,
        birth_date: input.birthDate,
        file_number: null,
        created_at: now,
        updated_at: now,
        created_by: ctx.user!.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toBeneficiaryView(row);
    ctx.audit({ entity: 'beneficiary', entityId: row.id, after: view });
    return view;
  },
};
