import type { HandlerContext } from '../context';

/**
 * S6: the beneficiary's file number, given once, when their first request is registered ("F-1001",
 * "F-1002" …). Returns the number they have (new or earlier).
 */
export async function assignFileNumber(ctx: HandlerContext, beneficiaryId: number): Promise<string> {
  const b = await ctx.db.selectFrom('beneficiaries').select(['file_number', 'version']).where('id', '=', beneficiaryId).executeTakeFirstOrThrow();
  if (b.file_number) return b.file_number;
  const last = await ctx.db
    .selectFrom('beneficiaries')
    .select((eb) => eb.fn.max<number | null>(eb.cast(eb.fn<string>('substr', ['file_number', eb.lit(3)]), 'integer')).as('n'))
    .where('file_number', 'like', 'F-%')
    .executeTakeFirst();
  const fileNumber = `F-${Math.max(1000, last?.n ?? 1000) + 1}`;
  await ctx.db
    .updateTable('beneficiaries')
    .set({ file_number: fileNumber, registered_at: ctx.now.toISOString(), updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id, version: b.version + 1 })
    .where('id', '=', beneficiaryId)
    .execute();
  ctx.audit({ entity: 'beneficiary', entityId: beneficiaryId, before: { fileNumber: null }, after: { fileNumber } });
  return fileNumber;
}
