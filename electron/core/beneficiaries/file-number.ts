import { sql } from 'kysely';
import type { HandlerContext } from '../context';

/**
 * S6: the beneficiary's file number, given once, when their first request is registered ("F-1001",
 * "F-1002" …). Returns the number they have (new or earlier).
 */
export async function assignFileNumber(ctx: HandlerContext, beneficiaryId: number): Promise<string> {
  const b = await ctx.db.selectFrom('beneficiaries').select(['file_number', 'version']).where('id', '=', beneficiaryId).executeTakeFirstOrThrow();
  if (b.file_number) return b.file_number;
  const last = await sql<{ n: number | null }>`
    SELECT max(CAST(substr(file_number, 3) AS INTEGER)) AS n FROM beneficiaries WHERE file_number LIKE 'F-%'`.execute(ctx.db);
  const fileNumber = `F-${Math.max(1000, last.rows[0]?.n ?? 1000) + 1}`;
  await ctx.db
    .updateTable('beneficiaries')
    .set({ file_number: fileNumber, registered_at: ctx.now.toISOString(), updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id, version: b.version + 1 })
    .where('id', '=', beneficiaryId)
    .execute();
  ctx.audit({ entity: 'beneficiary', entityId: beneficiaryId, before: { fileNumber: null }, after: { fileNumber } });
  return fileNumber;
}
