import type { BeneficiaryHit } from '@shared/contract';
import { parseComplaintNumberLoosely } from '@shared/text/complaint-numbers';
import { nameTokens } from '@shared/text/normalize-arabic';
import { parseFileNumber, parseRequestNumber } from '@shared/text/reference-numbers';
import { normalizeMobile } from '@shared/validation/mobile';
import { cleanIdNumber } from '@shared/validation/national-id';
import type { HandlerContext } from '../context';
import { compiledOnce } from '../store/compiled-once';
import type { Db } from '../store/store';
import { BENEFICIARY_VIEW_COLUMNS, toBeneficiaryView } from './beneficiary-view';

type Row = Parameters<typeof toBeneficiaryView>[0];

// The exact look-ups are the desk's most frequent search: built and compiled once (bench: "search:
// national ID", "search: mobile"), since Kysely would otherwise rebuild them on every keystroke.
const byIdNumber = compiledOnce((db: Db, idNumber: string) => db.selectFrom('beneficiaries').select(BENEFICIARY_VIEW_COLUMNS).where('id_number', '=', idNumber));
const byMobile = compiledOnce((db: Db, mobile: string, limit: number) =>
  db.selectFrom('beneficiaries').select(BENEFICIARY_VIEW_COLUMNS).where('mobile', '=', mobile).limit(limit),
);

/**
 * The desk's one search box (P2): an exact ID, mobile, file number, request or acknowledgement number
 * first (a request number gives its applicant, with the request; a complaint's number its complainant,
 * with the complaint), then names whose words start with every fragment
 * typed, in any order, whatever the diacritics, spelling variants, «بن» or article — those with every
 * word whole first, the latest visitor first within each (Store.searchNames).
 */
export async function searchBeneficiaries(text: string, limit: number, ctx: HandlerContext): Promise<BeneficiaryHit[]> {
  const hits: BeneficiaryHit[] = [];
  const seen = new Set<number>();
  const add = (rows: Row[], match: BeneficiaryHit['match'], extra?: Pick<BeneficiaryHit, 'request' | 'complaint'>) => {
    for (const r of rows) {
      if (seen.has(r.id) || hits.length >= limit) continue;
      seen.add(r.id);
      hits.push({ ...toBeneficiaryView(r), match, ...extra });
    }
  };
  const beneficiaries = () => ctx.db.selectFrom('beneficiaries').select(BENEFICIARY_VIEW_COLUMNS);

  const requestNumber = parseRequestNumber(text);
  if (requestNumber) {
    const request = await ctx.db.selectFrom('requests').select(['id', 'number', 'beneficiary_id']).where('number', '=', requestNumber).executeTakeFirst();
    if (request) {
      add(await beneficiaries().where('id', '=', request.beneficiary_id).execute(), 'request', { request: { id: request.id, number: request.number } });
    }
  }
  // P8: an acknowledgement number gives its complainant, with the complaint. Without its letter it reads
  // as a request number too: both are looked up, the request's applicant first.
  const complaintNumber = parseComplaintNumberLoosely(text);
  if (complaintNumber) {
    const complaint = await ctx.db.selectFrom('complaints').select(['id', 'number', 'beneficiary_id']).where('number', '=', complaintNumber).executeTakeFirst();
    if (complaint?.beneficiary_id) {
      add(await beneficiaries().where('id', '=', complaint.beneficiary_id).execute(), 'complaint', { complaint: { id: complaint.id, number: complaint.number } });
    }
  }
  // "F1234567" may also be a passport number: the ID look-up below still runs.
  const fileNumber = parseFileNumber(text);
  if (fileNumber) add(await beneficiaries().where('file_number', '=', fileNumber).execute(), 'file');

  const idNumber = cleanIdNumber(text);
  if (/^[A-Z0-9]{4,20}$/.test(idNumber) && /\d/.test(idNumber)) {
    add(await byIdNumber(ctx.db, idNumber), 'id');
  }
  const mobile = normalizeMobile(text);
  if (mobile) {
    add(await byMobile(ctx.db, mobile, limit), 'mobile');
  }
  // «ف-1001» and «ش-1448-12» are no names: their letter would list everyone whose name starts with it.
  const tokens = fileNumber || complaintNumber ? [] : nameTokens(text).filter((t) => !/^\d+$/.test(t));
  if (tokens.length > 0 && hits.length < limit) {
    const ids = await ctx.store.searchNames(ctx.db, tokens, limit);
    if (ids.length > 0) {
      const rows = await beneficiaries().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      add(ids.map((id) => byId.get(id)!).filter(Boolean), 'name');
    }
  }
  return hits;
}
