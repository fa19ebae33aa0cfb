import { AppError } from '../../../shared/errors';
import { ar, fill } from '../../../shared/labels/ar';
import { normalizeArabic } from '../../../shared/text/normalize-arabic';
import type { HandlerMap } from '../handlers';
import { toBeneficiaryView } from './beneficiary-view';
import { searchBeneficiaries } from './search';

export const beneficiaryHandlers: HandlerMap<'beneficiaries.search' | 'beneficiaries.get' | 'beneficiaries.register'> = {
  'beneficiaries.search': async (input, ctx) => searchBeneficiaries(input.text, input.limit, ctx),

  'beneficiaries.get': async (input, ctx) => {
    const row = await ctx.db.selectFrom('beneficiaries').selectAll().where('id', '=', input.beneficiaryId).executeTakeFirst();
    if (!row) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
    return toBeneficiaryView(row);
  },

  'beneficiaries.register': async (input, ctx) => {
    const { idType, idNumber } = input.identity;
    const existing = await ctx.db
      .selectFrom('beneficiaries')
      .select(['id', 'full_name'])
      .where('id_number', '=', idNumber)
      .executeTakeFirst();
    if (existing) {
      const message = fill(ar.messages.idNumberTaken, { name: existing.full_name });
      throw new AppError('conflict', message, [{ path: ['identity', 'idNumber'], message }]);
    }
    const fullName = [input.firstName, input.fatherName, input.grandfatherName, input.familyName].join(' ');
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
