import type { BeneficiaryHit } from '../../../shared/contract';
import { nameTokens } from '../../../shared/text/normalize-arabic';
import { normalizeMobile } from '../../../shared/validation/mobile';
import { cleanIdNumber } from '../../../shared/validation/national-id';
import type { HandlerContext } from '../context';
import { toBeneficiaryView } from './beneficiary-view';

/**
 * The desk's one search box (P2): an exact ID or mobile hit first, then names whose words start
 * with every fragment typed, in any order, whatever the diacritics or spelling variants.
 */
export async function searchBeneficiaries(text: string, limit: number, ctx: HandlerContext): Promise<BeneficiaryHit[]> {
  const hits: BeneficiaryHit[] = [];
  const seen = new Set<number>();
  const add = (rows: Parameters<typeof toBeneficiaryView>[0][], match: BeneficiaryHit['match']) => {
    for (const r of rows) {
      if (seen.has(r.id) || hits.length >= limit) continue;
      seen.add(r.id);
      hits.push({ ...toBeneficiaryView(r), match });
    }
  };

  const idNumber = cleanIdNumber(text);
  if (/^[A-Z0-9]{4,20}$/.test(idNumber) && /\d/.test(idNumber)) {
    add(await ctx.db.selectFrom('beneficiaries').selectAll().where('id_number', '=', idNumber).execute(), 'id');
  }
  const mobile = normalizeMobile(text);
  if (mobile) {
    add(await ctx.db.selectFrom('beneficiaries').selectAll().where('mobile', '=', mobile).limit(limit).execute(), 'mobile');
  }
  const tokens = nameTokens(text).filter((t) => !/^\d+$/.test(t));
  if (tokens.length > 0 && hits.length < limit) {
    const ids = await ctx.store.searchNames(ctx.db, tokens, limit);
    if (ids.length > 0) {
      const rows = await ctx.db.selectFrom('beneficiaries').selectAll().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      add(ids.map((id) => byId.get(id)!).filter(Boolean), 'name');
    }
  }
  return hits;
}
