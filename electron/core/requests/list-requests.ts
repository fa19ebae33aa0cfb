import type { ParsedInputOf, RequestSummary } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { parseRequestNumber } from '@shared/text/reference-numbers';
import { searchBeneficiaries } from '../beneficiaries/search';
import type { HandlerContext } from '../context';
import { selectRequestSummaries, toRequestSummary } from './request-summaries';

/** People whose requests a `text` filter lists at most (the search box's own limit). */
const PEOPLE = 50;

/**
 * `requests.list`: newest first, by state, person, printed number, or the search box's text (P2) — a
 * request number in any digits is that request; anything else finds people as the desk's search does
 * (file number, ID, mobile, name) and lists their requests.
 */
export async function listRequests(input: ParsedInputOf<'requests.list'>, ctx: HandlerContext): Promise<RequestSummary[]> {
  let q = selectRequestSummaries(ctx.db).orderBy('r.id', 'desc').limit(input.limit);
  if (input.states?.length) q = q.where('r.state', 'in', input.states);
  if (input.beneficiaryId) q = q.where('r.beneficiary_id', '=', input.beneficiaryId);
  if (input.number) q = q.where('r.number', '=', parseRequestNumber(input.number) ?? input.number);
  if (input.text) {
    const number = parseRequestNumber(input.text);
    if (number) {
      q = q.where('r.number', '=', number);
    } else {
      const people = (await searchBeneficiaries(input.text, PEOPLE, ctx)).map((h) => h.id);
      if (people.length === 0) return [];
      q = q.where('r.beneficiary_id', 'in', people);
    }
  }
  const day = businessDay(ctx.now, ctx.timeZone);
  return (await q.execute()).map((r) => toRequestSummary(r, day));
}
